"""The article view's quote styles: direct, mixed and indirect told apart (and named in the legend); quotes
that touch stay two bands."""

from __future__ import annotations

import re

import pytest

from toolkit.pipeline.article_view import QUOTE_KINDS, render_article

TEXT = '"We will win," she said. He added that it was over. "Never," he said.'


def _quote(start: int, end: int, kind: str) -> dict:
    return {"start": start, "end": end, "kind": kind, "speaker": None, "cue": "said", "rule": "r"}


def _quote_tags(html: str) -> list[dict[str, str]]:
    """Every quote piece's attributes, in order."""
    tags = re.findall(r'<span data-layer="quote"([^>]*)>', html)
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in tags]


@pytest.mark.parametrize("kind", ["direct", "mixed", "indirect"])
def test_each_kind_has_its_own_look_and_legend_entry(kind):
    html = render_article(TEXT, [_quote(0, 13, kind)])
    (tag,) = _quote_tags(html)
    assert tag["data-kind"] == kind
    assert QUOTE_KINDS[kind][1] in tag["style"]
    assert QUOTE_KINDS[kind][0] in html  # the legend names it


def test_the_three_kinds_look_different():
    looks = [_quote_tags(render_article(TEXT, [_quote(0, 13, kind)]))[0]["style"] for kind in QUOTE_KINDS]
    assert len(set(looks)) == 3
    legend = render_article("x")
    assert all(label in legend for label, _, _ in QUOTE_KINDS.values())
    assert "quote content" not in legend  # the one undifferentiated chip is gone


def test_a_quote_without_a_kind_is_drawn_as_direct():
    (tag,) = _quote_tags(render_article(TEXT, [{"start": 0, "end": 13}]))
    assert QUOTE_KINDS["direct"][1] in tag["style"]


def test_adjacent_quotes_are_two_bands_with_a_boundary():
    """Two quotes that touch (one ends where the next begins) used to read as one yellow band."""
    text = "AAAA BBBB"
    html = render_article(text, [_quote(0, 4, "direct"), _quote(4, 9, "direct")], legend=False)
    first, second = _quote_tags(html)
    assert (first["data-ann"], first["data-end"]) == ("q0", "4") and (second["data-ann"], second["data-start"]) == ("q1", "4")
    assert "border-right:2px solid" in first["style"] and "border-left:2px solid" in second["style"]


def test_a_quote_split_by_an_overlap_has_bars_only_at_its_real_ends():
    """A quote cut into pieces by an overlapping denial gets its bars at its start and end, not at the cut."""
    text = "aaaa bbbb cccc"
    denial = {"field": "text", "start": 0, "end": 9, "category": "falsity", "rule": "r", "text": "aaaa bbbb"}
    html = render_article(text, [_quote(5, 14, "indirect")], [denial], legend=False)
    pieces = _quote_tags(html)
    assert len(pieces) == 2
    assert "border-left" in pieces[0]["style"] and "border-right" not in pieces[0]["style"]
    assert "border-right" in pieces[1]["style"] and "border-left" not in pieces[1]["style"]


def test_focus_outlines_the_picked_span_outermost_and_names_it_in_the_legend():
    html = render_article(TEXT, [_quote(0, 13, "direct")], focus=(0, 13))
    assert html.index('data-layer="focus"') < html.index('data-layer="quote"')  # around the quote, not inside it
    assert re.search(r'<span data-layer="focus" data-ann="focus" data-start="0" data-end="13"[^>]*outline:2px solid', html)
    assert "selected row" in html
    plain = render_article(TEXT, [_quote(0, 13, "direct")])
    assert 'data-layer="focus"' not in plain and "selected row" not in plain
