"""Speaker spans of the quote finder (issue 11, part 1): the kinds of wrong speaker seen on PolNeAR train."""

from __future__ import annotations

import dataclasses

import pytest

from toolkit.quotes.doc import Quote
from toolkit.quotes.finder import find_quotes
from toolkit.quotes.speakers import evolve


def _speaker_of(text: str, needle: str) -> str | None:
    """Return the speaker of the one quote whose text contains ``needle``."""
    found = [q for q in find_quotes(text) if needle in q.text]
    assert len(found) == 1, [(q.text, q.speaker) for q in find_quotes(text)]
    q = found[0]
    if q.speaker is not None:
        assert text[q.speaker_start:q.speaker_end] == q.speaker
    return q.speaker


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        # a relative clause's verb is not the cue when the antecedent's own verb follows its closing comma
        ("Still, Petrilli, who thinks the administration made a power grab, called the new law “much, much better” "
         "than the old one.", "the new law", "Petrilli"),
        ("Speaking later, Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has pushed her to be "
         "a “stronger” candidate.", "Sanders has pushed", "Sen. Claire McCaskill"),
        # ... but a relative clause that carries the quote keeps "who" (PolNeAR marks the pronoun)
        ("Beck, who has in the past described Trump as “a pathological narcissistic sociopath” and more.",
         "pathological", "who"),
        # a time adverbial between the subject and its cue
        ("Trump at the time said he’d asked his “people” to “look into” paying the fees.", "people", "Trump"),
        ("Obama on Monday said the plan was “a disaster for everyone.”", "disaster", "Obama"),
        # an aside between dashes or spaced hyphens
        ("Jason Sims — a teacher from Mount Pleasant — says he made a late decision, and that the endorsement was "
         "“a big deal.”", "big deal", "Jason Sims"),
        ("Deborah Jordan Reynolds - Santilli's girlfriend and co-host on his YouTube channel - told The Washington "
         "Post that the situation was “very bad.”", "very bad", "Deborah Jordan Reynolds"),
        # a comma right after a parenthetical closes it, it opens no appositive
        ("In Berea, OH, after winning Ohio, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered "
         "wagon.”", "covered wagon", "Gov. John Kasich"),
        # middle initials do not cut a name
        ("Donald J. Trump said the plan was “a disaster for everyone.”", "disaster", "Donald J. Trump"),
        ("The plan is “bad for America,” said George W. Bush.", "bad for America", "George W. Bush"),
        # lower-case words inside or before a title, after an inverted cue
        ("The plan is “bad for America,” said Oversight ranking Democrat Elijah Cummings (D-Md.) on Monday.",
         "bad for America", "Oversight ranking Democrat Elijah Cummings"),
        ('"I am not going to say it is a mistake," said retired neurosurgeon Ben Carson.', "mistake",
         "retired neurosurgeon Ben Carson"),
        ('"Thanks for welcoming these refugees," said master of ceremonies Asab Al-Tabchi, a Syrian engineer.',
         "refugees", "master of ceremonies Asab Al-Tabchi"),
        # "what he calls": the pronoun of a free relative is the main clause's subject, or a later cue is the cue
        ("Cruz has railed against what he calls the “Washington cartel” and cast himself as an outsider.",
         "Washington cartel", "Cruz"),
        ("Despite what he wrote in the speech, Cross said he “may yet have to vote for her because of the "
         "deficiencies of my own party.”", "may yet", "Cross"),
        # ", according to Y" after a cue: the relaying account is the source
        ("“Delegates should be able to vote the way they see fit,” Walker said, according to an Associated Press "
         "account.", "Delegates", "an Associated Press"),
        # a cue in a "when/after/while" clause is backgrounded: the main clause after its comma speaks
        ("After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, "
         "“I suppose I could have chosen to bake cookies.”", "bake cookies", "Hillary"),
        # a title-case wire dateline is not the subject
        ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Trump, saying that “bombastic comments” "
         "do more harm than good.", "bombastic", "Democrat Hillary Clinton"),
    ],
)
def test_speaker_kinds(text: str, needle: str, speaker: str) -> None:
    assert _speaker_of(text, needle) == speaker


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        # negatives: the same shapes where the old reading is right
        ("Mr. Khan, who is Muslim, said “nothing” about it.", "nothing", "Mr. Khan"),
        ("The senator, who said the bill was “a disgrace,” left early.", "disgrace", "who"),
        ("“It is bad,” said officials in Washington.", "It is bad", "officials"),
        ("“It is bad,” said the former senator from Texas.", "It is bad", "the former senator"),
        ("“It is bad,” said several people close to the campaign.", "It is bad", "several people"),
        ("“It is bad,” Walker said. He added, according to aides, that he would stay.", "It is bad", "Walker"),
        ("In the past, Trump said the plan was “a disaster for everyone.”", "disaster", "Trump"),
        ("Sen. Marco Rubio (R-Fla.) said the plan was “a disaster for everyone.”", "disaster", "Sen. Marco Rubio"),
        ("When Trump said it, he called the plan “a disaster for everyone.”", "disaster", "he"),
        ("While Clinton condemned the plan, the groups who wrote to her say they are “concerned” about it.",
         "concerned", "the groups"),
        ("When asked about it, Trump said the plan was “a disaster for everyone.”", "disaster", "Trump"),
        ("WASHINGTON — Sen. Smith said the plan was “a disaster for everyone.”", "disaster", "Sen. Smith"),
        ("Asked what he believed about it, he said, “It is the wrong thing, but we have no right to judge.”",
         "wrong thing", "he"),
    ],
)
def test_speaker_kinds_negative(text: str, needle: str, speaker: str) -> None:
    assert _speaker_of(text, needle) == speaker


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        # a roundup's signed quotation: the name after a dash closes the line (issue 11, "— Name")
        ("Readers told us.\n\n“He represents our greatest shame.” ― Sonya Herridge\n", "greatest shame", "Sonya Herridge"),
        ("Readers told us.\n\n“Trump must stop portraying Latinos as gangsters.”― Carla Sanchez.\n", "gangsters",
         "Carla Sanchez"),
        ("Readers told us.\n\n“We will be fine in the end, believe me.” — George W. Bush Jr.\n", "fine in the end",
         "George W. Bush Jr."),
        ("Readers told us.\n\n“The debate changed nothing for me at all.” — Jane Doe, The Atlantic\n", "changed nothing",
         "Jane Doe"),
        # no-break spaces (scraped pages) around the dash and after the name
        ("Readers told us.\n\n“I hope this campaign gives us the anger to go out and vote.” ―\xa0Jorge Falcon\xa0\n",
         "anger to go out", "Jorge Falcon"),
    ],
)
def test_signed_roundup_quotes(text: str, needle: str, speaker: str) -> None:
    quote = next(q for q in find_quotes(text) if needle in q.text)
    assert (quote.rule, quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("signed", speaker, speaker)


def test_dash_then_running_text_is_no_signature() -> None:
    text = "Readers told us.\n\n“The debate changed nothing for me at all.” — And then the crowd went home early.\n"
    quote = next(q for q in find_quotes(text) if "changed nothing" in q.text)
    assert quote.rule != "signed"


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        # a state and party in parentheses between the name and its cue ends no sentence
        ('"It reminds us how important this election is," Sen. Marco Rubio (R-Fla.) said Saturday night.',
         "It reminds us", "Sen. Marco Rubio"),
        # a noun cue's possessor is its source, a name's possessive included
        ("Other Republicans joined Pence’s call for a special prosecutor.", "special prosecutor", "Pence’s"),
        # ... but a possessive pronoun in the object of its own subject's verb repeats that subject
        ("Cruz has signaled his desire to knock Rubio out of the race.", "knock Rubio", "Cruz"),
        ("Republicans distanced themselves from his suggestion that the judge was biased.", "judge was biased", "his"),
        # an adverb or a time adverbial between the subject and its cue
        ("Clinton has nevertheless called his vote an irresponsible one.", "irresponsible", "Clinton"),
        ("The staff spoke after Chairman Trey Gowdy (R-S.C.) earlier in the day touted progress the panel has made.",
         "progress", "Chairman Trey Gowdy"),
        # a description, then the name between commas: the name speaks ...
        ("The head of the super PAC backing Jeb Bush for president, Mike Murphy, praised the efforts of a donor.",
         "the efforts", "Mike Murphy"),
        # ... but two names in a row are a name and its appositive
        ("Hillary Clinton, Bernie Sanders, said the party was united.", "party was united", "Hillary Clinton"),
        # a leading adverb and its comma are not the subject
        ("Indeed, Senate Democrats here say there is a direct link to the violence.", "direct link",
         "Senate Democrats"),
        ("Specifically, Senate Democrats here say there is a direct link to the violence.", "direct link",
         "Senate Democrats"),
        # an opening participle clause whose comma closes a quoted title
        ("Speaking Sunday on ABC’s “This Week,” Carson admitted the name was wrong, but said his campaign had found "
         "the newspaper.", "his campaign had found", "Carson"),
        # ... but a name ending in -ly is a subject
        ("Kelly, who met the governor, said there is a direct link to the violence.", "direct link", "Kelly"),
        # "close to" inside the subject: the sources speak, not the senator; a possessive in s'
        ("Sources close to the senator said the report was wrong.", "report was wrong", "Sources close to the senator"),
        ("Sanders' team said the committee skirts legal limits.", "legal limits", "Sanders' team"),
        # a relative clause without commas: its antecedent speaks, not the clause's object; not in an object relative
        ("The senator who met Trump said the claims were false.", "claims were false", "The senator"),
        ("It is the franchise, one which Western New England University historian John Baick calls “a foundation of "
         "our political culture.”", "a foundation", "John Baick"),
    ],
)
def test_cue_subjects(text: str, needle: str, speaker: str) -> None:
    assert _speaker_of(text, needle) == speaker


