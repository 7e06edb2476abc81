"""The quote finder: patterns, negative cases, span invariants, the reference article, PolNeAR floors, CLI."""

from __future__ import annotations

import json

import pytest
from conftest import POLNEAR, SAMPLE, needs_polnear
from hypothesis import example, given, settings
from hypothesis import strategies as st

from toolkit import load_corpus
from toolkit.cli.main import main
from toolkit.quotes.lexicon import speech_verbs
from toolkit.quotes.finder import Quote, find_quotes, quotes_frame
from toolkit.quotes.speakers import normalise_name, normalise_speakers


def _check_spans(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
        if q.cue is not None:
            assert text[q.cue_start:q.cue_end] == q.cue


@pytest.mark.parametrize(
    "text, kind, quote, speaker, cue, rule",
    [
        ("“We will win this election,” she said.", "direct", "“We will win this election,”", "she", "said", "quote_said"),
        ('"We will win this election," said Sen. John McCain.', "direct", '"We will win this election,"', "Sen. John McCain", "said", "quote_said"),
        ("''We will win this election,'' the mayor said.", "direct", "''We will win this election,''", "the mayor", "said", "quote_said"),
        ("Jens Stoltenberg, a spokesman for NATO, said the alliance has no evidence of any assistance.", "indirect",
         "the alliance has no evidence of any assistance", "Jens Stoltenberg", "said", "cue_clause"),
        ("According to the report, the economy grew faster than expected last year.", "indirect",
         "the economy grew faster than expected last year", "the report", "According to", "according_to"),
        ("The economy grew faster than expected last year, according to the report.", "indirect",
         "The economy grew faster than expected last year", "the report", "according to", "according_to"),
        ("The plan is dead, officials said.", "indirect", "The plan is dead", "officials", "said", "content_said"),
        ("The plan is dead, said Mr. Smith.", "indirect", "The plan is dead", "Mr. Smith", "said", "content_said"),
        ("The mayor said the claims “are not backed by any proof at all.”", "mixed",
         "the claims “are not backed by any proof at all.”", "The mayor", "said", "said_mixed"),
        ("Trump told reporters that the wall would be built by Mexico.", "indirect",
         "that the wall would be built by Mexico", "Trump", "told", "cue_that"),
        ("“We will win,” she said. “And we will govern.”", "direct", "“We will win,” she said. “And we will govern.”",
         "she", "said", "split_quote"),
        ("Oil prices rise on supply fears - Reuters\n\nOil rose.", "indirect", "Oil prices rise on supply fears", "Reuters", "-",
         "headline_source"),
        ('"Start of text quote here now," he said', "direct", '"Start of text quote here now,"', "he", "said", "quote_said"),
        ("He left. Then she said: “This is the end of the road for all of us.”", "direct",
         "“This is the end of the road for all of us.”", "she", "said", "said_quote"),
        # a clause without a lexicon cue: its subject is the source (PolNeAR)
        ("He went on to call Cruz “the absolutely worst politician in the whole state of Texas.”", "direct",
         "“the absolutely worst politician in the whole state of Texas.”", "He", "went", "subject_quote"),
        ("Mitch McConnell delivered a blunt message to Trump: \"It is time to quit attacking people.\"", "direct",
         '"It is time to quit attacking people."', "Mitch McConnell", "delivered", "subject_quote"),
        ("According to the Daily Caller, “Labott coordinated with Reines to post a favorable quote.”", "direct",
         "“Labott coordinated with Reines to post a favorable quote.”", "the Daily Caller", "According to",
         "subject_quote"),
        ('Said Comey, "The thought that an error on our part is connected to this is painful."', "direct",
         '"The thought that an error on our part is connected to this is painful."', "Comey", "Said", "subject_quote"),
        ('Clinton: "Our goal is not to contain ISIS, but to defeat and destroy ISIS."', "direct",
         '"Our goal is not to contain ISIS, but to defeat and destroy ISIS."', "Clinton", ":", "subject_quote"),
        ('"Analysts said no to this deal at the time," remembered Roy Verley, a spokesman.', "direct",
         '"Analysts said no to this deal at the time,"', "Roy Verley", "remembered", "quote_said"),
        # a quotation ending in "," followed by a name and any verb; a parenthetical after the name
        ('"Jeb wants to be a tough guy tonight," Trump shot back.', "direct", '"Jeb wants to be a tough guy tonight,"',
         "Trump", "shot", "quote_said"),
        ("“If they did not take part, they have nothing to worry about,” Sen. Chuck Schumer (D-N.Y.) said Tuesday.",
         "direct", "“If they did not take part, they have nothing to worry about,”", "Sen. Chuck Schumer", "said", "quote_said"),
        # "“A,” she told X, “B.”": one content in parts
        ("“First and foremost,” she told Hewitt, “I would never, ever wish harm on them.”", "direct",
         "“First and foremost,” she told Hewitt, “I would never, ever wish harm on them.”", "she", "told", "split_quote"),
        # the clause before a mid-sentence quotation is content too
        ('Gore tried to distance himself, and in doing so he "made a strategic mistake," Lichtman said.', "mixed",
         'Gore tried to distance himself, and in doing so he "made a strategic mistake,"', "Lichtman", "said",
         "mixed_said"),
    ],
)
def test_patterns(text, kind, quote, speaker, cue, rule):
    quotes = find_quotes(text)
    _check_spans(text, quotes)
    match = [q for q in quotes if q.text == quote]
    assert match, [q.text for q in quotes]
    q = match[0]
    assert (q.kind, q.speaker, q.cue, q.rule) == (kind, speaker, cue, rule)


# One row per indirect / attribution pattern (PolNeAR's PARC attributions): text, content, speaker, cue, rule.
INDIRECT_PATTERNS = [
    ("Pence said he would campaign with Trump in Indiana.", "he would campaign with Trump in Indiana", "Pence", "said",
     "cue_clause"),
    ("United Gun Group said in a statement Thursday night that they pulled the listing.",
     "that they pulled the listing", "United Gun Group", "said", "cue_that"),
    ("Most economists believe the recession is over.", "the recession is over", "Most economists", "believe", "cue_clause"),
    ("The senator wants to repeal the law before the election.", "to repeal the law before the election",
     "The senator", "wants", "cue_to"),
    ("Clinton urged Congress to act on gun control.", "Congress to act on gun control", "Clinton", "urged", "cue_obj_to"),
    ("Reporters asked whether the campaign would release the tapes.", "whether the campaign would release the tapes",
     "Reporters", "asked", "cue_wh"),
    ("Sanders endorsed Clinton at a rally in New Hampshire.", "Clinton at a rally in New Hampshire", "Sanders",
     "endorsed", "cue_object"),
    ("Many days, former employees said, she would stay at the office past midnight.",
     "Many days, former employees said, she would stay at the office past midnight", "former employees", "said",
     "content_said_content"),
    ("The big plant is hanging on, said the company's chief executive.", "The big plant is hanging on",
     "the company's chief executive", "said", "content_said"),
    ("Assem had logged 2,766 flying hours with EgyptAir, the airline said Thursday.",
     "Assem had logged 2,766 flying hours with EgyptAir", "the airline", "said", "content_said"),
    ("Among Trump voters, 22 percent said they might change their mind.", "they might change their mind",
     "22 percent", "said", "cue_clause"),
    ("The mayor, who said the budget was balanced, resigned on Monday.", "the budget was balanced, resigned on Monday",
     "who", "said", "cue_clause"),
    ("He criticized the plan, adding that it would cost jobs.", "that it would cost jobs", "He", "adding",
     "participle_that"),
    ("Senator Bob Corker, a Tennessee Republican who has met privately with Mr. Trump and been mentioned as a "
     "possible running mate, said there could be a line the nominee crosses.", "there could be a line the nominee crosses",
     "Senator Bob Corker", "said", "cue_clause"),
    # the bare complement may open with a lower-case noun when a finite verb follows soon
    ("Police said people in the vicinity should stay home.", "people in the vicinity should stay home", "Police", "said",
     "cue_clause"),
    # prepositional and noun cues (toolkit/data/cue_phrases.tsv): the object is the content
    ("Sanders talked about the cost of college at the rally.", "the cost of college at the rally", "Sanders",
     "talked about", "cue_phrase"),
    ("His concerns about the trade deal grew louder.", "the trade deal grew louder", "His", "concerns about", "cue_phrase"),
    ("Cruz was also critical of Obama’s stance on Iran.", "Obama’s stance on Iran", "Cruz", "critical of", "cue_phrase"),
    ("She rejected the suggestion that she had lied to investigators.", "that she had lied to investigators", "She",
     "suggestion", "cue_phrase"),
    # raising and evidential cues: PolNeAR's source is empty, the content the subject and the infinitive
    ("The birth is expected to coincide with the conventions.", "The birth is expected to coincide with the conventions",
     None, "expected", "raising"),
    ("For much of his career, Manafort seemed to be part of the establishment.",
     "For much of his career, Manafort seemed to be part of the establishment", None, "seemed", "raising"),
    ("When asked whether he would support Trump, Rubio gave a roundabout answer.", "whether he would support Trump",
     None, "asked", "asked_wh"),
]


@pytest.mark.parametrize("text, content, speaker, cue, rule", INDIRECT_PATTERNS)
def test_indirect_patterns(text, content, speaker, cue, rule):
    quotes = find_quotes(text)
    _check_spans(text, quotes)
    match = [q for q in quotes if q.text == content]
    assert match, [(q.text, q.rule) for q in quotes]
    q = match[0]
    assert (q.kind, q.speaker, q.cue, q.rule) == ("indirect", speaker, cue, rule)


@pytest.mark.parametrize(
    "text",
    [
        "The statement was expected by Monday.",  # "expected" without "to": no raising cue
        "He seems tired after the long campaign in Iowa.",  # "seems" without "to"
        "The talk about the weather went on for hours.",  # "talk about" is not a TRAIN cue phrase
        "He was asked to leave the room by the guards.",  # "asked" without a question
        "He went to say goodbye to his mother.",  # "to say": no subject of its own
        "The saying goes back to the 1800s in this small town.",  # a noun, not a cue
        "Officials said so.",  # no content
        "The support for the plan grew over the summer months.",  # "support" as a noun
        "He said.",
        "In Ohio, the vote was close.",
    ],
)
def test_indirect_negative(text):
    assert [(q.text, q.rule) for q in find_quotes(text)] == []


def test_quote_in_parts_is_one_prediction():
    # PolNeAR: one attribution whose content has two parts, however long the attribution between them
    text = ("“That is a problem for the party,” said Rep. Jim Clyburn, a member of House Democratic leadership "
            "who has served since 1993. “I would love to see him endorse.”\n\nThe vote is Tuesday.")
    quotes = [q for q in find_quotes(text) if q.kind == "direct"]
    assert len(quotes) == 1 and quotes[0].rule == "split_quote" and quotes[0].text.endswith("endorse.”")
    assert quotes[0].speaker == "Rep. Jim Clyburn"


def test_attribution_in_next_sentence_and_after_colon():
    text = "“We are tired of being told it is offensive!” Cruz said.\n\nA spokesman said:\n\n“I guess Christmas Eve was booked.”"
    quotes = find_quotes(text)
    assert [(q.rule, q.speaker, q.cue) for q in quotes] == [
        ("quote_said", "Cruz", "said"), ("said_colon_quote", "A spokesman", "said")]


def test_clause_after_quote_is_not_its_attribution():
    text = "Rendell called it “an incredible feat” - but he said the time is coming when Sanders will have to stop."
    quotes = find_quotes(text)
    assert any(q.rule == "cue_clause" and q.speaker == "he" and q.text.startswith("the time is coming") for q in quotes)


def test_floating_quote_takes_nearest_attribution():
    text = ("“We will win,” said Mr. Ekovich, who noted that prices had cratered.\n\n"
            "“Things are moving in the right direction, but they are by no means back to normal.”")
    quotes = find_quotes(text)
    floating = [q for q in quotes if q.rule == "floating"]
    assert floating and floating[0].speaker == "Mr. Ekovich"


def test_multi_paragraph_quote_is_one_span():
    text = "“We will win this election and we will govern.\n\n“Nobody can stop us now, believe me,” she said."
    quotes = find_quotes(text)
    assert len(quotes) == 1 and quotes[0].start == 0 and quotes[0].text.endswith("believe me,”")
    assert quotes[0].speaker == "she"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "Nothing here.",
        "Critics mocked the so-called “reset” of relations with Moscow.",
        "She appeared on “Saturday Night Live” last week.",
        "The “deal” was signed on Monday.",
        "The film “Hello Dolly” opened on Friday.",
        "An unbalanced “quotation mark that never closes in this text",
        "A stray closing mark” in the text.",
        "The film “A Choice Not An Echo Today” opened in May.",  # short, not sentence-like: a title
    ],
)
def test_no_quotes(text):
    assert [q for q in find_quotes(text) if q.kind != "indirect"] == []
    assert find_quotes(text) == [] or all(q.kind == "indirect" for q in find_quotes(text))


