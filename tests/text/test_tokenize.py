"""Tests for toolkit.text.tokenize: literal sentence/paragraph/word cases plus span invariants."""

from __future__ import annotations

import re
from collections.abc import Callable

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import POLNEAR
from toolkit.text import tokenize
from toolkit.text.punkt import abbreviations as abbreviations_of_punkt
from toolkit.text.punkt_reference import reference_word_tokenizer
from toolkit.text.tokenize import Span, paragraph_spans, sentence_spans, sentences, word_columns, word_spans, word_tokens

Tokenizer = Callable[[str], list[Span]]

# `<repo>/../shared/polnear/dev/text`, or under $TOOLKIT_SHARED (see conftest.py).
POLNEAR_TEXT = POLNEAR / "dev" / "text"


def assert_valid_spans(text: str, spans: list[Span]) -> None:
    """Spans are Span tuples, in bounds, sorted, non-overlapping and whitespace-trimmed."""
    previous_end = 0
    for span in spans:
        assert isinstance(span, Span) and isinstance(span, tuple)
        start, end = span
        assert previous_end <= start < end <= len(text), (span, text)
        assert not text[start].isspace() and not text[end - 1].isspace(), (span, text[start:end])
        previous_end = end


def check(tokenizer: Tokenizer, text: str, expected: list[str]) -> None:
    """`tokenizer(text)` gives valid spans whose `text[s:e]` are exactly `expected`."""
    spans = tokenizer(text)
    assert_valid_spans(text, spans)
    assert [text[s:e] for s, e in spans] == expected


# --- sentences ----------------------------------------------------------------------------

