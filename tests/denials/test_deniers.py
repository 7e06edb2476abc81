"""Who denies: regressions from the TRAIN gold (round 2), whatever the model's score (min_score=0)."""

from __future__ import annotations

import pytest

from toolkit.denials.deniers import np_ending_at, sentence_tokens
from toolkit.denials.finder import find_denials


def _denier(text: str, phrase: str) -> str | None:
    found = {d.text: d for d in find_denials(text, quotes=[], min_score=0.0)}
    return found[phrase].denier


@pytest.mark.parametrize("text, phrase, denier", [
    # "tell" takes an object: not an inverted subject; an apposition between commas is skipped
    ('Sen. Rand Paul, R-Ky., told Fox News that the polls were "false."', "false", "Sen. Rand Paul"),
    ("Independent economists, in a report issued this month, have disputed that view.", "disputed",
     "Independent economists"),
    # an infinitive takes the subject of the verb that controls it
    ("Beyond that, he used the speech to try to refute gloomy Republican assessments.", "refute", "he"),
    ("So far, he has chosen to shrug off recent attacks from the leading Republican candidate.", "shrug off", "he"),
    # an adverb between subject and verb; a sentence-opening "But"; a reporting verb's word used as a noun
    ("Priebus has aggressively pushed back on those charges.", "pushed back on", "Priebus"),
    ("But Podesta said Gates was not working for the party and said Manafort was not involved.", "was not involved",
     "Podesta"),
    ("He implied a federal judge was biased because of his heritage.", "biased", "He"),
    # the head of a relational "of" phrase; a modal between subject and verb
    ("But supporters of the bill have rejected Saudi concerns.", "rejected", "supporters of the bill"),
    ("The former ambassador said Mexico must rebut Trump's claims.", "rebut", "Mexico"),
    ("Last year's FBI statistics show that the numbers in Trump's tweet are incorrect.", "incorrect",
     "FBI statistics"),
    ("Mr. Obama decided to use the most prominent platform in American politics to push back against the claims.",
     "push back against", "Mr. Obama"),
    # a coordinated verb phrase takes the subject opening its clause
    ("It is a charge that Mrs. Clinton has faced in the past and has always denied.", "denied", "Mrs. Clinton"),
    # a participle phrase after its subject
    ("Pena Nieto, contradicting Trump, said he had told Trump that Mexico would not pay.", "contradicting", "Pena Nieto"),
    # a name reporting a clause whose pronoun subject it can be (GUIDELINES.md: prefer a name in the sentence)
    ("Trump told CNN that he believed Fields had fabricated the story.", "fabricated", "Trump"),
    # doubled apostrophes are quotation marks (the NYT's, in PolNeAR)
    ("''It is all lies. There is no special case,'' Mr. Putin said.", "lies", "Mr. Putin"),
    # a participle of speech after a comma takes the sentence's subject
    ('Cruz took the stage with a shot at Trump, saying his use of the term was incorrect.', "incorrect", "Cruz"),
    ("The Clinton campaign pushed back hard, calling the claims fabricated.", "fabricated", "The Clinton campaign"),
    # a pronoun gives way to the two-word name opening its sentence, not to a capitalised adverbial or participle
    ("Mr. Putin also spoke about Syria, but he denied that they were on active duty.", "denied", "Mr. Putin"),
    ("Asked about the story, he denied it again.", "denied", "he"),
    # a verb form is no noun phrase: "shown to be false" has no denier
    ("Her initial statement was shown to be false.", "false", None),
    ("She changed her story after her statement was shown to be false, stating that she had not sent it.", "false",
     None),
    # in the passive the subject is what is denied; an agent is the denier
    ("The notion that she merits votes because she is a woman was roundly discredited in New Hampshire.",
     "roundly discredited", None),
    ("The claim was rejected by the court.", "rejected", "the court"),
    # the denial's own complement holds the accused, not the denier: a gerund after a preposition takes the
    # subject of the verb before it; an object pronoun opens no subject
    ("They had helped bring on the inquiry by publicly denying that Fields was telling the truth.", "denying", "They"),
    # a claim's possessor does not deny what is said of the claim itself, negated copula or not; "the spokeswoman
    # said" has a reporting verb, not a noun after an adjective
    ("Hillary Clinton’s Claim That Donald Trump Is In ISIS Recruiting Videos Isn’t True.", "Isn’t True", None),
    ("Rubio's claim that Cruz is in favor of legalizing illegal immigrants isn't true, the spokeswoman said.",
     "isn't true", "the spokeswoman"),
    # the round-9 verbs name their subject; a prepositional phrase with "inside" stays in the subject
    ("As he has before, Cruz on Friday played down the idea that he had struck a deal.", "played down", "Cruz"),
    ("One operative inside Trump Tower tried to downplay Ryan's comments.", "downplay",
     "One operative inside Trump Tower"),
    ("Trump has pooh-poohed the consensus that Russia hacked the committee.", "pooh-poohed", "Trump"),
    # a pronoun gives way to the name after a sentence-opening adjunct (GUIDELINES.md: a name over a pronoun)
    ("Since that time, Trump has routinely gone after Kelly for what he also perceives as unfair reporting.",
     "unfair", "Trump"),
    # a reporting verb's gerund after a preposition reports for the subject of the verb before it
    ("And then, at the end of the day, Trump was back to implying that Fields had lied about the incident.",
     "lied about", "Trump"),
    ("Candidates were able to talk their way out of tough questions by saying it was the questioner who had been "
     "wrong.", "been wrong", "Candidates"),
    ("After denying the report, the ministry said it would not comment.", "denying", "the ministry"),
    ("Success for them meant discrediting me.", "discrediting", None),
    # an aside between dashes is skipped like one between commas
    ("Deborah Jordan Reynolds - his girlfriend and co-host on his YouTube channel - told The Post the claims were"
     " conspiracy theories.", "conspiracy theories", "Deborah Jordan Reynolds"),
    # round 4: rejection verb phrases take their subject
    ("Mr. Sanders took issue with recent criticism of his plan.", "took issue with", "Mr. Sanders"),
    ("Independent economists have contested that view.", "contested that view", "Independent economists"),
    # the possessor of a noun of saying whose "that" clause holds the denial
    ("All ran counter to his earlier statements that the contact never occurred.", "never occurred", "his"),
    ("It contradicted Donald Trump's claim that the meeting never happened.", "never happened", "Donald Trump"),
    # a sentence adverb or conjunction opening the sentence is no part of the subject
    ("Then Brafman exposed the government's below-the-belt tactics.", "below-the-belt", "Brafman"),
    ("And some interpret the commentary as somewhat self-serving.", "self-serving", "some"),
    ("Bill Clinton proved that prediction wrong.", "proved that prediction wrong", "Bill Clinton"),
    # a denial said of a noun of saying is no part of its "that" clause: not its possessor's
    ("He will try to prove that Team Clinton's contention that he ran well is nothing but an excuse.",
     "nothing but an excuse", "He"),
    # after ", but" a verb phrase joins the main clause, not the subordinate clause before it
    ("The editorial noted the comment that she wanted to visit when she would not interfere, but did not buy her "
     "argument.", "did not buy her", "The editorial"),
    ("On Monday, Clinton tried to turn the tables on Sanders.", "turn the tables on", "Clinton"),
    # a noun of saying before a colon or "that": its possessor, or who issues it
    ("Democrats' new warning: Leaks could include Russian lies.", "lies", "Democrats"),
    ("Democratic leaders are putting out a warning that could help her: any future leaks might contain fake "
     "information.", "fake", "Democratic leaders"),
    ("The ministry released a statement that the report was false.", "false", "The ministry"),
])
def test_denier_round_2(text, phrase, denier):
    assert _denier(text, phrase) == denier