def test_quote_at_very_start_and_end():
    text = "“It is over,” he said. The mayor added: “We are done here, finally.”"
    quotes = find_quotes(text)
    assert quotes[0].start == 0 and quotes[-1].end == len(text)
    assert [q.speaker for q in quotes] == ["he", "The mayor"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "''", "``", " he said", ", said Ms. Doe", " the minister",
                                 " according to", " We", " win", ".", ",", "\n\n", " that", " so-called", "Zakharova",
                                 " told reporters", " é", "’s", " - Reuters", ":"]), max_size=40))
@example([" according to", ",", "“", "“", "“"])  # "according to," with nothing after the comma: no quote
def test_spans_always_in_bounds(pieces):
    text = "".join(pieces)
    quotes = find_quotes(text)
    _check_spans(text, quotes)
    assert quotes == sorted(quotes, key=lambda q: (q.start, q.end))
    assert all(q.kind in {"direct", "mixed", "indirect"} for q in quotes)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
@settings(max_examples=200, deadline=None)
def test_spans_in_bounds_arbitrary_text(text):
    _check_spans(text, find_quotes(text))


def test_normalise_speakers_groups_surnames():
    assert normalise_name("Foreign Ministry spokeswoman Maria Zakharova") == "Maria Zakharova"
    assert normalise_name("the Foreign Ministry") == "Foreign Ministry"
    assert normalise_name("she") == "she"
    text = ("“We deny it,” Foreign Ministry spokeswoman Maria Zakharova said. “Nothing happened,” Zakharova said. "
            "“It is over,” she said.")
    quotes = find_quotes(text)
    assert [q.speaker_name for q in quotes] == ["Maria Zakharova", "Maria Zakharova", "she"]
    assert quotes[-1].speaker_resolved == "Maria Zakharova"
    assert normalise_speakers([]) == []