SENTENCE_CASES = [
    # Curly and straight quotes: the closing quote stays with its sentence.
    ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
    ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
    (
        "She called it ‘a disgrace.’ Then she left.",
        ["She called it ‘a disgrace.’", "Then she left."],
    ),
    ("He said 'It is over.' Then he left.", ["He said 'It is over.'", "Then he left."]),
    ("It is “over.” But not quite.", ["It is “over.”", "But not quite."]),
    ("(He left.) She stayed.", ["(He left.)", "She stayed."]),
    # The sentence continues after the quotation: one sentence.
    ("“It is over,” the ministry said.", ["“It is over,” the ministry said."]),
    ("“Is it over?” she asked.", ["“Is it over?” she asked."]),
    ("“It is over!” he shouted.", ["“It is over!” he shouted."]),
    ('"Is it over?" she asked.', ['"Is it over?" she asked.']),
    ("He asked “why?” and left.", ["He asked “why?” and left."]),
    # ... but a capitalised word after ?/! starts a new sentence.
    ("“Is it over?” She asked again.", ["“Is it over?”", "She asked again."]),
    ("Is it over? Yes. It is!", ["Is it over?", "Yes.", "It is!"]),
    ("“We’re not going to stop. It’s going on.”", ["“We’re not going to stop.", "It’s going on.”"]),
    # Abbreviations, titles and initials inside a sentence.
    ("Mr. Smith met Mrs. Jones and Dr. Brown.", ["Mr. Smith met Mrs. Jones and Dr. Brown."]),
    (
        "Gen. John W. Nicholson Jr. said the war was not over.",
        ["Gen. John W. Nicholson Jr. said the war was not over."],
    ),
    ("J. K. Rowling wrote a new book.", ["J. K. Rowling wrote a new book."]),
    ("Rep. G.K. Butterfield spoke first.", ["Rep. G.K. Butterfield spoke first."]),
    (
        "The U.S. Army said on Sept. 11 that it was ready.",
        ["The U.S. Army said on Sept. 11 that it was ready."],
    ),
    (
        "He met Gov. Jerry Brown of Calif. on Friday.",
        ["He met Gov. Jerry Brown of Calif. on Friday."],
    ),
    (
        "He works in Washington, D.C. with his wife.",
        ["He works in Washington, D.C. with his wife."],
    ),
    ("It happened at 5 p.m. on Tuesday.", ["It happened at 5 p.m. on Tuesday."]),
    ("The No. 1 issue is jobs.", ["The No. 1 issue is jobs."]),
    ("Martin Luther King Jr. gave a speech.", ["Martin Luther King Jr. gave a speech."]),
    (
        "LOS ANGELES, Sept. 28 (UPI) — Mary J. Blige sang.",
        ["LOS ANGELES, Sept. 28 (UPI) — Mary J. Blige sang."],
    ),
    (
        "Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and others signed.",
        ["Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and others signed."],
    ),
    # An unlisted abbreviation followed by a lower-case word is merged back.
    (
        "He marched down Pennsylvania Ave. in Washington.",
        ["He marched down Pennsylvania Ave. in Washington."],
    ),
    ("Wait... what happened?", ["Wait... what happened?"]),
    # Splits that MUST happen, including after an abbreviation at a true sentence end.
    ("Clinton won. Trump lost.", ["Clinton won.", "Trump lost."]),
    ("Prices rose in 2016. The index fell.", ["Prices rose in 2016.", "The index fell."]),
    ("The vote was 52-48. Republicans cheered.", ["The vote was 52-48.", "Republicans cheered."]),
    (
        "He landed in the U.S. The next day he flew home.",
        ["He landed in the U.S.", "The next day he flew home."],
    ),
    (
        "The meeting ended at 5 p.m. The vote came later.",
        ["The meeting ended at 5 p.m.", "The vote came later."],
    ),
    ("The answer was no. He left.", ["The answer was no.", "He left."]),
    ("He was born in St. Louis, Mo. He moved.", ["He was born in St. Louis, Mo.", "He moved."]),
    ("The firm is Apple Inc. The company grew.", ["The firm is Apple Inc.", "The company grew."]),
    (
        "WASHINGTON (AP) — The Senate voted. It passed.",
        ["WASHINGTON (AP) — The Senate voted.", "It passed."],
    ),
    (
        "Hillary Clinton\xa0 was headed there. Next one.",
        ["Hillary Clinton\xa0 was headed there.", "Next one."],
    ),
    # A paragraph break always ends a sentence, with or without final punctuation.
    (
        "Title Without Period\n\nFirst sentence. Second one.",
        ["Title Without Period", "First sentence.", "Second one."],
    ),
    (
        "Headline\nMonday, Sept. 12, 2016\nBody text here.",
        ["Headline", "Monday, Sept. 12, 2016", "Body text here."],
    ),
    ("First para.\r\n\r\nSecond para. Third.", ["First para.", "Second para.", "Third."]),
    ("He asked: “Why?”\n\nNobody answered.", ["He asked: “Why?”", "Nobody answered."]),
    ("Hard\nwrapped text.\n\nNext para.", ["Hard\nwrapped text.", "Next para."]),
    ("  \n Leading and trailing space. \n\n", ["Leading and trailing space."]),
    ("", []),
    (" \n\t\n ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    check(sentence_spans, text, expected)
    assert sentences(text) == expected


def test_abbreviation_at_sentence_end_before_unlisted_word_is_not_split() -> None:
    # Documented limitation: with no trained orthographic statistics, Punkt only breaks
    # after an abbreviation when the next word is a listed sentence starter.
    text = "He lived in the U.S. Officials said so."
    assert sentences(text) == [text]


def test_no_punkt_data_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tokenize must not load or download NLTK data")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    tokenize._word_regex.cache_clear()
    try:
        assert sentences("Mr. Smith left. He came back.") == ["Mr. Smith left.", "He came back."]
        assert len(word_spans("Mr. Smith left.")) == 4
    finally:
        tokenize._word_regex.cache_clear()


def test_shipped_abbreviation_list() -> None:
    required = (
        "mr mrs ms dr prof gen lt col sgt rep sen gov pres rev st jr sr "
        "jan feb mar apr jun jul aug sep sept oct nov dec "
        "u.s u.k u.n e.g i.e etc vs inc corp co ltd no approx dept est "
        "calif fla ill mass n.y pa tex va wash ariz ga mich minn mo n.j"
    ).split()
    abbreviations = abbreviations_of_punkt()
    assert set(required) <= abbreviations
    for entry in abbreviations:
        assert entry == entry.lower().strip() and not entry.endswith(".") and "#" not in entry
    assert "may" not in abbreviations and "ohio" not in abbreviations


# --- paragraphs ---------------------------------------------------------------------------

PARAGRAPH_CASES = [
    ("One. Two.\n\nThree.", ["One. Two.", "Three."]),
    ("A\nB\n\nC", ["A\nB", "C"]),  # with blank lines, single newlines stay inside a paragraph
    ("A\n  \t\nB", ["A", "B"]),  # a line of only whitespace is blank
    ("A\n\n\n\nB", ["A", "B"]),
    ("A\nB\nC", ["A", "B", "C"]),  # no blank line at all: one paragraph per non-empty line
    ("A\r\n\r\nB", ["A", "B"]),
    ("A\r\nB\r\n", ["A", "B"]),
    ("A\r\nB\n\nC", ["A\r\nB", "C"]),  # a CRLF is one line break, not a blank line
    ("A\rB", ["A", "B"]),
    ("  \n\n  Lead para.  \n \t \n Body. \n\n", ["Lead para.", "Body."]),
    ("\xa0Lead\xa0\n\nNext", ["Lead", "Next"]),
    ("Only one line.", ["Only one line."]),
    ("", []),
    ("   \n \r\n\t", []),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_CASES)
def test_paragraph_spans(text: str, expected: list[str]) -> None:
    check(paragraph_spans, text, expected)


# --- words --------------------------------------------------------------------------------

FRAGMENTS_WORDS = st.sampled_from(
    ["U.S.", "Mr.", "Dr", "e.g.", "$", "€", "1,000", "3.5", "’s", "'", "-", " ", "\x1c", "\x1f", "\u0301",
     "\u00b2", "\u00bd", "\u200d", "_", "\U0001d400", "\U0001d7ce", "\U0001f600", "\u0661", "\xa0", "."]
)

WORD_CASES = [
    ("The U.S. Army", ["The", "U.S.", "Army"]),
    ("Washington, D.C.", ["Washington", ",", "D.C."]),
    ("e.g. a U.S.-led force", ["e.g.", "a", "U.S.-led", "force"]),
    ("Mr. Smith Jr. met Dr. Who", ["Mr.", "Smith", "Jr.", "met", "Dr.", "Who"]),
    ("don’t don't", ["don’t", "don't"]),
    ("Clinton’s voters’", ["Clinton’s", "voters", "’"]),
    ("state-media 16-year-old", ["state-media", "16-year-old"]),
    ("1,000 3.5 $10 $19.3", ["1,000", "3.5", "$10", "$19.3"]),
    ("in 2016. 16th", ["in", "2016", ".", "16th"]),
    ("5% $ 9/11", ["5", "%", "$", "9", "/", "11"]),
    ("“Hello,” she said.", ["“", "Hello", ",", "”", "she", "said", "."]),
    ("‘Mocking’ \"x\"", ["‘", "Mocking", "’", '"', "x", '"']),
    ("a — b…", ["a", "—", "b", "…"]),
    ("", []),
    ("\x1c \xa0", []),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES)
def test_word_spans(text: str, expected: list[str]) -> None:
    check(word_spans, text, expected)


def _nltk_word_spans(text: str) -> list[tuple[int, int]]:
    """The reference: NLTK's RegexpTokenizer (the `regex` engine) over the same pattern."""
    return list(reference_word_tokenizer(tokenize._WORD_PATTERN_NLTK).span_tokenize(text))


@pytest.mark.parametrize(
    "text",
    [
        "Jose\u0301 Marti\u0301 said",  # combining accents: `regex` \w, not `re` \w
        "x\u00b2 and \u00bd cup",  # superscript two, one half: `re` \w, not `regex` \w
        "a\x1cb\x1d \x1e\x1fc",  # `re` \s, not `regex` \s
        "Mr.\u0301 U.S.\u0301-led",
        "\U0001d400\U0001d401 \U0001f600 \u0661\u0662",  # astral letters, emoji, Arabic-Indic digits
        "$\U0001d7ce5 \u200d\u200c_x",  # astral digit, joiners, connector
    ],
)
def test_word_spans_equal_nltk_on_unicode_edges(text: str) -> None:
    assert [tuple(s) for s in word_spans(text)] == _nltk_word_spans(text)
    assert all(isinstance(s, Span) for s in word_spans(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS_WORDS, st.text(max_size=8)), max_size=40).map("".join))
def test_word_spans_equal_nltk(text: str) -> None:
    assert [tuple(s) for s in word_spans(text)] == _nltk_word_spans(text)


# ASCII words against everything that may follow one: periods (titles, acronyms), apostrophes, hyphens, digits.
ASCII_WORDS = st.sampled_from(["a", "Mr", "Mrs", "Prof", "Jr", "U", "S", "e", "g", "word", "Trump", "x1", "16", ".", ",",
                               "'", "’", "-", "—", "$", "€", " ", "\n", "\u0301", "é", "_", "5"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(ASCII_WORDS, max_size=30).map("".join))
def test_word_spans_equal_nltk_around_ascii_words(text: str) -> None:
    assert [tuple(s) for s in word_spans(text)] == _nltk_word_spans(text)


def test_word_spans_equal_nltk_on_polnear() -> None:
    if not POLNEAR_TEXT.is_dir():
        pytest.skip(f"PolNeAR dev texts not found at {POLNEAR_TEXT}")
    for path in sorted(POLNEAR_TEXT.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = _nltk_word_spans(text)
        assert [tuple(s) for s in word_spans(text)] == spans, path.name
        assert word_columns(text) == (spans, [text[s:e] for s, e in spans], [s for s, _ in spans]), path.name


# --- properties ---------------------------------------------------------------------------

# Arbitrary unicode mixed with the pieces the tokenizers treat specially.
FRAGMENTS = st.sampled_from(
    ["U.S.", "Mr.", "J.", "said", "The", "he", "1,000", "$", " ", "  ", "\xa0", "\x1c"]
    + ["\n", "\n\n", "\r\n", "\r", "\n \n", "“", "”", "‘", "’", '"', "'", "(", ")"]
    + [".", "?", "!", "...", "…", ",", ";", "—", "-"]
)
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@pytest.mark.parametrize("tokenizer", [sentence_spans, paragraph_spans, word_spans])
def test_spans_are_valid_for_any_text(tokenizer: Tokenizer, text: str) -> None:
    assert_valid_spans(text, tokenizer(text))


# --- real news text -----------------------------------------------------------------------

# A sentence ending in one of these, followed by one starting lower case, is a wrong split.
_ABBREVIATION_END = re.compile(r"(?:^|[\s(“\"])(?:Mr|Mrs|Dr|U\.S)\.$")


def test_polnear_dev_sentences() -> None:
    if not POLNEAR_TEXT.is_dir():
        pytest.skip(f"PolNeAR dev texts not found at {POLNEAR_TEXT}")
    paths = sorted(POLNEAR_TEXT.glob("*.txt"))
    assert paths, f"no *.txt files in {POLNEAR_TEXT}"
    for path in paths:
        text = path.read_text(encoding="utf-8")
        spans = sentence_spans(text)
        assert_valid_spans(text, spans)
        assert spans, path.name
        for (start, end), (next_start, next_end) in zip(spans, spans[1:]):
            next_word = text[next_start:next_end].lstrip("\"'“‘(")
            wrong = _ABBREVIATION_END.search(text[start:end]) and next_word[:1].islower()
            assert not wrong, f"{path.name}: split after {text[max(start, end - 30):end]!r}"


@pytest.mark.parametrize("text", ["", "He said: “U.S.-led talks, $10.5 billion.”", "a\U0001F600b Mr. Smith's 1,000", "“a " * 50])
def test_word_tokens_are_word_spans_with_their_strings(text: str) -> None:
    spans, toks = word_tokens(text)
    assert spans == [tuple(s) for s in word_spans(text)]
    assert toks == [text[s:e] for s, e in word_spans(text)]


def test_sentences_split_each_paragraph_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "First one. Second one.\n\nMr. Smith left. He came back.\n\nLast."
    calls: list[Span] = []
    split = tokenize.paragraph_sentence_spans

    def counted(text: str, paragraph: Span) -> list[Span]:
        calls.append(paragraph)
        return split(text, paragraph)

    monkeypatch.setattr(tokenize, "paragraph_sentence_spans", counted)
    shared = tokenize.Sentences(text)
    assert shared.paragraphs == paragraph_spans(text)
    assert [text[s:e] for s, e in shared.of_paragraph(1)] == ["Mr. Smith left.", "He came back."]
    first, again = shared.all(), shared.all()
    assert sorted(calls) == paragraph_spans(text)  # paragraph 1 split once, though asked for three times
    assert first == again == sentence_spans(text)


def test_no_whitespace_character_starts_a_word_token() -> None:
    # `word_tokens` takes the pieces between tokens for whitespace: no whitespace character may start a token.
    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert re.fullmatch(r"\s+", spaces)
    for astral in (False, True):
        assert [c for c in spaces if tokenize._word_regex(astral).match(c)] == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000ab.,'’-$5€Mr\U0001d49c“”")), max_size=40))
def test_word_tokens_match_word_spans_on_any_spacing(text: str) -> None:
    spans, toks = word_tokens(text)
    assert word_columns(text) == (spans, toks, [s for s, _ in spans])
    assert spans == [tuple(s) for s in word_spans(text)]
    assert toks == [text[s:e] for s, e in spans]


@pytest.mark.parametrize("text", ["", "plain ascii", "é “curly”", "\uffff", "\U00010000", "a\ud800b \udfff", "x \U0001f600",
                                  "\U0010ffff"])
def test_astral_check_is_the_largest_character_beyond_the_bmp(text: str) -> None:
    # the word pattern with astral ranges is picked by this check: it must equal `max(text) > "\uffff"`
    assert tokenize._has_astral(text) == (bool(text) and max(text) > "\uffff")