@pytest.mark.parametrize("text, phrase, denier", [
    # the author's verdict on what the would-be denier puts forward: no denier (GUIDELINES.md: the author's voice)
    ("Trump also claimed Clinton had helped her get citizenship, but offered no proof.", "no proof", None),
    ("At a rally he told the largely unsubstantiated tale of Gen. John Pershing.", "unsubstantiated", None),
    ("Citing an unfounded conspiracy theory, Trump repeatedly accused Rafael Cruz.", "unfounded conspiracy theory",
     None),
    ("Trump, later alleging - again falsely - that Obama wanted to admit 250,000 Syrians, said more.", "falsely", None),
    # ... but someone else saying that the accused offered no proof denies
    ("The ministry said the United States had offered no proof.", "no proof", "The ministry"),
    # a coordination after a comma, or after "or", takes the subject opening the clause; a verb phrase is no subject
    ("The campaign said she met them, but rejected the claims.", "rejected", "The campaign"),
    ("A study found that medical research either did not support or flatly contradicted half of his advice.",
     "flatly contradicted", "medical research"),
    ("However, Ivana Trump's brief said that was not her view and dismissed those reports.", "dismissed",
     "Ivana Trump's brief"),
    # "X, a long apposition, said the states were exaggerating": no inverted subject after "said"
    ("Richard Revesz, director of the Institute for Policy Integrity at New York University's law school, said the"
     " suing states were exaggerating the reach of the rule.", "exaggerating", "Richard Revesz"),
    ("“It never happened,” said the ministry.", "never happened", "the ministry"),
    # a modal is no noun phrase; "pondered" reports like "said"
    ("Dr. Muhammad Babar pondered who, without Ali, might “testify for our innocence in this season of witch"
     " hunting.”", "witch hunting", "Dr. Muhammad Babar"),
])
def test_denier_round_3(text, phrase, denier):
    assert _denier(text, phrase) == denier


