"""Who denies: a light, rule-based attribution of a denial phrase to its denier (no parser, no model).

GUIDELINES.md ("The denier"): inside a quote, the quote's speaker; with a denial verb, its subject
("Moscow has repeatedly denied" -> Moscow; passive "was rejected by the court" -> the court); with a
reporting verb in the sentence ("the Trump campaign called the charges unsubstantiated"), the reporter;
in the author's own voice, nobody. Noun phrases are found by a heuristic over words: a run of
capitalised words ("Maria Zakharova", "NATO Secretary General Jens Stoltenberg"), or a determiner
phrase ("the Foreign Ministry", "the campaign"), or a pronoun.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator, NamedTuple

_TOKEN = re.compile(r"[\w’'.\-]*\w|[“”\"‘’',;:()—–]|(?<=\s)-(?=\s)")

#: Verb forms that are more often nouns in news ("US claims", "the charges"): never reporting verbs here.
_NOUN_LIKE = frozenset("claims charges states notes rates counters calls cites shows finds reads tweets".split())

#: Reporting and attitude verbs whose subject is the denier when the denial is their complement.
SPEECH_VERBS: frozenset[str] = frozenset(w for w in """
say says said saying tell tells told telling add adds added adding state states stated stating claim claims
claimed claiming argue argues argued arguing insist insists insisted insisting write writes wrote writing
tweet tweets tweeted tweeting call calls called calling label labels labeled labelled labeling labelling
describe describes described describing accuse accuses accused accusing dismiss dismisses dismissed
respond responds responded reply replies replied note notes noted assert asserts asserted declare declares
declared suggest suggests suggested warn warns warned charge charges charged counter counters countered
explain explains explained contend contends contended maintain maintains maintained see sees saw regard
regards regarded rate rates rated conclude concludes concluded announce announces announced underline
underlined underlines testify testifies testified stress stresses stressed emphasize emphasized emphasizes acknowledge acknowledged
complain complained complains blast blasted slam slammed denounce denounced denounces cite cites cited
reads read show shows showed found find finds believe believes believed think thinks thought deny denies
denied denying reject rejects rejected rejecting reported perceive perceives perceived consider considers
considered deem deems deemed judge judged ruled wonder wonders wondered ponder ponders pondered
interpret interprets interpreted expose exposes exposed prove proves proved imply implies implied
casting lambaste lambasted lambastes brand brands branded branding portray portrays portrayed portraying
characterize characterizes characterized characterizing assure assures assured retort retorts retorted quip quips
quipped
""".split() if w not in _NOUN_LIKE)

#: Nouns of saying whose possessor is the denier of their "that" clause ("his earlier statements that the contact
#: never occurred" -> his).
_SAYING_NOUNS = frozenset("""statement statements claim claims insistence assertion assertions contention denial
denials position argument arguments account explanation response answer testimony warning warnings message reply
retort verdict charge charges accusation accusations allegation allegations""".split())
#: Nouns of saying that someone issues ("put out a warning", "released a statement"): its verb's subject is the denier.
_ISSUED_NOUNS = frozenset("""statement statements warning warnings message response reply answer retort verdict charge
charges accusation accusations allegation allegations""".split())
#: Verbs that issue such a noun without a determiner before it ("Trump made similarly bigoted charges that").
_ISSUING_VERBS = frozenset("made make makes making leveled levelled levels lodged lodges hurled hurls issued issues".split())
#: Nouns of denying: their possessor is the denier ("Turkey's denial"); a verb rule matching one has no subject.
DENIAL_NOUNS: frozenset[str] = frozenset("""denial denials rejection rejections dismissal dismissals refutation refutations rebuttal
rebuttals repudiation repudiations disavowal disavowals refusal refusals""".split())
_POSSESSIVES = frozenset("his her their its our my".split())

#: Denial entries whose matched word is itself a verb: the denier is its grammatical subject. Not "lied" or
#: "is lying" or "did nothing wrong": their subject is the accused ("Trump says Clinton is lying" -> Trump
#: denies; "24 percent said she did nothing wrong" -> the 24 percent).
VERB_RULES: frozenset[str] = frozenset(
    "deny reject refute rebut rebuff disavow dispute contradict push_back dismiss repudiate debunk not_buy "
    "divert_attention not_guilty discredited "
    # "Turkey refuses to recognize"
    "refuse_acknowledge "
    # round 3: "Trump deflected.", "decided to push back."
    "deflected_bare push_back_bare "
    # round 4: "Mr. Sanders took issue with", "economists have contested that view"
    "take_issue counter_that contest not_believe proved_wrong turn_tables "
    # round 5: "Ryan's campaign shrugged off Trump's comments"
    "brush_off "
    # round 6: "Carson moved quickly to shut off speculation"
    "quash "
    # round 7: "Trump also mocked Carson’s story"
    "mock "
    # round 9: "Trump has pooh-poohed the consensus", "Cruz played down the idea", "Christie bristled at the suggestion"
    "pooh_pooh downplay play_down bristle_at counter_accuse disagree_claim question_claim "
    # session 13: "She later recanted the claim", "an official later walked back the comments", "a point that
    # officials have disputed", "Pence blamed the media"
    "recant walk_back distance_from dispute_bare dispute_verb blame_media".split()
)


def names_subject(rule: str, phrase: str) -> bool:
    """Whether the denial ``phrase`` that ``rule`` matched is a verb whose subject denies: a verb rule, not its noun
    ("Mexicans' ongoing rebuttal" has a possessor), and not "proved wrong" with no object ("many assumptions have
    proved wrong": the subject was wrong, nobody proved it)."""
    entry, words = rule.split("+")[0], phrase.lower().split()
    return entry in VERB_RULES and DENIAL_NOUNS.isdisjoint(words) and not (entry == "proved_wrong" and len(words) == 2)


_TELL = frozenset("tell tells told".split())
#: Prepositions that open an adjunct, never a subject ("Trump on Sunday tweeted", "With his campaign ... denying").
_PREPOSITIONS = frozenset("""on in at during with without for from by about after before since under over through into
against among amid despite near inside outside within""".split())
#: Words of time: an adjunct or a sentence's opening phrase, never a denier ("The day before, ...", "this year").
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight day days week
weeks month months year years morning afternoon evening night weekend time decade decades hour hours minute minutes
january february march april june july august september october november december""".split())
#: Verbs that take a gerund and give it their subject ("he began dismissing", "the leaders took turns rebutting").
_CATENATIVE = frozenset("""began begun begin begins started start starts kept keep keeps continued continue continues
stopped quit""".split())
#: Verbs whose object does what the infinitive after it says ("leading advisers like Gene Sperling to counter").
_OBJECT_CONTROL = frozenset("""lead leads leading led prompt prompts prompting prompted urge urges urging urged ask asks
asking asked force forces forcing forced push pushes pushing pushed press presses pressing pressed spur spurs spurring
spurred cause causes causing caused persuade persuades persuading persuaded""".split())
#: Verbs that report a concession ("Trump conceded that ..."), not in ``SPEECH_VERBS``: a denial is no concession.
_CONCEDING = frozenset("conceded admitted acknowledged agreed allowed granted".split())
#: Nouns of trying whose possessor does what the infinitive after them says ("his efforts to discredit").
_ATTEMPTS = frozenset("attempt attempts effort efforts bid bids push drive move decision refusal".split())
_SPENDING = frozenset("spent spend spends spending took take takes taking wasted".split())
_CLAUSE_OPENERS = frozenset("that which who because when while although though if as since".split())
#: Verbs that raise the infinitive's subject ("The email appears to contradict"), with an empty "it" of their own.
_RAISING = frozenset("seem seems seemed appear appears appeared".split())
#: Verbs whose subject is also the subject of a following infinitive ("tried to refute", "used X to push back").
_CONTROL = frozenset("""try tries tried trying use uses used using want wants wanted seek seeks sought decide decides
decided plan plans planned hope hopes hoped move moves moved vow vows vowed refuse refuses refused
choose chooses chose chosen""".split()) | _CATENATIVE | frozenset("""scramble scrambles scrambling rush rushes rushing
race races racing hurry hurries hurrying struggle struggles struggling attempt attempts attempting aim aims aiming
intend intends intending""".split()) | _RAISING
_QUANTIFIERS = frozenset("many some most all several few both each none one two three half".split())
PRONOUNS = frozenset("he she it they we i you".split())
#: Words whose "'s" is "is" or "has" ("he's denied"), not a possessive.
_CONTRACTING = PRONOUNS | frozenset("that there what who where here let this".split())
_OBJECT_PRONOUNS = frozenset("him them me us".split())
_DASHES = frozenset("— – -".split())
_DETERMINERS = frozenset("the a an his her its their this these those our my your".split())
#: Words skipped between a subject and its verb ("Moscow has repeatedly denied").
_SKIP = frozenset("""has have had is are was were will would could should may might can must shall also again repeatedly
previously earlier already long since then immediately quickly publicly later strongly flatly categorically
firmly vehemently been did does do always never often swiftly promptly angrily sharply simply just herself
himself itself themselves once twice both all not only even still yet further vigorously widely""".split())
_BE = frozenset("is are was were been be being".split())
#: Words that open a verb phrase, never a noun phrase ("that was not her view": no subject "was not her view").
_VERBAL = _BE | frozenset("has have had will would could should may might can did does do not never either neither".split())
#: Prepositions before a gerund whose subject is the clause's ("by publicly denying", "after rejecting").
_GERUND_PREPOSITIONS = frozenset("by after while before since without upon".split())
#: Sentence adverbs and conjunctions, capitalised when they open a sentence, never inside a noun phrase.
_OPENERS = frozenset("and but then so yet or now thus hence meanwhile however instead".split())
_CONNECTORS = frozenset("of de al bin van von der del la le for and".split())
#: Words that end a noun phrase walking leftwards: verbs, prepositions, conjunctions.
_STOP = frozenset("""that which who whom whose and or but because as if when while after before since said says
say told of in on at to for with by from about against than into over under also said though although unless
whereas""".split()) | SPEECH_VERBS


class Mention(NamedTuple):
    """A denier mention: character span into the text."""

    start: int
    end: int


class Token(NamedTuple):
    """A word or punctuation token of a sentence: its span, surface form and lower-case form."""

    start: int
    end: int
    word: str
    low: str


def sentence_tokens(text: str, start: int, end: int) -> list[Token]:
    """Return the tokens of `text[start:end]` with offsets into `text`."""
    return [Token(m.start(), m.end(), m.group(), m.group().lower()) for m in _TOKEN.finditer(text, start, end)]


class SentenceTokens:
    """The tokens of one text, made once per sentence and sliced for each window asked for: an article dense with
    denials asks for the words around every denial, and re-tokenizing them each time made the denier step cost the
    number of hits times the sentence length.

    ``locate(pos)`` gives the sentence holding ``pos`` (``(start, end)``); without it every span is its own block.
    """

    def __init__(self, text: str, locate: Callable[[int], tuple[int, int]] | None = None) -> None:
        self.text = text
        self._locate = locate
        self._memo: dict[tuple[int, int], tuple[list[Token], list[int], list[int]]] = {}

    def _block(self, start: int, end: int) -> tuple[int, int]:
        if self._locate is not None:
            block = self._locate(start)
            if block[0] <= start and end <= block[1]:
                return block
        return (start, end)

    def __call__(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]``, as :func:`sentence_tokens` gives them when ``start`` and ``end`` fall
        on token boundaries (sentences, windows cut at whitespace, a quotation mark)."""
        block = self._block(start, end)
        entry = self._memo.get(block)
        if entry is None:
            toks = sentence_tokens(self.text, *block)
            entry = self._memo[block] = (toks, [t.start for t in toks], [t.end for t in toks])
        toks, starts, ends = entry
        if block == (start, end):
            return toks
        return toks[bisect.bisect_left(starts, start):bisect.bisect_right(ends, end)]

    def prefix(self, sentence: tuple[int, int], stop: int) -> list[Token]:
        """The tokens of ``sentence`` that end by ``stop``."""
        return self(sentence[0], stop)


def first_token(toks: list[Token], start: int) -> int:
    """The index of the first token ending after ``start`` (the token at or after it), or ``len(toks)``."""
    return next((n for n, t in enumerate(toks) if t.end > start), len(toks))


def _is_cap(tok: Token) -> bool:
    return tok.word[:1].isupper()


def np_ending_at(toks: list[Token], i: int) -> Mention | None:
    """The noun phrase whose last word is ``toks[i]`` (walking leftwards), or None."""
    if i < 0:
        return None
    last = toks[i]
    if last.low in PRONOUNS:
        return Mention(last.start, last.end)
    speech_noun = last.low in SPEECH_VERBS and noun_use(toks, i)  # "Trump's tweet", "the judge"
    if ((last.low in _STOP and not speech_noun) or last.low in _DETERMINERS or last.low in _VERBAL
            or not last.word[:1].isalnum()):
        return None  # a modal or an auxiliary ends no noun phrase ("who, without Ali, might")
    j = i
    if _is_cap(last):
        while j - 1 >= 0 and toks[j - 1].low not in _OPENERS and not (
                _is_cap(toks[j - 1]) and toks[j - 1].low in _CLAUSE_OPENERS | _PREPOSITIONS) and (
                _is_cap(toks[j - 1]) or (toks[j - 1].low in _CONNECTORS - {"and"} and j - 2 >= 0 and _is_cap(toks[j - 2]))):
            j -= 1  # not over a capitalised function word opening the sentence: "If Republicans choose"
        if j - 1 >= 0 and toks[j - 1].low in _DETERMINERS:
            j -= 1
        if j - 2 >= 0 and toks[j - 1].low == "and" and _is_cap(toks[j - 2]) and toks[j - 2].low not in _OPENERS:
            # coordinated names are one mention ("Trump and Lewandowski", "the United States, Canada and Mexico"), as
            # GUIDELINES.md's gold marks them: the last name alone would credit one of them with the others' denial
            first = np_ending_at(toks, j - 2)
            while first is not None:
                n = next(m for m in range(j - 2, -1, -1) if toks[m].start == first.start)
                j = n
                if not (n - 2 >= 0 and toks[n - 1].word == "," and _is_cap(toks[n - 2])):
                    break
                first = np_ending_at(toks, n - 2)
        return Mention(toks[j].start, last.end)
    # a lowercase head: walk back over modifiers to a determiner or a name ("Connecticut’s tax commissioner")
    k = i
    while k - 1 >= 0 and i - k < 5:
        prev = toks[k - 1]
        if prev.low in _DETERMINERS:
            if (k - 3 >= 0 and toks[k - 2].low == "of" and (toks[k - 3].word[:1].islower() or k - 3 == 0)
                    and toks[k - 3].low not in _STOP
                    and toks[k - 3].low not in _SKIP and toks[k - 3].low not in _DETERMINERS
                    and toks[k - 3].low not in PRONOUNS and toks[k - 3].low not in _OBJECT_PRONOUNS):
                k -= 3  # "supporters of the bill": the head before a relational "of", not the object after it
                continue
            return Mention(prev.start, last.end)
        if _contracted(prev):
            return None  # "That's wrong, dismissing": what follows a contracted "is" is its predicate
        if _is_cap(prev) and prev.low not in _OPENERS:
            m = np_ending_at(toks, k - 1)
            return Mention(m.start if m else prev.start, last.end)
        if (prev.word in {"'", "’"} and k - 2 >= 0 and toks[k - 2].end == prev.start and _is_cap(toks[k - 2])
                and toks[k - 2].low.endswith("s")):
            m = np_ending_at(toks, k - 2)  # "Sanders' campaign": a plural or -s possessive
            return Mention(m.start if m else toks[k - 2].start, last.end)
        if (prev.low == "of" and k - 2 >= 0 and toks[k - 2].word[:1].islower() and toks[k - 2].low not in _STOP
                and toks[k - 2].low not in _SKIP and toks[k - 2].low not in _DETERMINERS and toks[k - 2].low not in PRONOUNS):
            k -= 2  # "family members of 9/11 victims": a partitive/relational "of" inside the noun phrase
            continue
        if prev.low in _STOP or prev.low in _SKIP or prev.low in _OPENERS or not prev.word[:1].isalnum():
            break
        k -= 1
    if toks[k].low in _OBJECT_PRONOUNS and k < i:
        return None  # "Success for them meant": an object pronoun opens no subject
    return Mention(toks[k].start, last.end)


def _np_starting_at(toks: list[Token], i: int) -> Mention | None:
    """The noun phrase whose first word is ``toks[i]`` (walking rightwards), or None."""
    if i >= len(toks):
        return None
    first = toks[i]
    if first.low in PRONOUNS:
        return Mention(first.start, first.end)
    if first.low in _PREPOSITIONS or first.low in _CLAUSE_OPENERS:
        return None  # "complained during Friday's press conference - ... - that": an adjunct, no speaker
    j = i
    if first.low in _DETERMINERS:
        j += 1
    # its first word may look like a verb ("the leaked memo"); a later one, or an adverb, ends it ("The senator
    # answered", "The FBI's program infamously used")
    head = j
    while (j < len(toks) and j - i < 7 and toks[j].word[:1].isalnum() and toks[j].low not in _STOP - {"of"}
           and toks[j].low not in _VERBAL and not toks[j].low.endswith(("n't", "n’t"))
           and not (j > head and (_verb_like(toks[j]) or _adverb(toks[j])))):
        # "of" goes on to a name ("the Republic of Korea") or after a quantifier ("one of two witnesses")
        if toks[j].low == "of" and not (j + 1 < len(toks) and _is_cap(toks[j + 1])) and not (
                j == i + 1 and first.low in _QUANTIFIERS):
            break
        if toks[j].low == "close" and j + 2 < len(toks) and toks[j + 1].low == "to" and j > head:
            rest = _np_starting_at(toks, j + 2)  # "people close to the campaign"
            if rest is not None:
                return Mention(first.start, rest.end)
        j += 1
    if j == i:
        return None
    return Mention(first.start, toks[j - 1].end)


def _subject_at(toks: list[Token], i: int) -> Mention | None:
    """The subject opening a clause at ``toks[i]``: a pronoun, a run of capitalised words, or a determiner phrase."""
    while i < len(toks) and toks[i].low in _OPENERS:  # "But Podesta said ... and said": no "But Podesta"
        i += 1
    if i >= len(toks) or toks[i].low in _VERBAL or (toks[i].low.endswith("ing") and toks[i].word[:1].islower()):
        return None  # a verb, or a gerund ("But ignoring or denying the progress ... carries risks"): nobody
    if toks[i].low in _PREPOSITIONS or toks[i].low in _CLAUSE_OPENERS:
        return None  # "With his campaign buffeted by criticism and denying claims": an adjunct, no subject
    if toks[i].low in PRONOUNS:
        return Mention(toks[i].start, toks[i].end)
    if _contracted(toks[i]):
        # "That's wrong, dismissing ...", "What's clear ...": a contracted "is" after a pronoun; a person's
        # pronoun is the subject ("He's"), a demonstrative or "what" names nobody
        pronoun = toks[i].low[:-2]
        return Mention(toks[i].start, toks[i].end - 2) if pronoun in PRONOUNS and pronoun != "it" else None
    j = i + 1 if toks[i].low in _DETERMINERS else i
    if j < len(toks) and _is_cap(toks[j]):
        while j + 1 < len(toks) and (_is_cap(toks[j + 1]) or toks[j + 1].low in _CONNECTORS - {"and", "for"}
                                     and j + 2 < len(toks) and _is_cap(toks[j + 2])):
            j += 1
        if _possessive(toks[j]):
            # "Clinton's husband, Bill, ... accusing": the possessed noun is the subject, not its possessor
            k = j
            while (k + 1 < len(toks) and k - j < 3 and toks[k + 1].word[:1].islower() and toks[k + 1].word.isalpha()
                   and toks[k + 1].low not in _STOP | _SKIP and not _adverb(toks[k + 1])):
                k += 1
            return Mention(toks[i].start, toks[k].end) if k > j else None
        return Mention(toks[i].start, toks[j].end)
    phrase = _np_starting_at(toks, i)
    if phrase is not None and any(t.low in _OBJECT_PRONOUNS for t in toks[i:] if t.end <= phrase.end):
        return None  # "which allows him to keep ... and deny": a verb and its object, no subject
    return phrase


def subject_before(toks: list[Token], i: int) -> Mention | None:
    """The subject of the verb at ``toks[i]``: skip auxiliaries/adverbs, relative clauses and appositions."""
    k = i - 1
    while k >= 0 and (toks[k].low in _SKIP or _adverb(toks[k])):
        k -= 1
    decided, subject = _controlled(toks, i, k)
    if decided:
        return subject
    decided, subject = _coordinated(toks, i, k)
    if decided:
        return subject
    verb_next = k  # the word right before the verb (and its auxiliaries and adverbs)
    k, participle = _past_asides(toks, i, k)
    k = _past_restrictive_relative(toks, k)
    if k >= 0 and _possessive(toks[k]):
        return None  # "John Yoo's discredited definition": a possessive opens a noun phrase, it is no subject
    mention = np_ending_at(toks, k)
    if k == verb_next:
        k, mention = _with_prepositional_phrase(toks, k, mention)
    if mention is not None and all(t.low in _TIME_WORDS | _DETERMINERS for t in toks[:k + 1] if t.start >= mention.start):
        return None  # "a report issued earlier this year reported": a time, no subject
    if participle and mention is not None:
        j = next((n for n in range(k, -1, -1) if toks[n].start == mention.start), 0)
        if j > 0 and (toks[j - 1].low in _PREPOSITIONS or _verb_like(toks[j - 1])
                      or (j > 1 and toks[j - 1].low == "of" and _verb_like(toks[j - 2]))):
            # the noun phrase before the comma ends a clause as the object of a preposition or a verb ("Crutcher had
            # his hands in the air, contradicting", "Trump said of terrorists, mocking"): the participle says what
            # that clause's subject does
            return _sentence_subject(toks)
    return mention


def _controlled(toks: list[Token], i: int, k: int) -> tuple[bool, Mention | None]:
    """(True, subject) when the verb at ``toks[i]`` takes its subject from another verb or noun (``toks[k]`` is the
    word before it): a gerund after a verb that takes one or spends a time on it, an infinitive, a gerund after a
    preposition; (False, None) otherwise."""
    if toks[i].low.endswith("ing") and k >= 0:
        # a gerund after a verb that takes one ("he began dismissing"), or after a time or turn it spends ("had
        # spent months pushing back", "took turns rebutting"): that verb's subject
        if toks[k].low in _CATENATIVE:
            return True, subject_before(toks, k)
        if k >= 1 and toks[k - 1].low in _SPENDING and (toks[k].low in _TIME_WORDS or toks[k].low == "turns"):
            return True, subject_before(toks, k - 1)
    if k >= 1 and toks[k].low == "to" and toks[k - 1].low in _ATTEMPTS:
        owner = _possessor(toks, k - 1)  # "Trump's attempts to discredit Curiel": who attempts
        if owner is not None:
            return True, owner
    if k >= 0 and toks[k].low == "to":
        # an infinitive ("he used the speech to try to refute", "Mr. Obama decided to use ... to push back"): the
        # subject of the nearest finite verb before it
        for j in range(k - 1, max(-1, k - 12), -1):
            if (toks[j].low in _OBJECT_CONTROL and j < k - 1 and not (j >= 1 and toks[j - 1].low in _BE)
                    and not any(t.low == "to" or _verb_like(t) for t in toks[j + 1:k])):
                # "leading Clinton economic advisers like Gene Sperling to counter": the object does it (not "she was
                # spurred to file a complaint to show", a passive with its own infinitive)
                return True, np_ending_at(toks, k - 1)
            if toks[j].low in _CONTROL or (toks[j].low.endswith("ed") and toks[j].low not in _SKIP and not (
                    j >= 1 and (toks[j - 1].low.endswith("ed") or toks[j - 1].low in _DETERMINERS))):
                # not a participle modifying a noun ("used forged documents ... to discredit": the subject of "used")
                subject = subject_before(toks, j)
                if toks[j].low in _RAISING and subject is not None and toks[first_token(toks, subject.start)].low in {"it", "there"}:
                    return True, None  # "as easy as it may seem to laugh off": "it" is no one
                return True, subject
        return True, None
    if k >= 0 and toks[k].low in _GERUND_PREPOSITIONS and toks[i].low.endswith("ing"):
        # a gerund after a preposition ("had helped bring on the inquiry by publicly denying that ..."): the
        # subject of the finite verb before it, or of the clause after it ("After denying it, the ministry said")
        return True, _controller(toks, k, i)
    return False, None


def _coordinated(toks: list[Token], i: int, k: int) -> tuple[bool, Mention | None]:
    """(True, subject) when the verb at ``toks[i]`` is coordinated ("and"/"but"/"or" at ``toks[k]``); else (False,
    None).

    A coordinated verb phrase ("a charge that Mrs. Clinton has faced in the past and has always denied"; "found that
    research either didn't support or flatly contradicted"; "Trump claimed ..., but offered no proof") takes the
    subject opening the clause; an opening that is no subject ("said that was not her view and dismissed") sends the
    walk further back.
    """
    before = k - 1
    while before >= 1 and toks[before].word in {"”", '"', "’", "'"}:
        before -= 1  # 'called Trump a “blowhard,” and said': the comma inside the closing quotation mark
    comma = k >= 2 and toks[k].low in {"and", "but"} and toks[before].word == ","
    last = before - 1 if comma else k - 1
    if not (k >= 1 and toks[k].low in {"and", "but", "or"} and toks[last].word[:1].isalnum()):
        return False, None
    if comma:
        # after ", but" the verb phrase joins the main clause, not a clause subordinate to it ("The editorial
        # noted Clinton's comment that she wanted to visit when ..., but did not buy her argument")
        opening = _main_clause_subject(toks, last)
        if opening is not None:
            return True, opening
    for j in range(last, max(-2, last - 24), -1):
        if (toks[i].low in SPEECH_VERBS and j >= 1 and toks[j].low == "that"
                and (toks[j - 1].low in SPEECH_VERBS or toks[j - 1].low in _CONCEDING)
                and (toks[j - 1].low.endswith("ed") or toks[j - 1].low in _IRREGULAR_PAST) and not noun_use(toks, j - 1)):
            # two reporting verbs joined ("Trump conceded that Lewandowski had touched her but implied that ..."):
            # the second reports the words of the first one's subject, not of the reported clause's
            return True, subject_before(toks, j - 1)
        if j < 0 or toks[j].low in _CLAUSE_OPENERS or not toks[j].word[:1].isalnum():
            opening = _subject_at(toks, j + 1)
            if opening is not None and opening.end <= toks[k].start:
                return True, opening
            if j < 0 or toks[j].low not in _CLAUSE_OPENERS:
                return True, None
    return True, None


def _past_asides(toks: list[Token], i: int, k: int) -> tuple[int, bool]:
    """Where the subject before the verb at ``toks[i]`` ends, from ``toks[k]`` back past quotation marks, a
    parenthesis, a relative clause, an aside between dashes or commas; and whether the verb is a participle right
    after its subject's comma ("Peña Nieto, contradicting Trump, said")."""
    participle = False
    while k >= 0 and toks[k].word in {"“", "”", '"', "‘", "’"}:
        k -= 1
    if k >= 0 and toks[k].word == ")":  # "Rep. Trey Gowdy (R-S.C.) said"
        while k >= 0 and toks[k].word != "(":
            k -= 1
        k -= 1
    if (k >= 3 and toks[k].low in {"whom", "which"} and toks[k - 1].low == "of" and toks[k - 2].low in _QUANTIFIERS
            and toks[k - 3].word == ","):
        k -= 4  # "family members of 9/11 victims, many of whom say" -> the antecedent
    elif k >= 0 and toks[k].low in {"which", "who", "that"} and k - 1 >= 0 and toks[k - 1].word == ",":
        k -= 2  # "the Saudi government, which has strongly denied" -> the antecedent
    elif k >= 0 and toks[k].word in _DASHES:
        # an aside between dashes ("Deborah Jordan Reynolds - Santilli's girlfriend - told"): the noun phrase before it
        opening = next((j for j in range(k - 1, max(-1, k - 15), -1) if toks[j].word in _DASHES), None)
        if opening is not None and opening - 1 >= 0 and toks[opening - 1].word[:1].isalnum():
            k = opening - 1
    elif k >= 0 and toks[k].word == ",":
        # "Jens Stoltenberg, who was present at ..., “had already stated": skip back to the clause opening
        for j in range(k - 1, max(-1, k - 40), -1):
            if toks[j].low in {"who", "which"} and j - 1 >= 0 and toks[j - 1].word == ",":
                k = j - 2
                break
        else:
            if toks[i].low.endswith("ing") and k == i - 1:
                k -= 1  # "Peña Nieto, contradicting Trump, said": a participle phrase after its subject
                participle = True
            else:
                # an apposition or aside between commas ("Sen. Rand Paul, R-Ky., told"; "economists, in a report
                # issued this month, have contested"): the noun phrase before it
                opening = next((j for j in range(k - 1, max(-1, k - 20), -1) if toks[j].word == ","), None)
                if opening is not None and opening - 1 >= 0 and toks[opening - 1].word[:1].isalnum():
                    k = _past_age_and_place(toks, opening - 1)
    while k >= 0 and toks[k].word in {"“", "”", '"', "‘", "’"}:
        k -= 1
    return k, participle


def _past_age_and_place(toks: list[Token], k: int) -> int:
    """Back from ``toks[k]`` over the rest of an age-and-place apposition ("Dewayne Smithy, 33, of Baldwin, Miss.,
    dismisses": the state is already skipped, "of Baldwin" and "33" are next): where the named noun phrase ends."""
    while True:
        comma = next((j for j in range(k, max(-1, k - 6), -1) if toks[j].word == ","), None)
        if comma is None or comma == k or comma == 0 or not toks[comma - 1].word[:1].isalnum():
            return k
        piece = toks[comma + 1:k + 1]
        age = len(piece) == 1 and piece[0].word.isdigit()
        place = piece[0].low in {"of", "from"} and len(piece) > 1 and all(_is_cap(t) for t in piece[1:])
        if not (age or place):
            return k
        k = comma - 1


def _past_restrictive_relative(toks: list[Token], k: int) -> int:
    """Back from ``toks[k]`` over a relative clause without commas that ends right before the verb ("Officials who
    spoke to Trump on Monday rejected": the officials, not Trump): the antecedent's last word, else ``k``."""
    for j in range(k, max(0, k - 20), -1):
        if not toks[j].word[:1].isalnum():
            return k
        if j < k and toks[j].low in {"who", "which"}:
            before, after = toks[j - 1], toks[j + 1]
            # a subject relative ("who spoke to Trump"); in an object relative the verb's subject is inside ("the
            # claim which the senator rejected")
            subject_relative = after.word.islower() and after.low not in _DETERMINERS and after.low not in PRONOUNS
            if before.word[:1].isalnum() and before.low not in _STOP and not _verb_like(before) and subject_relative:
                return j - 1
            return k
    return k


def _with_prepositional_phrase(toks: list[Token], k: int, mention: Mention | None) -> tuple[int, Mention | None]:
    """The subject ``mention`` ending at ``toks[k]``, right before its verb, with the prepositional phrases it ends in
    (up to two): part of the subject ("The officials at the embassy disputed", "A spokeswoman for Hillary Clinton
    says") or, for a time, left out ("Trump on Sunday tweeted"); and the index of the subject's new last word."""
    if mention is None:
        return k, mention
    for _ in range(2):
        j = next((n for n in range(k, -1, -1) if toks[n].start == mention.start), None)
        if j is not None and j >= 3 and toks[j - 1].low == "to" and toks[j - 2].low == "close":
            head = np_ending_at(toks, j - 3)  # "Sources close to the senator dismissed": the sources
            if head is not None:
                return j - 3, Mention(head.start, mention.end)
        if (j is not None and j >= 2 and toks[j - 1].low == "of" and toks[j - 2].word.isalpha()
                and toks[j - 2].low not in _STOP | _SKIP and toks[j - 2].low not in _DETERMINERS
                and not _verb_like(toks[j - 2])):
            # "Several members of Congress disavowed": the members, not Congress
            head = np_ending_at(toks, j - 2)
            if head is not None:
                n = next(m for m in range(j - 2, -1, -1) if toks[m].start == head.start)
                if not any(_verb_like(t) for t in toks[n:j - 1]):
                    return j - 2, Mention(head.start, mention.end)
        if (j is None or j < 2 or toks[j - 1].low not in _PREPOSITIONS or not toks[j - 2].word[:1].isalnum()
                or _verb_like(toks[j - 2]) or toks[j - 2].low in _SKIP):
            break  # "presided over what was considered a sham": the object of a verb, not part of a subject
        head = np_ending_at(toks, j - 2)
        if head is None:
            break
        timed = any(t.low in _TIME_WORDS for t in toks[j:k + 1])
        mention = head if timed else Mention(head.start, mention.end)
        k = j - 2
    return k, mention


def _main_clause_subject(toks: list[Token], last: int) -> Mention | None:
    """The subject opening the sentence (or the span after a colon, semicolon or quotation mark) that holds
    ``toks[last]``, when it is a name or a determiner phrase; None for a pronoun or no subject."""
    j = last
    while j >= 0 and (toks[j].word[:1].isalnum() or toks[j].word == "," or (
            toks[j].word == "“" and j > 0 and any(t.word == "”" for t in toks[j + 1:j + 5]))):
        j -= 1  # over a short quoted word inside the clause ('called Trump a “blowhard,” and said')
    opening = _subject_at(toks, j + 1)
    if opening is None or toks[j + 1].low in PRONOUNS or toks[j + 1].low in _CLAUSE_OPENERS:
        return None
    return opening


def _speech_gerund(low: str) -> bool:
    """A reporting verb's -ing form ("implying", "arguing", "saying"), by its base form in SPEECH_VERBS."""
    return low.endswith("ing") and (low in SPEECH_VERBS or low[:-3] in SPEECH_VERBS or low[:-3] + "e" in SPEECH_VERBS)


def _controller(toks: list[Token], k: int, i: int, *, be: bool = False) -> Mention | None:
    """The subject of the gerund ``toks[i]`` after the preposition ``toks[k]``: the nearest finite verb's subject before
    the preposition (``be``: a form of "be" counts as one, "was back to implying"), else the subject after the
    gerund's clause when it opens the sentence."""
    for j in range(k - 1, max(-1, k - 15), -1):
        low = toks[j].low
        if not toks[j].word[:1].isalnum() and toks[j].word not in {"’", "'"}:
            break
        if ((low.endswith("ed") or low in SPEECH_VERBS) and not low.endswith("ing") and low not in _SKIP) or (
                be and low in _BE):
            return subject_before(toks, j)
    if k == 0:
        return clause_subject_after(toks, i)
    return None


def clause_subject_after(toks: list[Token], i: int) -> Mention | None:
    """The subject after the comma that closes an opening participle clause ("Citing a report, Trump said" -> Trump)."""
    comma = next((n for n in range(i + 1, min(len(toks), i + 25)) if toks[n].word == ","), None)
    return _subject_at(toks, comma + 1) if comma is not None else None


#: Verbs whose subject puts forward the claim that the denial words describe ("offered no proof", "citing an
#: unfounded theory", "check out her non-existent tape"): the author, not that subject, rejects it.
_ADVANCE = frozenset("""offer offers offered offering provide provides provided providing present presents presented
presenting produce produces produced producing give gives gave giving cite cites cited citing repeat repeats
repeated repeating spread spreads spreading push pushes pushed pushing promote promotes promoted promoting peddle
peddles peddled peddling tout touts touted touting circulate circulates circulated circulating tell tells told
telling tweet tweets tweeted tweeting retweet retweets retweeted retweeting post posts posted posting share shares
shared sharing""".split())
_NP_LEAD = _DETERMINERS | frozenset("a an any no such".split()) | frozenset("“”\"‘’")


def advancer(toks: list[Token], start: int) -> Mention | None:
    """The subject of a verb putting forward the noun phrase that the denial words open or modify, or None.

    "Trump also claimed ..., but offered no proof" -> Trump; "Citing an unfounded conspiracy theory, Trump accused"
    -> Trump: the denial words are the author's verdict on what that subject advances (GUIDELINES.md: the author's
    own voice has no denier).
    """
    first = first_token(toks, start)
    k = first - 1
    while k >= 0 and (toks[k].low in _NP_LEAD or _adverb(toks[k])):  # "the largely unsubstantiated tale"
        k -= 1
    if k < 0:
        return None
    if toks[k].low == "out" and k >= 1 and toks[k - 1].low.startswith("check"):
        k -= 1
    elif toks[k].low not in _ADVANCE:
        return None
    if k == 0 and toks[k].low.endswith("ing"):
        return clause_subject_after(toks, k)
    if k >= 1 and toks[k - 1].word == "," and toks[k].low.endswith("ing"):
        # "..., Trump said, repeating a false claim": the participle's subject is the clause's before the comma
        return _sentence_subject(toks) or _reporter_before(toks, k - 1)
    return subject_before(toks, k)


def _reporter_before(toks: list[Token], comma: int) -> Mention | None:
    """The speaker of a reporting verb right before a comma ("“...,” Trump said, repeating"), or None."""
    n = comma - 1
    return speaker_of_verb(toks, n) if n >= 1 and _finite_report(toks, n) else None


def _finite_report(toks: list[Token], n: int) -> bool:
    """Whether ``toks[n]`` is a finite reporting verb: not a participle ("saying") and not a noun ("the report")."""
    return toks[n].low in SPEECH_VERBS and not toks[n].low.endswith("ing") and not noun_use(toks, n)


def find_denier(
    text: str, sentence: tuple[int, int], start: int, end: int, *, verb: bool, inside: tuple[int, int] | None = None,
    tokens: SentenceTokens | None = None,
) -> Mention | None:
    """Return the denier of the denial ``text[start:end]`` within ``sentence``, or None (author's voice).

    ``inside`` is the quotation the denial sits in: a mention inside it is the quoted speaker's own
    words ("we", "I"), not the denier, so it is skipped (the quote's attribution decides). ``tokens``: the text's
    sentence tokens, shared by every denial of one text (made here when not given).
    """
    tokens = SentenceTokens(text) if tokens is None else tokens
    found = _find(tokens(sentence[0], sentence[1]), start, end, verb=verb)
    for mention in found:
        # the denial's own words are never its denier ("shown to be false, stating ..." is no "be false")
        if mention is None or (mention.start < end and start < mention.end):
            continue
        if not (inside and inside[0] <= mention.start < inside[1]):
            return _named(text, tokens.prefix(sentence, mention.start), mention)
    return None


#: A name set off by commas after a role ("Trump's attorney, Alan Garten, said"): two to four capitalised words.
_APPOSITIVE_NAME = re.compile(r",[ \t]+((?:[A-Z][\w’'.\-]*[ \t]+){1,3}[A-Z][\w’'\-]*)[ \t]*,")


#: A person's name right before "of" and an affiliation ("Jeffrey Lewis of the James Martin Center").
_NAME_OF = re.compile(r"((?:[A-Z][\w.’'\-]*[ \t]+){1,3}[A-Z][\w’'\-]*)[ \t]+of[ \t]+\Z")


def appositive_name(text: str, mention: Mention) -> Mention:
    """The name set off by commas right after a role ("Kazakhstan's foreign minister, Erlan Idrissov, plays down":
    Erlan Idrissov), or right before the affiliation the mention is ("Jeffrey Lewis of the James Martin Center"),
    else the mention: the role or the affiliation describes the person the name names (GUIDELINES.md: a name)."""
    offset = max(0, mention.start - 80)
    before = _NAME_OF.search(text[offset:mention.start])
    if before is not None and text[mention.start:mention.start + 4].lower() == "the ":
        return Mention(offset + before.start(1), offset + before.end(1))
    words = text[mention.start:mention.end].split()
    if not words or not words[-1][:1].islower():
        return mention  # the mention ends in a name already ("Senator Ted Cruz"), or is no role
    match = _APPOSITIVE_NAME.match(text, mention.end)
    return Mention(*match.span(1)) if match else mention


def prefer_name(text: str, tokens: "SentenceTokens", sentence: tuple[int, int], mention: Mention) -> Mention:
    """A pronoun denier gives way to the name its sentence gives it (GUIDELINES.md: prefer a name in the same
    sentence over a pronoun), however the pronoun was found; any other mention is returned as it is."""
    if text[mention.start:mention.end].lower() not in _REPORTED_PRONOUNS or not sentence[0] <= mention.start < sentence[1]:
        return mention
    return _named(text, tokens.prefix(sentence, mention.start), mention)


def _named(text: str, before: list[Token], mention: Mention) -> Mention:
    """A third-person pronoun gives way to the name opening its sentence (GUIDELINES.md: prefer a name in the same
    sentence over a pronoun): "Mr. Putin also veered close ..., but he denied" -> Mr. Putin. ``before``: the
    sentence's tokens before the pronoun."""
    pronoun = text[mention.start:mention.end].lower()
    if pronoun in _REPORTED_PRONOUNS:
        reporter = _reporter_of(text, before)
        if reporter is not None:
            return reporter
    if pronoun not in {"he", "she"}:
        return mention
    opening = _sentence_subject(before)
    if opening is None:
        return _subject_after_adjunct(before) or mention
    if not text[opening.start:opening.end][:1].isupper() or opening.end > mention.start:
        return mention
    words = text[opening.start:opening.end].split()
    # a name of two words or more ("Mr. Putin", "Donald Trump"): one capitalised word opening a sentence is as
    # often an adverbial ("Beyond", "Asked") as a name, unless a reporting verb follows it ("Netanyahu said")
    k = _last_index(before, opening)
    reported = len(words) == 1 and k is not None and k + 1 < len(before) and _opens_predicate(before[k + 1])
    if (len(words) < 2 and not reported) or words[0].lower().endswith(("ed", "ing", "ly")) \
            or words[0].lower() in PRONOUNS | _DETERMINERS:
        return mention
    if words[0].lower() in _QUANTIFIERS or words[-1].lower().endswith(("'s", "’s")):
        return mention  # "One of Trump's earlier jeremiads came ..., when he told": no name of a person
    return opening


_REPORTED_PRONOUNS = frozenset("he she it they".split())


def _reporter_of(text: str, before: list[Token]) -> Mention | None:
    """The named subject of the reporting verb right before a pronoun ("Netanyahu said late Wednesday that he",
    "the State Department said it found"): the pronoun of a reported clause is its reporter, who is named."""
    n = len(before) - 1
    if n >= 0 and before[n].low == "that":
        n -= 1
    while n >= 0 and (before[n].low in _TIME_WORDS or before[n].low in {"late", "early", "last", "on"}):
        n -= 1  # "said late Wednesday that"
    told = next((j for j in range(n, max(0, n - 4), -1) if before[j].low in _TELL and all(
        t.word[:1].isalnum() for t in before[j + 1:n + 1])), None)
    if told is not None and told < n:
        n = told  # "Donald Trump told reporters he thought"
    if n < 1 or not _finite_report(before, n):
        return None
    subject = speaker_of_verb(before, n)
    if subject is None:
        return None
    words = text[subject.start:subject.end].split()
    if words[0].lower() in PRONOUNS or not words[-1][:1].isupper():
        return None  # a pronoun is no better; a common noun ("Top advisers said he") may not be its referent
    return subject


#: Prepositions that open a sentence's adjunct of time or place ("Since that time, Trump has ...").
_ADJUNCT_OPENERS = frozenset("since after before in on at during throughout until by".split())


def _subject_after_adjunct(toks: list[Token]) -> Mention | None:
    """The name right after a sentence-opening adjunct and its comma ("Since that time, Trump has routinely gone
    after Kelly": Trump), when a verb follows it; a capitalised word there is a name, not an adverbial. The tokens
    are those before the pronoun it would replace, so it comes before that pronoun."""
    if not toks or toks[0].low not in _ADJUNCT_OPENERS:
        return None
    comma = next((n for n in range(1, min(len(toks), 8)) if toks[n].word == ","), None)
    if comma is None or comma + 2 >= len(toks) or not _is_cap(toks[comma + 1]):
        return None
    subject = _subject_at(toks, comma + 1)
    if subject is None or toks[comma + 1].low in PRONOUNS | _DETERMINERS:
        return None  # a pronoun is no better than the one it would replace; "The Post" may not be the one meant
    k = _last_index(toks, subject)
    if k is None or k + 1 >= len(toks):
        return None
    return subject if _opens_predicate(toks[k + 1]) or _adverb(toks[k + 1]) else None


def _copula(low: str) -> bool:
    """A form of "be", contracted ("'s") or negated ("isn't", "wasn’t")."""
    return low in _BE or low in {"'s", "’s"} or (low.endswith(("n't", "n’t")) and low[:-3] in _BE)


#: Adjectives of an unconvinced stance: a linking verb's subject holds it ("Curiel seemed unconvinced").
_STANCE = frozenset("unconvinced unpersuaded unimpressed skeptical sceptical".split())
_LINKING = _BE | frozenset("""seem seems seemed appear appears appeared remain remains remained stay stays stayed
look looks looked sound sounds sounded became become becomes""".split())
#: Verbs of finding before "no evidence": their subject looked and found nothing ("experts have found no evidence").
_FINDING = frozenset("found find finds finding uncovered uncover uncovers seen saw see sees".split())
_EVIDENCE_OPENERS = frozenset("no little any scant zero".split())


def _stance_holder(toks: list[Token], first: int) -> Mention | None:
    """The subject of a linking verb before a stance adjective, or of a verb of finding before "no evidence"; None
    when the denial is neither."""
    if first >= len(toks):
        return None
    k = first - 1
    while k >= 0 and (_adverb(toks[k]) or toks[k].low in {"still", "also", "yet", "not", "so", "far", "clearly"}):
        k -= 1
    if k < 0:
        return None
    word, verb = toks[first].low, toks[k].low
    if (word in _STANCE and verb in _LINKING) or (word in _EVIDENCE_OPENERS and verb in _FINDING):
        return subject_before(toks, k)
    return None


def _find(toks: list[Token], start: int, end: int, *, verb: bool) -> Iterator[Mention | None]:
    """Yield denier candidates among a sentence's tokens, best first."""
    first = first_token(toks, start)
    last = next((n for n, t in enumerate(toks) if t.start >= end), len(toks))
    holder = _stance_holder(toks, first)
    if holder is not None and holder.end <= toks[first].start:
        yield holder
    if verb:
        # passive with an agent: "was rejected by the court", "has been discredited by the establishment" (not "is
        # disavowing remarks made by a surrogate": a progressive, whose "by" belongs to another participle)
        if first - 1 >= 0 and toks[first - 1].low in _BE | _SKIP and not toks[first].low.endswith("ing"):
            for n in range(last, min(len(toks), last + 3)):
                if toks[n].low == "by":
                    yield _np_starting_at(toks, n + 1)
        # in the passive the subject is what is denied ("the notion ... was roundly discredited"): no denier there
        if not _passive(toks, first, last):
            yield subject_before(toks, first)
        # with no subject before it (not "Peña Nieto, contradicting Trump, said"): a participle after a comma ("The
        # Kremlin issued a statement, denying the allegations") is the sentence subject's; a gerund after a
        # preposition ("Ryan has been vocal in rejecting") its controller's
        k = first
        while k < last - 1 and _adverb(toks[k]):  # "..., flatly denying"
            k += 1
        if first >= 1 and k < len(toks) and toks[k].low.endswith("ing"):
            # the comma may sit inside a closing quotation mark ('... that "Islam hates us," refusing to')
            if toks[first - 1].word == "," or (first >= 2 and toks[first - 1].word in {"”", '"', "’"}
                                               and toks[first - 2].word == ","):
                yield _sentence_subject(toks)
            elif toks[first - 1].low in _GERUND_PREPOSITIONS | {"in"}:
                yield _controller(toks, first - 1, k, be=True)
    # "called a charlatan by fellow physicians": a be-verb/participle before and an agent right after (a closing
    # quotation mark between: "labeled as a “witch hunt” by Democrats")
    by = last + 1 if last + 1 < len(toks) and toks[last].word in {"”", '"', "’"} else last
    if by < len(toks) and toks[by].low == "by" and any(t.low in _BE | {"called", "labeled", "labelled", "rated"} for t in toks[max(0, first - 4):first]):
        yield _np_starting_at(toks, by + 1)
    # "Turkey's denial", "their rejection of the report": the possessor of a denial noun
    if first < len(toks) and toks[first].low in DENIAL_NOUNS:
        yield _possessor(toks, first)
    # "his earlier statements that the contact never occurred": the possessor of a noun of saying; not when the
    # denial is a predicate ("Team Clinton's contention that ... is nothing but an excuse" is said of the contention)
    copula = next((j for j in (first, first - 1) if 0 <= j < len(toks) and _copula(toks[j].low)), None)
    for n in range(first - 1, 0, -1):
        if toks[n].low in {"that", ":"} and toks[n - 1].low in _SAYING_NOUNS:
            if copula is not None and (any(_verb_like(t) for t in toks[n + 1:copula])
                                       or any(t.low in PRONOUNS for t in toks[n + 1:copula - 1])):
                break  # the clause has its own verb before the copula: the copula's subject is the noun itself
            # "Democrats' new warning: Leaks could include Russian lies"; "Democratic leaders are putting out a
            # warning that ...: leaks might contain fake information" (who issues it: the subject of its verb)
            yield _possessor(toks, n - 1) or _issuer(toks, n - 1)
            break
    # "according to X"
    for n in range(len(toks) - 2):
        if toks[n].low == "according" and toks[n + 1].low == "to":
            yield _np_starting_at(toks, n + 2)
    # the nearest reporting verb before the denial, then after it
    for n in range(first - 1, -1, -1):
        # "-ing" forms are participles ("tweets accusing X", ", saying"): the finite verb decides
        if _finite_report(toks, n):
            if _passive(toks, n, n + 1):
                # "A fact is dismissed as false": what is said about, not who says it; the agent says it ("the news
                # media, which is then denounced by Trump for its supposed bias")
                by = next((m for m in range(n + 1, min(len(toks), n + 3)) if toks[m].low == "by"), None)
                if by is not None:
                    yield _np_starting_at(toks, by + 1)
                continue
            yield speaker_of_verb(toks, n)
    # a participle of speech after a comma ("Cruz took the stage ..., saying ... was incorrect"; "The campaign
    # pushed back, calling it ..."): its subject is the sentence's subject
    for n in range(first - 1, 0, -1):
        if toks[n].low in SPEECH_VERBS and toks[n].low.endswith("ing") and toks[n - 1].word == ",":
            yield _sentence_subject(toks)
            break
        # a gerund of speech after a preposition ("Trump was back to implying that Fields had lied"): its controller
        if _speech_gerund(toks[n].low) and toks[n - 1].low in _GERUND_PREPOSITIONS | {"to"}:
            yield _controller(toks, n - 1, n, be=True)
            break
    # not inside the denial's own complement ("denying that Fields was telling the truth": Fields is the accused)
    # nor in a clause saying when the denial applies ("Sanders exaggerates when he says": he makes the claim)
    if not (last < len(toks) and toks[last].low in {"that", "when"}):
        for n in range(last, len(toks)):
            if toks[n].low in SPEECH_VERBS and not noun_use(toks, n):
                yield speaker_of_verb(toks, n, first_after=last)


#: Words ending in "ly" that are no adverbs ("the family denied").
_LY_NOUNS = frozenset("family assembly rally ally supply reply anomaly monopoly bully belly jelly homily".split())
#: Adjective endings between an article and a reporting verb used as a noun ("a federal judge", "a Mexican-American
#: judge", "the Republican report").
_ADJECTIVE_ENDINGS = ("al", "an", "ese", "ish", "ic")
_IRREGULAR_PAST = frozenset("said told wrote saw found thought read".split())
_MORE_ADJECTIVE_ENDINGS = ("ive", "ous", "est", "ful", "ible", "able")
_DEGREE = frozenset("most more latest new own earlier first last".split())


def _adverb(tok: Token) -> bool:
    """An adverb in "-ly" between a subject and its verb ("Priebus has aggressively pushed back")."""
    return tok.low.endswith("ly") and len(tok.low) > 4 and tok.word[:1].islower() and tok.low not in _LY_NOUNS


def noun_use(toks: list[Token], n: int) -> bool:
    """A reporting verb's word used as a noun: after an article or a possessive ("Trump's tweet", "the report"), or
    after an article and an adjective ("a federal judge")."""
    if n == 0:
        return False
    prev = toks[n - 1].low
    if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
        return True
    if _coordinated_modifiers(toks, n):
        return True
    word = toks[n].low
    base = not word.endswith(("ed", "s")) and word not in _IRREGULAR_PAST
    for k in range(n - 2, max(-1, n - 4), -1):  # "Podliska's most explosive claim": a possessive, then adjectives
        low = toks[k].low
        if low in _POSSESSIVES or low.endswith(("'s", "’s", "s'", "s’")):
            return base and all(t.low in _DEGREE or t.low.endswith(_ADJECTIVE_ENDINGS + _MORE_ADJECTIVE_ENDINGS)
                                for t in toks[k + 1:n])
        if not toks[k].word[:1].isalnum():
            break
    # an article, then adjectives or names ("a federal judge", "a Latino federal judge", "the Sanders show"); with a
    # name among them only a base form is a noun: not "The Senate rejected", "The Pentagon said"
    named = False
    for k in range(n - 1, max(-1, n - 4), -1):
        tok = toks[k]
        if tok.low in {"a", "an", "the"}:
            return k < n - 1 and (not named or base)
        if tok.low.endswith(_ADJECTIVE_ENDINGS) and not tok.low.endswith(("man", "men")):
            continue  # "a federal judge"; not "the spokeswoman said", "the chairman said"
        if not _is_cap(tok):
            return False
        named = True
    return False


#: Evaluative adjectives without an adjective ending, said of claims ("a false and misleading claim").
_EVALUATIVE = frozenset("false true untrue fake bogus phony absurd wrong".split())
_COORDINATORS = frozenset({"and", "or", ","})


#: Endings of a modifier: the adjective endings (not "-an": "woman", "man"), "-less", "-ate", "-ing" and adverbs.
_MODIFIER_ENDINGS = (tuple(e for e in _ADJECTIVE_ENDINGS if e != "an") + ("less", "ate", "ing", "ly")
                     + _MORE_ADJECTIVE_ENDINGS)


def _modifier(tok: Token) -> bool:
    """A lowercase adjective or adverb by its form ("baseless", "inaccurate", "misleading", "factually", "false")."""
    low = tok.low
    return tok.word.isalpha() and tok.word.islower() and (low in _EVALUATIVE or low.endswith(_MODIFIER_ENDINGS))


def _coordinated_modifiers(toks: list[Token], n: int) -> bool:
    """Whether ``toks[n]`` follows an article or a possessive and coordinated modifiers ("Trump's absurd and
    factually inaccurate claim", "the false, misleading report"): a noun, not a verb whose subject is "inaccurate"."""
    k, coordinated = n - 1, False
    while k >= 0 and n - k <= 6:
        tok = toks[k]
        if tok.low in _DETERMINERS or tok.low in _POSSESSIVES or _possessive(tok):
            return coordinated
        if tok.low in _COORDINATORS:
            # like joins like: the word before the coordinator is a modifier too when the one after it is
            if not (k + 1 < n and _modifier(toks[k + 1])) or k == 0 or not toks[k - 1].word.isalpha():
                return False
            coordinated = True
            k -= 1
            if toks[k].word.islower() and not _verb_like(toks[k]) and toks[k].low not in _STOP:
                k -= 1
                continue
            return False
        if not _modifier(tok):
            return False
        k -= 1
    return False


def _verb_like(tok: Token) -> bool:
    """A token that is probably a finite verb or auxiliary (a be-form, a modal, a past form, a reporting verb)."""
    return tok.low in _VERBAL or tok.low in SPEECH_VERBS or (tok.low.endswith("ed") and len(tok.low) > 4)


def _issuer(toks: list[Token], noun: int) -> Mention | None:
    """Who issues the noun of saying at ``toks[noun]`` ("Democratic leaders are putting out a warning"): the
    subject of the verb whose object it is (a determiner and up to two modifiers between), or None."""
    if toks[noun].low not in _ISSUED_NOUNS:
        return None
    for k in range(noun - 1, max(-1, noun - 4), -1):
        if toks[k].low in {"a", "an", "the", "this", "that"}:
            verb = k - 1
            if verb >= 0 and toks[verb].low in {"out", "up"}:  # "putting out", "sent up"
                verb -= 1
            if verb >= 1 and toks[verb].word[:1].isalpha() and toks[verb].low not in _STOP | _BE | _DETERMINERS:
                return subject_before(toks, verb)
            return None
        if toks[k].low in _ISSUING_VERBS and k >= 1:
            return subject_before(toks, k)
        if not toks[k].word[:1].isalnum() or toks[k].low in _STOP:
            return None
    return None


def _possessive(tok: Token) -> bool:
    """Whether a word ends in a possessive "'s" ("Clinton's", "the ministry's"), not a contraction ("it's", "That's")."""
    return tok.low.endswith(("'s", "’s")) and tok.low[:-2] not in _CONTRACTING


def _contracted(tok: Token) -> bool:
    """Whether a word ends in a contracted "is" ("That's", "he's"), not a possessive "'s"."""
    return tok.low.endswith(("'s", "’s")) and tok.low[:-2] in _CONTRACTING


def _possessor(toks: list[Token], noun: int) -> Mention | None:
    """The possessor of the noun at ``toks[noun]``: a possessive pronoun or a name with 's, up to three tokens
    before."""
    for k in range(noun - 1, max(-1, noun - 4), -1):
        tok = toks[k]
        if tok.low in _POSSESSIVES:
            return Mention(tok.start, tok.end)
        if _possessive(tok):
            name = np_ending_at(toks, k)  # "Clinton's", "the ministry's"
            return Mention(name.start if name else tok.start, tok.end - 2)
        if tok.low.endswith(("s'", "s’")) and _is_cap(tok):  # a plural's possessive: "Democrats' new warning"
            return Mention(tok.start, tok.end - 1)
        if tok.word in {"'", "’"} and k >= 1 and toks[k - 1].low.endswith("s") and _is_cap(toks[k - 1]):
            name = np_ending_at(toks, k - 1)
            return Mention(name.start if name else toks[k - 1].start, toks[k - 1].end)
        if tok.low in _STOP or not tok.word[:1].isalnum():
            return None
    return None


def _passive(toks: list[Token], first: int, last: int) -> bool:
    """Whether the verb ``toks[first:last]`` is a past participle after a form of "be" ("was (roundly) rejected")."""
    # the participle may open a longer denial ("it's been proved wrong"), after an intensifier ("roundly rejected")
    verb = next((n for n in range(first, last) if not toks[n].low.endswith("ly")), last - 1)
    if last - 1 < first or not (toks[last - 1].low.endswith("ed") or toks[verb].low.endswith("ed")):
        return False
    k = first - 1
    while k >= 0 and (toks[k].low.endswith("ly") or toks[k].low in _SKIP - _BE - {"has", "have", "had"}):
        k -= 1
    return k >= 0 and toks[k].low in _BE


def _last_index(toks: list[Token], mention: Mention) -> int | None:
    """The index of the token that ends ``mention``, or None."""
    return next((n for n, t in enumerate(toks) if t.end == mention.end), None)


def _opens_predicate(tok: Token) -> bool:
    """Whether a word right after a subject opens its verb phrase: a past form, a reporting verb, an auxiliary or
    an adverb of the subject-verb gap (``_SKIP``)."""
    return tok.low.endswith("ed") or tok.low in SPEECH_VERBS or tok.low in _SKIP


def _sentence_subject(toks: list[Token]) -> Mention | None:
    """The noun phrase opening a sentence when it is a name or a determiner phrase ("Cruz", "The Clinton
    campaign"), not an adverbial or a quotation."""
    if not toks or not (toks[0].low in _DETERMINERS or toks[0].low in PRONOUNS or _is_cap(toks[0])):
        return None
    if toks[0].low in _CLAUSE_OPENERS or toks[0].low in _STOP:
        return None
    subject = _subject_at(toks, 0)
    if subject is not None and any(t.low in _TIME_WORDS for t in toks[:3] if t.end <= subject.end):
        return None  # "The day before, at a rally ..., Mr. Trump was ..., claiming": a time adjunct opens it
    if subject is None or toks[0].low not in _DETERMINERS:
        return subject
    # "The Clinton campaign pushed back": a lowercase head after the capitalised modifiers, when a verb follows it
    k = _last_index(toks, subject)
    if k is not None and k + 2 < len(toks) and toks[k + 1].word[:1].islower() and toks[k + 1].low not in _STOP | _SKIP:
        if _opens_predicate(toks[k + 2]):
            return Mention(subject.start, toks[k + 1].end)
    return subject


def speaker_of_verb(toks: list[Token], n: int, *, first_after: int = 0) -> Mention | None:
    """The speaker of a reporting verb: its subject, or the inverted subject ("..., said the ministry")."""
    # "..., said the ministry" is inverted; "Sen. Rand Paul, R-Ky., told Fox News" is not: "tell" takes an object
    inverted = n - 1 >= 0 and toks[n - 1].word in {",", "”", '"', "’"} and toks[n].low not in _TELL
    if inverted:
        after = _np_starting_at(toks, n + 1)
        # "..., said the ministry." ends there; "Revesz, director of ..., said the suing states were" goes on with
        # the reported clause: then the subject is before the verb
        close = next((m for m, t in enumerate(toks) if t.start >= after.end), len(toks)) if after else 0
        if after and (close == len(toks) or not toks[close].word[:1].isalnum()):
            return after
    if n - 1 >= first_after:
        return subject_before(toks, n)
    return None