def test_lexicon_is_data():
    verbs = speech_verbs()
    assert verbs["said"].lemma == "say" and verbs["told"].lemma == "tell" and verbs["underlined"].lemma == "underline"
    assert speech_verbs() is verbs  # loaded once
    assert "clause" in verbs["said"].frames and "to" in verbs["wants"].frames and verbs["endorsed"].frames == {"obj"}
    assert all(v.frames <= {"clause", "to", "wh", "obj"} for v in verbs.values())


def test_every_quote_names_its_rule():
    articles = load_corpus(SAMPLE)
    rules = {q.rule for text in articles["text"] for q in find_quotes(text)}
    assert rules and "" not in rules


# The reference article (data/sample/000_...): the quotations, their speakers and cues.
REFERENCE_QUOTES = [
    ("are aimed at diverting attention", "indirect", "Russia’s Foreign ministry", "said"),
    ("“The US generals continue", "direct", "the Foreign Ministry", "said"),
    ("“are not backed with any proof at all.”", "mixed", "the Foreign Ministry", "adding"),
    ("“This gives the clear impression", "direct", "the Ministry’s statement", "reads"),
    ("“had already stated publicly that", "mixed", "The ministry", "underlined"),
    ("“inappropriate,”", "mixed", "Russia", "labeled"),
    ("“At the same time, our questions", "direct", "the statement", "read"),
    ("“the videos don't provide incontrovertible proof”", "mixed", "the US broadcaster", "acknowledged"),
    ("“disinformation campaign.”", "mixed", "Foreign Ministry spokeswoman Maria Zakharova", "saying"),
]