@pytest.mark.parametrize("text, phrase, denier", [
    # a verb rule's noun has a possessor, not a subject; an article alone gives nobody
    ("The film is the latest salvo in Ohioans' bitter rebuttal to the governor.", "rebuttal", "Ohioans"),
    ("The budget is a sweeping refutation of everything we built.", "refutation", None),
    # a prepositional phrase before the verb: part of the subject, or an adjunct of time
    ("The diplomats at the consulate disputed the account.", "disputed", "The diplomats at the consulate"),
    ("Senator Ward on Tuesday rejected the claims as baseless.", "rejected", "Senator Ward"),
    # a gerund takes the subject of the verb before it, or of the verb that spends a time or turn on it
    ("Then she began dismissing the notion that the vote was close.", "dismissing", "she"),
    ("The ministry had spent weeks pushing back against reports that the talks failed.", "pushing back against",
     "The ministry"),
    # a participle after a prepositional object: what the clause's subject shows
    ("Footage shows the driver had his hands on the wheel, contradicting the police account.", "contradicting",
     "Footage"),
    # ... or after a verb's object ("said of terrorists"): the participle is the subject's, not the object's
    ("Trump said of the protesters, mocking the claim that the vote was rigged.", "mocking", "Trump"),
    # (a verb after the head of a sentence's opening noun phrase ends it)
    ("The senator answered the reporters, ridiculing the idea that the law had failed.", "ridiculing", "The senator"),
    # a noun of saying is no reporting verb: the speaker of the sentence denies
    ('Aide Jo Park said Monday that the mayor\'s claim that taxes rose is "simply not true."', "simply not true",
     "Aide Jo Park"),
    # a name's possessive, an adverbial opening, an adjunct of time: no denier there
    ("The aide appeared to rely on the senator's discredited theory of the case.", "discredited", None),
    ("The aide appeared to rely on Senator Ward's discredited theory of the case.", "discredited", None),
    # a capitalised "That's" or "What's" is "that is", no possessor
    ("That's rejection of the findings, plain and simple.", "rejection", None),
    ("What's denial of the record got to do with it?", "denial", None),
    # a contracted "is" opens a predicate, no noun phrase ("That's wrong"); after a person's pronoun, the pronoun
    ("That's wrong, dismissing the claims as a hoax.", "dismissing", None),
    ("What's clear, denying the claims, is the timing.", "denying", None),
    ("She's been busy, dismissing the report as a hoax.", "dismissing", "She"),
    # coordinated adjectives before a noun of saying: the noun is no verb, so "inaccurate" is nobody's subject
    ("Donald Trump’s absurd and factually inaccurate claim that the deal was done makes clear he has no clue, wrote "
     "the group's president.", "absurd", "the group's president"),
    ("The senator's false and misleading claim that taxes rose was repeated often.", "false", None),
    ("The absurd and baseless claim that the vote was rigged spread quickly.", "rigged", None),
    # an age-and-place apposition is skipped whole, not just its last piece
    ("Dewayne Smithy, 33, of Baldwin, Miss., dismisses the idea that voting matters.", "dismisses", "Dewayne Smithy"),
    ("Jane Roe, 45, of Austin, Texas, said the claims were false.", "false", "Jane Roe"),
    # a participle opening the denial is a passive too ("it's been proved wrong": the theory, not its denier); a
    # subordinating conjunction is no part of a noun phrase
    ("Even though it's been proved wrong, the theory lives on.", "proved wrong", None),
    ("The theory lives on, though it's been proved wrong.", "proved wrong", None),
    # ... and so is "proved wrong" with no object: its subject was wrong ("He proved them wrong" keeps its subject)
    ("This year could be different, given that so many assumptions have proved wrong so far.", "proved wrong", None),
    ("The senator proved the critics wrong.", "proved the critics wrong", "The senator"),
    # a reporting verb in the passive: its subject is what is said about; its agent says it
    ("A fact is dismissed as false when it does not fit the narrative.", "false", None),
    ("The news media, which is then denounced by Trump for its supposed bias, said little.", "bias", "Trump"),
    # a possessive in s' ; "close to" inside the source's noun phrase
    ("Sanders' campaign called the report a rush to judgment.", "rush to judgment", "Sanders' campaign"),
    ("Sources close to the senator dismissed the report.", "dismissed", "Sources close to the senator"),
    ("They called the allegations absurd, according to people close to the campaign.", "absurd",
     "people close to the campaign"),
    # an infinitive's subject is the finite verb's, not a participle's before a noun ("used forged documents"); a
    # verb coordinated after a quoted word with its comma inside the marks takes the clause's subject
    ("The FBI’s COINTELPRO program infamously used forged documents and false news reports to discredit dissenters.",
     "discredit", "The FBI’s COINTELPRO program"),
    ("De Blasio, speaking on WOR710, called Trump a “blowhard,” and said his remarks were priceless “propaganda” for "
     "terrorist groups.", "propaganda", "De Blasio"),
    # a relative clause without commas before the verb: its antecedent is the subject, not the clause's object
    ("Officials who spoke to Trump on Monday rejected the claims.", "rejected", "Officials"),
    ("Those Republican insiders who think Rubio has a chance to overtake Trump in New Hampshire — about 40 percent "
     "nationally — stressed the unreliability of polling.", "unreliability", "Those Republican insiders"),
    ("He asked who rejected the claims.", "rejected", None),
    # a relational "of" before the verb joins the subject: the members speak, not Congress
    ("Several members of Congress disavowed the claims.", "disavowed", "Several members of Congress"),
    ("Members of the committee rejected the claims.", "rejected", "Members of the committee"),
    # coordinated names are one denier, as the gold marks them ("Trump and Lewandowski")
    ("Clinton and the DNC rejected the allegation.", "rejected", "Clinton and the DNC"),
    ("The leaders of the United States, Canada and Mexico took turns rebutting the proposals.", "rebutting",
     "The leaders of the United States, Canada and Mexico"),
    ("Sanders met Trump, and Clinton rejected the claims.", "rejected", "Clinton"),
    ("With the campaign reeling and denying claims of fraud, delegates voted.", "denying", None),
    # the possessor of an attempt does what its infinitive says
    ("The lawyer said the mayor's attempts to discredit the auditor had failed.", "discredit", "the mayor"),
    # an inverted speaker is no prepositional phrase; a capitalised opening word is no part of a name
    ("Jo Roe, the principal, complained during Friday's hearing — excerpts of which the office released — that the "
     "charge is wrong.", "is wrong", "Jo Roe"),
    # a possessed noun opening the sentence is its subject; a time is nobody
    ("Ms. Roe's husband, Jim, spoke on Sunday, accusing the paper of fabricated quotes.", "fabricated",
     "Ms. Roe's husband"),
    ("An audit issued earlier this year reported attempts at fraud, but there is no evidence they succeeded.",
     "no evidence", None),
    # two reporting verbs joined by "but": the second reports the first one's subject, not the reported clause's
    ("The mayor conceded that her aide had met the developer but insisted that reports of a deal were false.",
     "false", "The mayor"),
    # a reporting verb's word used as a noun heads the noun phrase before a participle
    ("The backlash ended in Ms. Roe’s tweet discrediting the report.", "discrediting", "Ms. Roe’s tweet"),
    # the object of a verb like "lead" or "prompt" does what its infinitive says; not in a passive
    ("The fact-check spread fast, leading aides like Jo Park to counter that the vote never happened.", "counter that",
     "Jo Park"),
    ("Roe said she was spurred to file a complaint to show that she had not lied.", "lied", "Roe"),
    # the subject of the verb an infinitive depends on
    ("The senator moved quickly to shut off speculation about her health.", "shut off", "The senator"),
    ("The week before, at a rally, the governor was blunt, claiming without evidence that turnout fell.",
     "without evidence", None),
])
def test_denier_round_6(text, phrase, denier):
    assert _denier(text, phrase) == denier


