"""Boilerplate removal: the reference article, each rule with a negative case, and PolNeAR unchanged."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import POLNEAR, REFERENCE, needs_polnear
from toolkit.corpus.boilerplate import clean_text, load_rules, parse_rules

REF_TITLE = "US claims that Russia is arming Taliban are smokescreen for own mistakes in Afghanistan - Moscow"


@pytest.fixture(scope="module")
def reference():
    return clean_text(REFERENCE.read_text(encoding="utf-8"))


def test_reference_title_date_links(reference):
    assert reference.title == REF_TITLE
    assert reference.date == datetime(2017, 9, 29, 12, 55)
    assert reference.related_links == (
        "Zakharova: ‘Alleged arming of Taliban by Russia part of US media disinformation campaign’",
    )


def test_reference_body_is_clean(reference):
    body = reference.text
    assert body.startswith("The US accusations that Russia is supplying arms")
    assert body.endswith("a deliberate “disinformation campaign.”")
    for junk in ("icon", "Podcasts", "0:00", "27:33", "READ MORE", "29 Sep, 2017", REF_TITLE):
        assert junk not in body
    # Removing the READ MORE line leaves one paragraph break, not two.
    assert "John W. Nicholson Jr.\n\nIn July, CNN released" in body
    # The body keeps its own characters: curly quotes, double spaces, trailing no-break spaces inside.
    assert "underlined that\u00a0 NATO" in body and "the Taliban.\u00a0\n\nThe ministry" in body


def test_reference_removed_lines_say_which_rule(reference):
    rules = [rule for rule, _ in reference.removed]
    assert rules.count("repeated-title") == 2
    assert {"icon-run", "date-line", "read-more", "media-label", "player-timestamp"} <= set(rules)


@pytest.mark.parametrize(
    "text, body, removed",
    [
        ("Share this article\n\nBody text.", "Body text.", ["share-line"]),
        ("Body text.\n\nFollow us on Telegram\nSubscribe", "Body text.", ["share-line", "share-line"]),
        ("Body text.\n\n0:00\n12:41", "Body text.", ["player-timestamp", "player-timestamp"]),
        ("Body.\n\nREAD MORE: Another story\n\nMore body.", "Body.\n\nMore body.", ["read-more"]),
        ("Title\n\nTitle\n\nBody.", "Body.", ["repeated-title", "repeated-title"]),
        ("Published time: 3 Mar, 2018 10:01\n\nBody.", "Body.", ["published-line"]),
    ],
)
def test_rules_fire(text, body, removed):
    cleaned = clean_text(text)
    assert cleaned.text == body
    assert sorted(r for r, _ in cleaned.removed) == sorted(removed)


@pytest.mark.parametrize(
    "text",
    [
        "Body text.\n\nHe urged people to share this article with friends.\n\nEnd.",  # share inside prose
        "Body text.\n\nShare\n\nMore body text after it.",  # edge rule in the middle: kept
        "The game ended 3:2 after extra time.\n\nEnd.",  # a score inside a sentence
        "Headline once\n\nBody.\n\nBody.",  # a repeated paragraph later is not a title
        "29 Sep, 2017 12:55 was when it happened.\n\nEnd.",  # a date inside a sentence
        "Published by Reuters\n\nBody.",  # a label whose value is not a date
        "",
        "\n\n",
    ],
)
def test_no_rule_fires_text_unchanged(text):
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert not cleaned.changed


def test_icon_run_needs_many_icons():
    assert not clean_text("The icon of the icon painters.\n\nBody.").changed


@pytest.mark.parametrize(
    "paragraph",
    [
        "Silicon Valley firms, silicon chip makers and an iconic Silicon Alley start-up: the lexicon of the Silicon age.",
        "Silicon Valley silicon iconic lexicon Silicon silicon icon",  # no punctuation, but capitals: a heading, not icons
    ],
)
def test_prose_about_silicon_is_not_an_icon_run(paragraph):
    text = f"First paragraph.\n\n{paragraph}\n\nLast paragraph."
    cleaned = clean_text(text)
    assert cleaned.text == text and not cleaned.changed


def test_icon_run_is_lowercase_names_only():
    run = "icon bookmark-bicon cameraicon chevron downicon closeicon v-expandicon fm"
    assert clean_text(f"{run}\n\nBody.").text == "Body."
    assert clean_text(f"{run}.\n\nBody.").text.startswith(run)  # punctuation: prose


def test_user_rules_extend_and_replace(tmp_path):
    rules_file = tmp_path / "rules.jsonl"
    rules_file.write_text('{"id": "sponsor", "action": "drop", "where": "edge", "pattern": "^Sponsored by .+$"}\n')
    text = "Body.\n\nSponsored by ACME"
    assert clean_text(text, load_rules(rules_file)).text == "Body."
    assert clean_text(text).text == text  # not a shipped rule
    only = load_rules(rules_file, extend=False)
    assert [r.id for r in only] == ["sponsor"]


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "x", "action": "explode", "pattern": "a"}',
        '{"id": "x", "action": "drop", "pattern": "("}',
        '{"action": "drop", "pattern": "a"}',
        "not json",
    ],
)
def test_bad_rules_name_the_line(line):
    with pytest.raises(ValueError, match=r"rules.jsonl:1"):
        parse_rules([line], "rules.jsonl")


@needs_polnear
def test_polnear_texts_keep_their_offsets():
    """Every PolNeAR text comes out unchanged, except footers that are boilerplate: there the body is
    a prefix of the original, so every gold offset still points at the same characters."""
    changed = []
    paths = sorted(POLNEAR.glob("*/text/*.txt"))
    assert len(paths) > 900
    for path in paths:
        raw = path.read_bytes().decode("utf-8")
        cleaned = clean_text(raw)
        if cleaned.text == raw:
            continue
        assert raw.startswith(cleaned.text), path.name
        assert cleaned.title is None and cleaned.date is None, path.name
        changed.append((path.name, [rule for rule, _ in cleaned.removed]))
    # Two footers, both share/subscribe lines ("Follow @politico.", "Sign up to get an email from ...").
    assert len(changed) <= 2, changed
    assert all(rules == ["share-line"] for _, rules in changed), changed
