"""The article viewer: escaped, well-nested, deterministic HTML whose highlights are the annotated text."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from conftest import SAMPLE
from toolkit.reports.viewer import ArticleView, article_view, kwic_html, render_article, render_spans, Highlight

TEXT = 'Aides said: "It is <b>false</b> & a smear," the minister said.\n\nA second paragraph.'
QUOTE = {"start": 12, "end": 43, "kind": "direct", "speaker": "the minister", "speaker_start": 44, "speaker_end": 56,
         "cue": "said", "cue_start": 57, "cue_end": 61, "rule": "quote_said", "speaker_name": "minister"}
DENIAL = {"field": "text", "start": TEXT.index("<b>false</b>"), "end": TEXT.index("<b>false</b>") + len("<b>false</b>"),
          "category": "falsity", "rule": "false", "denier": "the minister", "denier_name": "minister", "in_quote": True,
          "target": None, "target_start": None, "target_end": None, "text": "<b>false</b>"}


class Spans(HTMLParser):
    """Collect every highlighted piece: (layer, data-start, data-end, its text), labels left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict | None] = []
        self.pieces: list[tuple[str, int, int, str]] = []
        self.in_label = 0
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "sup":
            self.in_label += 1
        if tag == "span":
            self.stack.append({"layer": attrs.get("data-layer"), "start": attrs.get("data-start"), "end": attrs.get("data-end"), "text": []})

    def handle_endtag(self, tag):
        if tag == "sup":
            self.in_label -= 1
        if tag == "span":
            piece = self.stack.pop()
            if piece["layer"]:
                self.pieces.append((piece["layer"], int(piece["start"]), int(piece["end"]), "".join(piece["text"])))

    def handle_data(self, data):
        if not self.in_label:
            for piece in self.stack:
                piece["text"].append(data)


def pieces(fragment: str) -> list[tuple[str, int, int, str]]:
    parser = Spans()
    parser.feed(fragment)
    assert not parser.stack, "unclosed <span>"
    return parser.pieces


def test_text_is_escaped_and_attributes_quoted():
    out = render_article(TEXT, [QUOTE], [DENIAL], title="<script>alert(1)</script>")
    assert "<b>" not in out and "<script>" not in out
    assert "&lt;b&gt;false&lt;/b&gt;" in out and "&amp; a smear" in out and "&lt;script&gt;" in out


def test_every_highlight_is_the_annotated_text():
    out = render_article(TEXT, [QUOTE], [DENIAL])
    found = pieces(out)
    assert {layer for layer, *_ in found} == {"quote", "speaker", "cue", "denial"}
    for layer, start, end, text in found:
        assert text == TEXT[start:end], (layer, start, end)


def test_denial_inside_a_quote_nests():
    out = render_article(TEXT, [QUOTE], [DENIAL], legend=False)
    quote_open = out.index('data-layer="quote"')
    denial_open = out.index('data-layer="denial"')
    assert quote_open < denial_open
    # The quote is one piece from its start to its end, with the denial wholly inside it.
    assert ("quote", 12, 43, TEXT[12:43]) in pieces(out)
    assert ("denial", DENIAL["start"], DENIAL["end"], "<b>false</b>") in pieces(out)
    assert 'title="denial: falsity' in out and "voice: in a quote" in out


def test_overlapping_spans_are_split_into_well_nested_pieces():
    text = "aaaa bbbb cccc"
    spans = [Highlight(0, 9, "quote", "q", "q0"), Highlight(5, 14, "denial", "d", "d0", "falsity")]
    found = pieces(render_spans(text, spans))
    assert ("quote", 0, 9, "aaaa bbbb") in found
    assert ("denial", 5, 9, "bbbb") in found and ("denial", 9, 14, " cccc") in found
    for _, start, end, piece in found:
        assert piece == text[start:end]


@pytest.mark.parametrize("quotes,denials", [(None, None), ([], []), ([QUOTE], None), (None, [DENIAL])])
def test_paragraphs_are_kept_and_missing_annotations_are_fine(quotes, denials):
    out = render_article(TEXT, quotes, denials)
    assert out.count("<p ") == 2 and "A second paragraph." in out


def test_title_denials_are_highlighted_in_the_title():
    title = "Claims are nonsense"
    denial = {**DENIAL, "field": "title", "start": 11, "end": 19, "text": "nonsense"}
    out = render_article("Body.", None, [denial], title=title)
    assert ("denial", 11, 19, "nonsense") in pieces(out)


def test_output_is_deterministic_and_self_contained():
    first = render_article(TEXT, [QUOTE], [DENIAL], title="T")
    assert first == render_article(TEXT, [QUOTE], [DENIAL], title="T")
    assert "<style" not in first and "<script" not in first and "style=" in first


def test_spans_outside_the_text_or_without_offsets_are_skipped():
    bad = [{**QUOTE, "start": 5, "end": 500}, {**QUOTE, "speaker_start": None, "speaker_end": None}]
    out = render_article(TEXT, bad)
    layers = [layer for layer, *_ in pieces(out)]
    assert layers.count("quote") == 1 and layers.count("speaker") == 1  # the second quote has no speaker offsets


def test_article_view_on_the_sample_matches_its_tables():
    from toolkit.pipeline.dataset import open_dataset

    data = open_dataset(SAMPLE)
    for doc_id, text in zip(data.articles["doc_id"], data.articles["text"]):
        view = article_view(data.articles, data.quotes, data.denials, doc_id)
        assert isinstance(view, ArticleView) and "0x" not in repr(view)
        for layer, start, end, piece in pieces(view._repr_html_()):
            if layer != "denial" or start < len(text):
                assert piece in (text[start:end], (view.title or "")[start:end])
    with pytest.raises(KeyError):
        article_view(data.articles, data.quotes, data.denials, "no such article")


def test_kwic_html_escapes_cells():
    import pandas as pd

    lines = pd.DataFrame([{"left": "a <i>", "phrase": "denied", "right": "& more", "category": "explicit", "denier": None,
                           "outlet": "nyt", "doc_id": "d1", "in_quote": False}])
    out = kwic_html(lines)
    assert "&lt;i&gt;" in out and "&amp; more" in out and html.escape("author's voice") in out
