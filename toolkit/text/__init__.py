"""Text: paragraph, sentence and word spans with character offsets (Punkt without downloads).

Bottom layer beside `corpus`: it may import only the standard library, third-party packages and
`toolkit.data`.
"""

from toolkit.text.tokenize import (
    Span,
    paragraph_sentence_spans,
    paragraph_spans,
    sentence_spans,
    sentences,
    word_spans,
)

__all__ = ["Span", "paragraph_sentence_spans", "paragraph_spans", "sentence_spans", "sentences", "word_spans"]