@pytest.mark.parametrize("text, phrase, denier", [
    # session 13 (silver annotations of unseen articles): an infinitive after a verb of beginning or hurrying
    ("But Sanders has begun to rebut that criticism, fundraising for three House candidates.", "rebut", "Sanders"),
    ("Republicans on Capitol Hill have been scrambling to distance themselves from Trump’s comments.",
     "distance themselves from", "Republicans on Capitol Hill"),
    # the new verb entries name their subject
    ("A Clinton campaign official later walked back the comments, saying she had no video in mind.", "walked back",
     "A Clinton campaign official"),
    ("Gov. Mike Pence on Thursday blamed the media for making an issue out of it.", "blamed the media",
     "Gov. Mike Pence"),
    ("She later recanted the claim.", "recanted", "She"),
])
def test_denier_session_13(text, phrase, denier):
    assert _denier(text, phrase) == denier


@pytest.mark.parametrize("text, phrase, denier", [
    # session 14, from the silver annotations' denier errors. A name set off by commas after a role
    ("Trump's attorney, Alan Garten, said the claims were categorically false.", "categorically false", "Alan Garten"),
    ("Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns.", "plays down", "Erlan Idrissov"),
    ("Trump's attorney said the claims were categorically false.", "categorically false", "Trump's attorney"),
    # a pronoun gives way to the name reporting its clause, however the pronoun was found
    ("Regardless, the State Department said it found no evidence that the document was sent.", "no evidence",
     "the State Department"),
    ('Netanyahu said on Wednesday that he would go ahead, although he tweeted that he "rejects Trump\'s latest '
     'comments."', "rejects", "Netanyahu"),
    ("After the debate last week, Donald Trump told reporters he thought Fields had “made up the story.”", "made up",
     "Donald Trump"),
    ("LeVell is a man on a mission to change what he thinks is an unfounded perception that Trump is racist.",
     "unfounded", "LeVell"),
    # ... also the claimant of an author's verdict, which then stays the author's
    ("Trump was defending waterboarding at a rally on Friday when he told the largely unsubstantiated tale of Gen. "
     "Pershing.", "unsubstantiated", None),
    # who holds a stance: a linking verb's subject
    ("Curiel seemed unconvinced.", "unconvinced", "Curiel"),
    ("Other Republicans remain unpersuaded.", "unpersuaded", "Other Republicans"),
    # verbs of casting and lambasting report a characterisation
    ("Carson has tried to turn these questions to his advantage, casting them as evidence of media bias.", "bias",
     "Carson"),
    ("Carson further lambasted the media's behavior as evidence of a partisan double standard.", "double standard",
     "Carson"),
    # "without evidence" modifying a speech act is the author's verdict; with a complement it is not
    ("She also said, without evidence, that they are showing videos.", "without evidence", None),
    ("Comey said there is no precedent for prosecuting a case like this without evidence of intent.",
     "without evidence", "Comey"),
    # a "when" clause says when the claim was made, by whom: its speaker is no denier
    ("Sanders exaggerates when he says he helped write the bill.", "exaggerates", None),
    # a raising verb passes its subject on, an empty "it" is no one
    ("The email appears to contradict comments from Leon Panetta.", "contradict", "The email"),
    ("As easy as it may seem to just laugh off the pastor's claims, Swanson has been defiant.", "just laugh off", None),
    # an agent after a closing quotation mark; "assure" reports; a progressive's "by" belongs to another participle
    ("The inquiry, often labeled as a “witch hunt” by Democrats, goes on.", "witch hunt", "Democrats"),
    ("Gowdy's office assured the public that all of the claims in the suit are false.", "false", "Gowdy's office"),
    ("Democratic presidential candidate Bernie Sanders is disavowing remarks made by a campaign surrogate.",
     "disavowing", "Bernie Sanders"),
    # an accusation's "that" clause: who accuses (its possessor, or the subject issuing it)
    ("The university rebutted Exxon's accusation that articles about the company were misleading and inaccurate.",
     "misleading", "Exxon"),
    ("Critics leveled accusations that the report was inaccurate.", "inaccurate", "Critics"),
])
def test_denier_session_14(text, phrase, denier):
    assert _denier(text, phrase) == denier