def test_quotation_continued_to_a_closing_attribution() -> None:
    text = ('Strategists are skeptical.\n\n"He can assert it, but it seems extremely unlikely" that Sanders can catch '
            "Clinton, said Steve Elmendorf, a deputy campaign manager.")
    (q,) = [q for q in find_quotes(text) if "assert" in q.text]
    assert (q.rule, q.kind, q.speaker) == ("quote_then_said", "mixed", "Steve Elmendorf")
    assert text[q.start:q.end] == q.text and q.text.endswith("catch Clinton")
    # a clause end between the quotation and the attribution: the attribution is another sentence's
    other = ('"He can assert it, but it seems extremely unlikely." Sanders can catch Clinton, said Steve Elmendorf.')
    assert all(q.rule != "quote_then_said" for q in find_quotes(other))


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        # a nested quotation closing with the outer one ("''' said X")
        ("Mr. Trump spoke.\n\n''Voters will not be satisfied with 'We'll bomb them,''' said Senator John McCain of "
         "Arizona.", "Voters will", "Senator John McCain of Arizona"),
        # a cue form after a determiner is a noun: the inverted attribution names "the note"
        ("Mr. Trump spoke.\n\n''Mark, you are a total loser! Your book sucks!'' the note says.\n\nHe sent it.",
         "total loser", "the note"),
        # a long appositive between the name and its cue
        ("It was bad.\n\n''Hourly earnings data showed the largest increase since July 2009,'' Douglas Holtz-Eakin, an "
         "economic adviser to Republicans and former director of the nonpartisan Congressional Budget Office, wrote "
         "after the report.", "Hourly earnings", "Douglas Holtz-Eakin"),
        # the words after an inverted cue are its clause, not its subject
        ("Rich Heffley, a top operative who is now running the early-vote efforts in the state, said the absentee "
         "program is a “critical part” of the plan.", "absentee", "Rich Heffley"),
        # a newsroom role noun inside the speaker's noun phrase, not the end of it ("MSNBC", "Post White House")
        ("It was bad.\n\n“The race is over,” MSNBC host Chris Matthews said.", "race is over",
         "MSNBC host Chris Matthews"),
        ("It was bad.\n\n\"He did not pick a nominee to please anyone,\" wrote Post White House bureau chief Juliet "
         "Eilperin, citing participants.", "did not pick", "Post White House bureau chief Juliet Eilperin"),
        ("It was bad.\n\n“Turnout will decide it,” said Democratic pollster Stan Greenberg.", "Turnout",
         "Democratic pollster Stan Greenberg"),
    ],
)
def test_attributions_after_the_mark(text: str, needle: str, speaker: str) -> None:
    assert _speaker_of(text, needle) == speaker


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        # an infinitive or a passive before a mixed quote's mark is no cue of its own
        ("To believe it, “you have to take a really cynical view of the states,” he said.", "cynical view", "he"),
        ("Freddy, as he was known, ''was caught in the middle as somebody who didn't love it,'' Mr. Trump said.",
         "caught in the middle", "Mr. Trump"),
        # ... but an infinitive cue after its clause's subject speaks for that subject
        ("Trump took to Twitter to write, “This is a disgrace to the country and to the voters.”", "disgrace", "Trump"),
    ],
)
def test_no_cue_in_an_infinitive_or_passive(text: str, needle: str, speaker: str) -> None:
    assert _speaker_of(text, needle) == speaker


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        # a cue phrase whose sentence opens with no subject keeps its content without a source
        ("Given the intense criticism of the network after the forum, the moderators will be tougher.", "the network",
         None),
        # a predicate cue speaks for its copula's subject; a state of mind's participle too
        ("Clinton is an outspoken supporter of abortion rights in every state.", "abortion rights", "Clinton"),
        ("This year more than ever, however, they’re hopeful that things will change.", "things will change",
         "they’re"),
        ("But Mr. Ackman is convinced that Valeant will be a comeback story.", "comeback", "Mr. Ackman"),
        ("Since taking over as speaker, some Republicans made clear that they would like to see him back Trump.",
         "they would like", "some Republicans"),
        # ... but the one asked is still no source
        ("Sanders was asked about the emails of the former secretary.", "the emails", None),
        # ... and a cue inside an opening participle clause speaks for the main clause's subject
        ("Claiming the criticism of Lauer is designed to pressure the moderators, Trump told Fox that it was unfair.",
         "Lauer is designed", "Trump"),
    ],
)
def test_cue_phrase_sources(text: str, needle: str, speaker: str | None) -> None:
    assert _speaker_of(text, needle) == speaker