@pytest.fixture(scope="module")
def reference():
    articles = load_corpus(SAMPLE)
    text = articles.loc[articles["doc_id"] == "000_ad9fd6472d9b5eb0", "text"].iloc[0]
    return text, find_quotes(text)


@pytest.mark.parametrize("needle, kind, speaker, cue", REFERENCE_QUOTES)
def test_reference_article(reference, needle, kind, speaker, cue):
    text, quotes = reference
    _check_spans(text, quotes)
    match = [q for q in quotes if needle in q.text]
    assert len(match) == 1, [q.text[:40] for q in quotes]
    q = match[0]
    assert (q.kind, q.speaker, q.cue) == (kind, speaker, cue)


def test_reference_speaker_names(reference):
    _, quotes = reference
    names = {q.speaker_name for q in quotes}
    assert "Maria Zakharova" in names and "Foreign Ministry" in names


def test_quotes_frame_is_tidy_and_deterministic():
    articles = load_corpus(SAMPLE)
    frame = quotes_frame(articles)
    assert list(frame.columns[:4]) == ["doc_id", "start", "end", "text"]
    assert "speaker_name" in frame.columns and len(frame) > 20
    assert frame.equals(quotes_frame(articles))
    for row in frame.itertuples():
        text = articles.set_index("doc_id").at[row.doc_id, "text"]
        assert text[row.start:row.end] == row.text