def test_a_name_before_its_affiliation_is_the_denier():
    from toolkit.denials.deniers import Mention, appositive_name

    text = '"A stretch," Jeffrey Lewis of the James Martin Center said.'
    affiliation = Mention(text.index("the James"), text.index(" said"))
    name = appositive_name(text, affiliation)
    assert text[name.start:name.end] == "Jeffrey Lewis"
    role = Mention(0, len("Trump's attorney"))
    assert appositive_name("Trump's attorney said so.", role) == role


@pytest.mark.parametrize("text, category", [
    ("Donald Trump is discrediting an earlier report from Bloomberg.", "explicit"),
    ("The notion that she merits votes was roundly discredited in New Hampshire.", "explicit"),
    ("Success for them meant discrediting me.", "delegitimize"),
])
def test_claim_category(text, category):
    (denial,) = [d for d in find_denials(text, quotes=[], min_score=0.0) if d.rule == "discredited"]
    assert denial.category == category


@pytest.mark.parametrize("sentence, last, phrase", [
    ("If Republicans choose to stay", "Republicans", "Republicans"),
    ("With Trump gone", "Trump", "Trump"),
    ("Bank of America said", "America", "Bank of America"),
])
def test_a_capitalised_function_word_opening_the_sentence_is_no_part_of_a_name(sentence, last, phrase):
    toks = sentence_tokens(sentence, 0, len(sentence))
    i = next(n for n, t in enumerate(toks) if t.word == last)
    mention = np_ending_at(toks, i)
    assert sentence[mention.start:mention.end] == phrase