def test_an_expletive_subject_is_no_source() -> None:
    for text in ["It is not clear that the work in Ukraine ended with the campaign.",
                 "Two groups are trying. It's not clear that they can pull it off."]:
        (q,) = [q for q in find_quotes(text) if q.rule == "cue_phrase"]
        assert q.speaker is None and text[q.start:q.end] == q.text


def _quote_with(text: str, content: str):
    """Return the one quote whose text is ``content``, checking its offsets."""
    found = [q for q in find_quotes(text) if q.text == content]
    assert len(found) == 1, [(q.text, q.speaker) for q in find_quotes(text)]
    q = found[0]
    assert text[q.start:q.end] == q.text
    if q.speaker is not None:
        assert text[q.speaker_start:q.speaker_end] == q.speaker
    return q


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        # a relative pronoun past "both" or inside "all of whom", or contracted, is the cue's subject
        ("The senator, who has both endorsed the governor and praised his budget, left early on Friday.",
         "who", "the governor and praised his budget, left early on Friday"),
        ("The two senators, all of whom opposed the trade deal last year, introduced a new bill.",
         "whom", "the trade deal last year, introduced a new bill"),
        ("The mayor, who’d previously endorsed the governor, lost the primary.", "who’d",
         "the governor, lost the primary"),
        # a participle cue right after a noun phrase that opens its clause: the phrase is the subject
        ("The debate turned on trade, with the governor calling for new tariffs on imported steel.",
         "the governor", "new tariffs on imported steel"),
        ("It was a long night, with Smith talking about the city budget for an hour.", "Smith",
         "the city budget for an hour"),
        # ... but not an object before it ("spend many hours reflecting on")
        ("I would spend many hours reflecting on that subject with my friends.", "I",
         "that subject with my friends"),
        # a noun cue inside a subordinate or relative clause speaks for that clause's subject
        ("The row began just after the mayor entered the race with harsh words about the city council.",
         "the mayor", "the city council"),
        ("The party's elders, who have openly expressed concern about the candidate's temper, met on Monday.",
         "who", "the candidate's temper, met on Monday"),
        # ... not when the clause closed before the cue
        ("The lawsuit, which was filed on Friday, focuses on the county's voting machines.",
         "The lawsuit", "the county's voting machines"),
        # an opening prepositional phrase of place or topic is not the subject
        ("Beyond the camera footage, the report cited two interviews and said that the guard saw nothing.",
         "the report", "that the guard saw nothing"),
        ("Across party lines, voters have reached a consensus on the need for new roads.", "voters",
         "the need for new roads"),
        # a part of a group before an appositive name is no place ("one of ...", unlike "of Flint")
        ("In a statement, one of the family's lawyers, John Smith, said the video shows nothing.",
         "one of the family's lawyers", "the video shows nothing"),
        # a quantifier opening its clause is the cue's subject ...
        ("Many spoke about how much the new bridge would help the town.", "Many",
         "how much the new bridge would help the town"),
        ("While some agreed with much of the plan, the council voted it down.", "some",
         "much of the plan, the council voted it down"),
        # ... not an adverb ("most recently") nor part of a coordinated phrase ("Edwards and others")
        ("Edwards and others said they could not support the mayor.", "Edwards and others",
         "they could not support the mayor"),
        # an irregular plural is a source without a determiner, like "officials"
        ("Even people whose dealings with the mayor were good are wary of his plan for the harbor.", "people",
         "his plan for the harbor"),
        ("The bridge was closed on Monday after a crash, police said.", "police",
         "The bridge was closed on Monday after a crash"),
        # a noun cue that is a verb's object speaks for the verb's subject, past the sentence's opener
        ("After weeks of sniping, the frustration boiled over when the mayor voiced concern about the budget.",
         "the mayor", "the budget"),
        ("In the end 54 percent of the voters voted in favor of the new stadium.", "the voters", "the new stadium"),
        ("What became clear is that the mayor has a genuine personal interest in the new bridge.", "the mayor",
         "the new bridge"),
        # a negated auxiliary sits between the subject and its cue, outside the speaker
        ("Smith hasn't said whether he will run again.", "Smith", "whether he will run again"),
        ("The mayor didn’t say whether she would attend the debate.", "The mayor",
         "whether she would attend the debate"),
        # the one who asks is the source of a question: the agent of "asked by", the subject of an active "asked"
        ("The mayor smiled when asked by a reporter whether the bridge would open in May.", "a reporter",
         "whether the bridge would open in May"),
        ("Jane Roe, an editor at the paper, asked the mayor if the bridge would open in May.", "Jane Roe",
         "if the bridge would open in May"),
        # ... a bare "Asked whether" names nobody
        ("Asked whether the bridge would open in May, the mayor smiled.", None, "whether the bridge would open in May"),
        # ", adding that" after a cue speaks for that cue's speaker, not for the sentence's first noun phrase
        ("Our roads will be fixed by June, the mayor said, adding that the bridge would open in May.", "the mayor",
         "that the bridge would open in May"),
        ("Our roads will be fixed by June, said Jane Roe, adding that the bridge would open in May.", "Jane Roe",
         "that the bridge would open in May"),
        # "all", "both", "together" float after the subject ...
        ("Smith and Jones have both argued that the bridge should open in May.", "Smith and Jones",
         "that the bridge should open in May"),
        ("The two cities, which together vowed to open the bridge in May, failed.", "which",
         "to open the bridge in May, failed"),
        # ... and after a closing parenthesis or dash (not after a comma: "To varying degrees, all agreed")
        ("Sens. Jane Roe (D-Ore.) and John Doe (R-Ohio) all suggested that the bridge should open in May.",
         "John Doe", "that the bridge should open in May"),
        ("To varying degrees, all agreed that the bridge should open in May.", "all",
         "that the bridge should open in May"),
        # "it" is a verb cue's subject ("it commented on"), unlike an expletive before a predicate ("It is not clear that")
        ("The group spelled out its concerns as it commented on the proposed rules.", "it", "the proposed rules"),
        # "Sens." and "Reps." are titles inside a name
        ("The plan would fail, Sens. Jane Roe and John Doe said.", "Sens. Jane Roe and John Doe", "The plan would fail"),
        # a progressive cue speaks for the subject of its "be", not for the sentence's first noun phrase
        ("The coal debate is heated, and Hillary Clinton is promising to help mining towns move on.",
         "Hillary Clinton", "to help mining towns move on"),
        ("Several senators, such as Jane Roe, R-Tenn., now saying they think the bill should change, met on Monday.",
         "Jane Roe", "they think the bill should change, met on Monday"),
        # ... not after a preposition ("for not supporting")
        ("Beck has also criticized local voters for not supporting the mayor in the primary.", "Beck",
         "the mayor in the primary"),
        # a year or a month after "in" sits between the subject and its cue
        ("An arbitration panel in 2001 found the city was in breach of the deal.", "An arbitration panel",
         "the city was in breach of the deal"),
        ("A state poll released in late August found that most voters want a new bridge.", "A state poll released",
         "that most voters want a new bridge"),
        # a pronoun right before a noun-like cue in -s makes it a verb: the pronoun is the subject
        ("The rate has a narrow meaning. It refers to the share of voters who stayed home.", "It",
         "the share of voters who stayed home"),
        ("To the extent she talks about the bridge, her message will be simple.", "she",
         "the bridge, her message will be simple"),
        # a wire dateline with a state, a date or an agency in mixed case, or a horizontal bar, is not the subject
        ("ORLANDO, Fla. (Reuters) - The mayor met flood victims on Monday and said the city must rebuild the levee.",
         "The mayor", "the city must rebuild the levee"),
        ("PARIS, Aug 31 (Reuters) - The mayor met flood victims and said the city must rebuild the levee.",
         "The mayor", "the city must rebuild the levee"),
        ("PHILADELPHIA ― The mayor met flood victims and said the city must rebuild the levee.", "The mayor",
         "the city must rebuild the levee"),
        # "their" after a verb repeats a plural subject ("721 delegates cast their votes for")
        ("In the end, 721 delegates cast their votes for candidates other than the mayor.", "721 delegates",
         "candidates other than the mayor"),
        # ... also when the participle's content holds a quotation, past an earlier cue of the sentence
        ("The mayor intends to open the bridge in May, Jane Roe said, adding that the city would hold a “grand party” "
         "there.", "Jane Roe", "that the city would hold a “grand party” there"),
        # a lower-case phrase after an opener does not end in "of" ("proponents of more controls say")
        ("Indeed, proponents of more controls on speech here say there is a link to the attacks.", "proponents",
         "there is a link to the attacks"),
        # ... a partitive keeps it with the noun phrase after it ("said one of two witnesses"), not "one of" alone
        ("“It was awful,” said one of two witnesses at the hearing.", "one of two witnesses", "“It was awful,”"),
        ("“No,” said some of the organizers, who declined to give names.", "some of the organizers", "“No,”"),
        # the object inside a "who" clause before the cue is not the subject ("Republicans who oppose the deal argued")
        ("Republicans who oppose the deal argued that it would fail.", "Republicans", "that it would fail"),
        # ... the subject of a "that" clause is ("a trend that the foundation predicts will continue")
        ("Courses are closing, a trend that the foundation predicts will continue for years.", "the foundation",
         "continue for years"),
        # a possessive apostrophe after -s names the noun cue's source, like "’s"
        ("Even before Francis' remarks about the mayor, the council had voted.", "Francis",
         "the mayor, the council had voted"),
        # "neither" and "any" open a noun phrase: a subject, and a bare clause after "says"
        ("Moreover, any company that turns down a loan or asks them to pay more must show the score.", "any company",
         "them to pay more must show the score"),
        ("A spokeswoman for Jane Roe says neither the mayor nor her staff helped the firm.",
         "A spokeswoman for Jane Roe", "neither the mayor nor her staff helped the firm"),
        # "X met Y and said ...": a coordinated "say" speaks for the subject of the first verb
        ("The mayor met flood victims on Monday and said the city must rebuild the levee.", "The mayor",
         "the city must rebuild the levee"),
        ("Hours later, the senators left the room, took a vote and said the bill would pass.",
         "the senators", "the bill would pass"),
        # ... or for the subject of its own subordinate or relative clause
        ("Jones, though she met the judge and said the court should hear him, stopped short of a pledge.",
         "she", "the court should hear him, stopped short of a pledge"),
        ("The council heard from Weaver, who came out and said the plan was a mistake.", "who",
         "the plan was a mistake"),
    ],
)
def test_clause_subjects_of_cues(text: str, speaker: str | None, content: str) -> None:
    assert _quote_with(text, content).speaker == speaker


def test_evolve_is_dataclasses_replace():
    quote = Quote(3, 9, "abcdef", "indirect", rule="r")
    changed = evolve(quote, speaker="Ms. Smith", speaker_name="Smith")
    assert changed == dataclasses.replace(quote, speaker="Ms. Smith", speaker_name="Smith")
    assert quote.speaker is None  # the original is untouched
    assert list(vars(changed)) == [f.name for f in dataclasses.fields(Quote)]