# Regression floors on PolNeAR dev, a little below the measured values (see README "Quotes").
DEV_FLOORS = {
    ("direct", 0.3, "f1"): 0.835, ("direct", 0.8, "f1"): 0.75, ("direct", 0.3, "speaker_acc"): 0.90,
    ("indirect", 0.3, "recall"): 0.51, ("indirect", 0.3, "precision"): 0.775, ("indirect", 0.3, "speaker_acc"): 0.88,
    ("all", 0.3, "f1"): 0.705, ("all", 0.8, "f1"): 0.65,
}


@needs_polnear
def test_dev_evaluation_floor():
    from toolkit.evaluation.brat import read_brat_dir
    from toolkit.evaluation.quotes import evaluate_quotes

    gold, preds = {}, {}
    for stem, text, golds in read_brat_dir(POLNEAR / "dev"):
        gold[stem] = (text, golds)
        preds[stem] = find_quotes(text)
    table = evaluate_quotes(preds, gold).set_index(["subset", "threshold"])
    for (subset, thr, col), floor in DEV_FLOORS.items():
        assert table.at[(subset, thr), col] >= floor, (subset, thr, col)


def test_cli_quotes_jsonl_and_csv(tmp_path, capsys):
    out = tmp_path / "q.jsonl"
    assert main(["quotes", str(SAMPLE), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {"doc", "start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
                     "cue", "cue_start", "cue_end"} <= set(rows[0])
    texts = load_corpus(SAMPLE).set_index("doc_id")["text"]
    assert all(texts[r["doc"]][r["start"]:r["end"]] == r["text"] for r in rows)
    csv_out = tmp_path / "q.out"
    assert main(["quotes", str(SAMPLE), "--out", str(csv_out), "--format", "csv"]) == 0
    assert csv_out.read_text(encoding="utf-8").startswith("doc,start,end,text")
    assert "quotes from 4 articles" in capsys.readouterr().out


def test_cli_quotes_missing_path(tmp_path, capsys):
    assert main(["quotes", "/no/such/path", "--out", str(tmp_path / "q.jsonl")]) == 2


def test_cli_evaluate_rejects_non_brat(tmp_path, capsys):
    assert main(["evaluate", "quotes", str(tmp_path)]) == 2
    assert "attributions" in capsys.readouterr().err


@needs_polnear
def test_cli_evaluate_prints_report(capsys):
    assert main(["evaluate", "quotes", str(POLNEAR / "dev")]) == 0
    out = capsys.readouterr().out
    assert "direct" in out and "indirect" in out and "F1" in out


# Round 4: speakers. One row per pattern: text, quotation, speaker, rule; then negative cases.
SPEAKER_PATTERNS = [
    # a quotation ending in "," then "Name verb": the comma attributes, whatever follows the verb
    ("“As we mourn the victims of terror, we say a prayer for the community,” Romney tweeted the day after "
     "the shooting in the city.", "“As we mourn", "Romney", "quote_said"),
    # "R-Ky." before "," ends no sentence
    ('"There has been a lot of talk about our candidates, so let me make it clear," Senate Majority Leader '
     'Mitch McConnell, R-Ky., said.', '"There has been', "Senate Majority Leader Mitch McConnell", "quote_said"),
    ('"Power to the people of this great city!" the group shouted from the street.', '"Power', "the group",
     "quote_said"),
    # fact-check format: a dashed line after the quotation names the speaker
    ('"I went to Wall Street before the crash. I was the one saying you are going to wreck the economy."\n\n'
     "- Bernie Sanders.\n\nThe senator is wrong.", '"I went', "Bernie Sanders", "quote_said"),
    # mixed_said: the lead clause's own cue and subject are the source, not the attribution after it
    ("Trump said he wanted to meet. First, Trump argued the judge was “a hater of mine,” the campaign said.",
     "First, Trump argued", "Trump", "mixed_said"),
    # a free-standing quotation: the named subject of the sentence before it
    ("“We will win this,” Clinton said.\n\nSanders spoke in Ohio on Tuesday.\n\n“The system is rigged against "
     "working families in this country.”", "“The system", "Sanders", "floating"),
    # an opening adverbial is not the subject
    ("Back in 1999, Mr. Trump expressed admiration for the governor, telling CNBC: “I wish I could be like that.”",
     "“I wish", "Mr. Trump", "said_mixed"),
]


@pytest.mark.parametrize("text, needle, speaker, rule", SPEAKER_PATTERNS)
def test_speaker_patterns(text, needle, speaker, rule):
    quotes = find_quotes(text)
    _check_spans(text, quotes)
    match = [q for q in quotes if needle in q.text]
    assert match, [q.text for q in quotes]
    assert (match[0].speaker, match[0].rule) == (speaker, rule)


@pytest.mark.parametrize(
    "text, needle, not_speaker",
    [
        # mixed_said without a cue in the lead clause keeps the attribution after the quotation
        ("Trump said he wanted to meet. The vote was “fantastic,” the campaign said.", "The vote", None),
        # a lower-case sentence subject before a free-standing quotation is not its speaker
        ("“We will win this,” Clinton said.\n\nThe rally ended early on Tuesday.\n\n“The system is rigged against "
         "working families in this country.”", "“The system", "The rally"),
        # "that" before a name is a complementiser, not part of the speaker
        ("Critics said that Mr. Putin wants to weaken the alliance.", "to weaken", "that Mr. Putin"),
    ],
)
def test_speaker_negative_cases(text, needle, not_speaker):
    quotes = [q for q in find_quotes(text) if needle in q.text]
    assert quotes and all(q.speaker != not_speaker for q in quotes)
    if not_speaker is None:
        assert quotes[0].speaker == "the campaign"


def test_presupposed_clause_is_not_an_attribution():
    assert not find_quotes("The deal was criticised, given that Mr. Putin backs American adversaries around the world.")
    assert any(q.speaker == "Mr. Putin" for q in find_quotes("Critics said Mr. Putin backs American adversaries."))


@pytest.mark.parametrize(
    "speaker, name",
    [
        # (a) honorifics, titles and role words go
        ("Mr. Trump", "Trump"), ("Rival Hillary Clinton", "Hillary Clinton"), ("Sen. Marco Rubio (R-Fla.)", "Marco Rubio"),
        ("President Donald Trump", "Donald Trump"), ("Foreign Ministry spokeswoman Maria Zakharova", "Maria Zakharova"),
        ("Mr. King", "King"), ("Senate Minority Leader Harry M. Reid (D-Nev.)", "Harry Reid"),
        ("the Washington Post Trump", "Trump"),
        # (a) negative: an organisation keeps its title-like words; a lone title stays
        ("the Foreign Ministry", "Foreign Ministry"), ("White House", "White House"), ("the president", "president"),
        # (b) a possessor stands for its statement or spokesman
        ("Moscow’s", "Moscow"), ("the Ministry’s statement", "Ministry"), ("Trump’s Virginia state director", "Trump"),
        ("Sanders' campaign", "Sanders"), ("Sanders’ spokesman", "Sanders"),
        # people close to someone are not that someone; a possessor before a name is not part of it
        ("people close to Clinton", "people close to Clinton"), ("Reuters’ Luciana Lopez", "Luciana Lopez"),
        ("MSNBC’s Alex Seitz-Wald and Reuters’ Luciana Lopez", "Luciana Lopez"),
        # (b) negative: a name after the possessive is the speaker; other possessed nouns stay
        ("Russia’s Foreign ministry", "Foreign ministry"), ("Clinton’s campaign spokesman Brian Fallon", "Brian Fallon"),
        ("Clinton’s allies", "Clinton’s allies"),
        # (c) leading determiners/complementisers, trailing adverbs, appositives
        ("that Mr. Putin", "Putin"), ("the ministry", "ministry"), ("Fact-checkers soon", "Fact-checkers"),
        ("One early supporter, Representative Lee Zeldin, Republican of New York,", "Lee Zeldin"),
        # (c) negative: pronouns are lower-cased but "I" stays; a plain name is untouched
        ("He", "he"), ("He’s", "he"), ("I", "I"), ("Angela Merkel", "Angela Merkel"),
        # (e) one spelling of a full name across articles
        ("Donald J. Trump", "Donald Trump"),
    ],
)
def test_normalise_name(speaker, name):
    assert normalise_name(speaker) == name


def _named(speakers: list[str]) -> list[str | None]:
    return [q.speaker_name for q in normalise_speakers([Quote(0, 1, "x", "direct", speaker=s) for s in speakers])]


def test_normalise_speakers_groups_within_an_article():
    # (d) a surname with the article's full name; an organisation's head noun with its full name, any case
    assert _named(["Zakharova", "Foreign Ministry spokeswoman Maria Zakharova"]) == ["Maria Zakharova"] * 2
    assert _named(["Russia’s Foreign ministry", "the ministry", "the Ministry’s statement", "the Foreign Ministry"]) \
        == ["Foreign Ministry"] * 4
    # a bare "the statement" after "the Ministry’s statement" is the Ministry's
    assert _named(["the Ministry’s statement", "the Foreign Ministry", "the statement"]) == ["Foreign Ministry"] * 3
    # (d) negative: two people share the surname, so the bare surname stays; no candidate, no change
    assert _named(["Clinton", "Hillary Clinton", "Bill Clinton"]) == ["Clinton", "Hillary Clinton", "Bill Clinton"]
    assert _named(["the statement", "officials"]) == ["statement", "officials"]
    # (e) a full name is its own canonical form; a bare surname with no first name in the article stays
    assert _named(["Mr. Trump", "Donald J. Trump"]) == ["Donald Trump"] * 2
    assert _named(["Mr. Trump", "he"]) == ["Trump", "he"]
    # a coordination is not a full name to group with
    assert _named(["Mr. Schultz and Mr. King", "Mr. King"]) == ["Schultz and Mr. King", "King"]


# Issue 11: speaker errors by kind (PolNeAR TRAIN), one synthetic sentence each: text, quotation, speaker, rule.
SPEAKER_FIXES = [
    # a dateline is not the speaker of a mixed quote
    ("WASHINGTON — Sen. Chuck Grassley on Wednesday downplayed the attack and said it is “basically the same thing.”",
     "“basically", "Sen. Chuck Grassley", "said_mixed"),
    # a clause fragment or a sentence opener is not a speaker ("Of" + "course", "Ask" + "yourself", "Hours later")
    ("Of course, the stage itself was the winner:\n\n“The clear winner of the night was the Fox Business Network, no doubt.”",
     "“The clear", None, "floating"),
    ("Ask yourself what the plan means: “We will never give up on this country, not ever.”", "“We will", None, "floating"),
    ("Hours later, Trump returned the compliment, telling Reuters, “Sheldon and I have been friends for a long time.”",
     "“Sheldon", "Trump", "said_mixed"),
    # a place or an age between commas is not the speaker; the name before them is
    ("Cory James, 22, of Flint, Mich., said he had not given up hope that Sanders could win.", "that Sanders",
     "Cory James", "cue_that"),
    ("Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put a lot of coal miners out of "
     "business.”", "“going", "Clinton", "said_mixed"),
    ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”",
     "“a total", "Trump", "said_mixed"),
    # a participle cue after the verb's object or a preposition's object: the sentence subject speaks
    ("Black Lives Matter issued a statement saying it took the action “because of the unsafe conditions.”", "“because",
     "Black Lives Matter", "said_mixed"),
    ("Trump posted a message on Twitter reading “Thank you Georgia” moments after polls closed.", "“Thank you", "Trump",
     "said_mixed"),
    # a naming participle ("a company called ...") is not a cue of the thing named
    ("The campaign paid a company called “Cambridge Analytica” for its data services last year.", "“Cambridge",
     "The campaign", "said_mixed"),
    # roundup layouts: "As X put it", "HEADLINE - Name: “...”", and a "Name, Outlet" line under the quotation
    ('Republicans will not budge. As John Cornyn put it, "This person will not be confirmed at all."', '"This person',
     "John Cornyn", "subject_quote"),
    ("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one about the polls.”", "“One of",
     "Carl Bialik", "subject_quote"),
    ("The panel ended.\n\n“We will never give up on this country, not ever.”\nJane Doe, The Daily Planet\n\nMore text.",
     "“We will", "Jane Doe", "quote_said"),
    # whatever "according to" governs is the source, named or not
    ("Oil rose on Monday, according to early results of exit polls conducted by Edison Research.", "Oil rose",
     "early results of exit polls conducted by Edison Research", "according_to"),
    # a passive cue has no source; a progressive one has its subject past the auxiliary
    ("The final shuttering of the factory is not expected to happen until 2019.", "to happen", None, "cue_to"),
    ("Hollande was referring to Trump’s recent remarks about the family of a fallen soldier.", "Trump’s recent",
     "Hollande", "cue_phrase"),
]


@pytest.mark.parametrize("text, needle, speaker, rule", SPEAKER_FIXES)
def test_speaker_fixes(text, needle, speaker, rule):
    quotes = find_quotes(text)
    _check_spans(text, quotes)
    match = [q for q in quotes if needle in q.text]
    assert match, [q.text for q in quotes]
    assert (match[0].speaker, match[0].rule) == (speaker, rule)


@pytest.mark.parametrize("text, not_speaker", [
    # a one-word possessive is a name, not a contraction: "Scott's niece" keeps its speaker
    ("“This is a big year for our state!” Scott's niece shouted to the crowd.", None),
    # a roundup name line needs "Name, Outlet": a new paragraph with a clause after the comma is not one
    ("“We will never give up on this country, not ever.”\n\nPatrick Howley, writing on Breitbart, shared those "
     "sentiments.", "Patrick Howley"),
])
def test_speaker_fixes_negative(text, not_speaker):
    quotes = [q for q in find_quotes(text) if q.kind == "direct"]
    assert quotes and all(q.speaker != not_speaker for q in quotes)


def test_relative_speaker_resolves_to_its_antecedent():
    # PolNeAR marks "who" as the source, so the span stays; the person counted is the antecedent
    quotes = find_quotes("Senator Bob Corker, who said the nominee could still win, left the meeting early.")
    assert [(q.speaker, q.speaker_name, q.speaker_resolved) for q in quotes] == [("who", "who", "Bob Corker")]
    quotes = find_quotes("The Pentagon, which said the report was false, declined to comment further.")
    assert quotes[0].speaker == "which" and quotes[0].speaker_resolved == "Pentagon"


def test_a_speaker_phrase_never_runs_over_a_heading_line():
    # a roundup's heading without a period, then the attribution on the next line: the name is on the cue's line
    text = ("The Latest: Trump Wants Answers From Wall Street\nDonald Trump said on Sunday that the banks had rigged"
            " the economy.\n\nRubio Defends A Sign Of Leadership\nMarco Rubio says his campaign is doing fine.")
    found = [(q.speaker, text[q.speaker_start:q.speaker_end]) for q in find_quotes(text)]
    assert found == [("Donald Trump", "Donald Trump"), ("Marco Rubio", "Marco Rubio")]
