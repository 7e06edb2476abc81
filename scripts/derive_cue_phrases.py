"""Derive ``toolkit/data/cue_phrases.tsv``: two-word cues whose content follows them, from PolNeAR TRAIN.

Run from the project root:

    .venv/bin/python scripts/derive_cue_phrases.py /work/shared/polnear/train > toolkit/data/cue_phrases.tsv

PolNeAR (Pareti's PARC) annotates prepositional and noun cues as well as verbs of saying:
"talked about X", "referring to X", "support for X", "criticism of X", "calls for X", "his
promise to X", "the claim that X". A verb-cue finder cannot reach them, so this script counts
them. For every two-token sequence ``w1 w2`` of the TRAIN texts (``toolkit.text.tokenize.word_spans``
tokens, lower-cased) with ``w2`` a preposition (``PREPOSITIONS``) or "that"/"to":

* ``cues``: how often a gold attribution has ``w2`` (for a preposition) or ``w1`` (for
  "that"/"to") at the end of its Cue and its Content starting right after it
  (content starts at the preposition's object, or at "that"/"to" itself);
* ``occurrences``: how often the sequence occurs in the texts at all.

"w1 that"/"w1 to" with ``w1`` a form in ``speech_verbs.tsv`` is left to that lexicon's frames.
A phrase is kept when ``cues >= MIN_CUES`` and ``cues / occurrences >= MIN_RATIO`` (the rule's
precision on TRAIN, before the finder's own filters), and ``w1`` is not a function word.
``head`` says how the source is found: ``verb`` (the cue word is an inflected verb: its subject)
or ``noun`` (a possessive before the noun, else the sentence subject); the suffix
rule is in ``_head``. The counts are the provenance; edit the thresholds here, not the TSV.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from toolkit.evaluation.brat import read_brat_dir  # noqa: E402
from toolkit.quotes.lexicon import STOPWORDS, speech_verbs  # noqa: E402
from toolkit.text.tokenize import word_spans  # noqa: E402

PREPOSITIONS = ("about", "of", "for", "to", "on", "against", "over", "at", "in", "with", "as")
MIN_CUES = 3
MIN_RATIO = 0.3
_FUNCTION = STOPWORDS | {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these",
                         "those", "some", "any", "all", "each", "one", "he", "she", "they", "we", "i", "you",
                         # the slot between a verb and its "that": "said Tuesday night that", "wrote on Twitter that"
                         "night", "morning", "afternoon", "evening", "twitter", "facebook"}


def _head(word: str) -> str:
    """Return ``verb`` for an inflected verb form (-ed, -ing; "spoke"), else ``noun``."""
    return "verb" if word.endswith(("ed", "ing")) or word in {"spoke", "took", "made", "said", "told"} else "noun"


def derive(split: str) -> list[tuple[str, int, int]]:
    """Return (phrase, cues, occurrences) for every two-token cue sequence seen in TRAIN."""
    cues: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    verbs = speech_verbs()  # "said that", "vowed to": the verb lexicon's frames already cover them
    for _stem, text, golds in read_brat_dir(split):
        spans = word_spans(text)
        toks = [text[s:e].lower() for s, e in spans]
        # (cue part end, content start) of every gold with content
        pairs = {(max(e for _, e in g.cue_parts), min(s for s, _ in g.content_parts))
                 for g in golds if g.content_parts and g.cue_parts}
        ends = {}
        for ce, c0 in pairs:
            ends.setdefault(ce, set()).add(c0)
        for i in range(len(toks) - 1):
            w1, w2 = toks[i], toks[i + 1]
            if not w1.isalpha() or w1 in _FUNCTION:
                continue
            if w2 in PREPOSITIONS:
                key = f"{w1} {w2}"
                occurrences[key] += 1
                starts = ends.get(spans[i + 1][1], ())
                nxt = spans[i + 2][0] if i + 2 < len(spans) else None
                if nxt is not None and nxt in starts:
                    cues[key] += 1
            if w2 in {"that", "to"} and w1 not in verbs:
                key = f"{w1} {w2}*"
                occurrences[key] += 1
                if spans[i + 1][0] in ends.get(spans[i][1], ()):
                    cues[key] += 1
    return [(k, cues[k], occurrences[k]) for k in sorted(cues)]


def main(split: str) -> None:
    """Print the TSV."""
    print("# Two-word cues whose content follows them (prepositional and noun cues), derived from PolNeAR TRAIN")
    print(f"# by scripts/derive_cue_phrases.py (cues >= {MIN_CUES}, cues/occurrences >= {MIN_RATIO:.2f}; see the script).")
    print("# 'w that*'/'w to*': the content starts at 'that'/'to' (\"the claim that ...\", \"his promise to ...\").")
    print("# Regenerate: .venv/bin/python scripts/derive_cue_phrases.py /work/shared/polnear/train > toolkit/data/cue_phrases.tsv")
    print("phrase\thead\ttrain_cues\ttrain_occurrences\tsource")
    rows = [(k, c, o) for k, c, o in derive(split) if c >= MIN_CUES and c / o >= MIN_RATIO]
    for key, c, o in sorted(rows, key=lambda r: (-r[1], r[0])):
        print(f"{key}\t{_head(key.split()[0])}\t{c}\t{o}\tpolnear-train")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "polnear" / "train"))
