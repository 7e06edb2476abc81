"""Derive ``toolkit/data/speech_verbs.tsv`` from the Cue spans of PolNeAR TRAIN.

Run from the project root (PolNeAR beside the clone, or pass its train split):

    .venv/bin/python scripts/derive_speech_verbs.py /work/shared/polnear/train > toolkit/data/speech_verbs.tsv

How: take the last word of every gold Cue (the GGT cue-accuracy convention),
map it to a lemma with a small rule lemmatiser (irregular table + suffix
rules), count per lemma, keep lemmas seen at least ``MIN_COUNT`` times that
are verbs of saying, reporting or stance (the ``SPEECH``/``STANCE`` sets
below: manual judgement on the frequency list; prepositions, nouns such as
"statement" and perception verbs such as "see" are left out), and write every
inflection (generated + observed). ``class`` is ``speech`` (verbs of saying,
used for indirect speech) or ``stance`` (used only to attribute quotation
marks). Lemmas in ``MANUAL`` are added even when rare in TRAIN (source
``manual``).

``frames`` says which complements of the verb are an attribution's content
(PolNeAR/PARC annotate more than speech: belief, knowledge, intention and
evaluation cues too), read off the TRAIN cue/content pairs (content after the
cue, starting with "that", "to", a wh-word, or an object noun phrase):

* ``clause``: a that-clause or a bare clause ("said (that) ...", "believes ...");
* ``to``: a to-infinitive ("wants to ...", "vowed to ...", "urged Congress to ...");
* ``wh``: whether/if/wh-clause ("asked whether ...", "explained why ...");
* ``obj``: the object noun phrase itself ("endorsed Trump", "criticized the plan").
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from toolkit.evaluation.brat import read_brat_dir  # noqa: E402

MIN_COUNT = 5
DOUBLED = {"admit", "regret", "slam", "quip", "commit", "refer", "regret", "plan"}
IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "thought": "think", "knew": "know", "known": "know",
    "saw": "see", "seen": "see", "felt": "feel", "taught": "teach", "sought": "seek",
    "began": "begin", "read": "read", "put": "put", "made": "make", "held": "hold",
    "swore": "swear", "sworn": "swear", "found": "find", "shown": "show", "forecast": "forecast", "foresaw": "foresee",
    "retweeted": "retweet", "tweeted": "tweet", "testified": "testify", "replied": "reply",
    "implied": "imply", "denied": "deny", "clarified": "clarify", "specified": "specify",
    "quipped": "quip", "admitted": "admit", "committed": "commit", "referred": "refer",
    "conceded": "concede", "predicted": "predict",
}
SPEECH = {
    "say", "tell", "add", "write", "ask", "report", "note", "announce", "suggest", "argue",
    "explain", "acknowledge", "claim", "declare", "continue", "tweet", "state", "insist",
    "warn", "respond", "reply", "recall", "conclude", "mention", "reveal", "confirm",
    "deny", "admit", "assert", "contend", "testify", "complain", "predict", "observe",
    "concede", "emphasize", "stress", "point", "promise", "pledge", "vow", "urge", "describe",
    "call", "accuse", "criticize", "praise", "question", "quote", "cite", "joke", "boast",
    "counter", "maintain", "caution", "allege", "remark", "quip", "recount", "underline",
    "agree", "charge", "estimate", "propose", "post", "retweet", "speak", "lament",
    "proclaim", "characterize", "label", "dismiss", "reiterate", "echo", "blast", "slam", "read",
    "endorse", "support", "oppose", "defend", "back", "attack", "blame", "denounce", "reject",
    "condemn", "mock", "tout", "embrace", "promote", "praise", "highlight", "thank", "show", "find",
    "indicate", "plan", "seek", "refuse", "decline", "decide", "threaten", "intend", "wonder",
    "welcome", "applaud", "favor", "acknowledge",
}
STANCE = {"think", "believe", "know", "want", "hope", "expect", "feel", "fear", "worry", "doubt"}
FRAMES = {
    "clause": {
        "say", "tell", "add", "write", "note", "suggest", "report", "argue", "announce", "claim", "explain",
        "acknowledge", "insist", "declare", "warn", "state", "reveal", "recall", "predict", "respond", "reply",
        "confirm", "deny", "admit", "assert", "contend", "concede", "emphasize", "stress", "conclude", "estimate",
        "complain", "maintain", "allege", "reiterate", "agree", "promise", "pledge", "vow", "tweet", "underline",
        "remark", "caution", "lament", "boast", "proclaim", "counter", "joke", "quip", "recount", "testify",
        "observe", "point", "mention", "post", "think", "believe", "know", "hope", "expect", "feel", "fear",
        "worry", "doubt", "show", "find", "indicate", "charge", "wonder", "decide", "read", "write",
    },
    "to": {"want", "hope", "plan", "promise", "pledge", "vow", "expect", "refuse", "decline", "seek", "agree",
           "threaten", "intend", "decide", "urge", "ask", "tell", "call"},
    "wh": {"ask", "question", "wonder", "explain", "know", "decide", "say", "tell"},
    "obj": {"endorse", "support", "oppose", "defend", "back", "attack", "blame", "denounce", "reject", "condemn",
            "criticize", "praise", "accuse", "cite", "describe", "call", "dismiss", "blast", "slam", "question",
            "propose", "announce", "reveal", "mock", "tout", "embrace", "promote", "label", "characterize",
            "highlight", "thank", "welcome", "applaud", "favor", "challenge", "echo", "mention", "urge",
            "predict"},
}
MANUAL = {"intend", "wonder", "applaud", "underline", "reiterate", "proclaim", "quip", "lament", "caution", "allege",
          "remark", "recount", "contend", "assert", "emphasize", "stress", "label", "echo",
          "blast", "slam", "characterize", "dismiss", "counter", "boast", "joke", "retweet", "read"}


def lemma(word: str) -> str:
    """Map an inflected verb form to its lemma: irregular table, then suffix rules checked against the known lemmas."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    known = SPEECH | STANCE | MANUAL
    candidates = [w]
    for suffix, repls in (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")),
                          ("es", ("", "e")), ("s", ("",)), ("d", ("",))):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            candidates += [stem + r for r in repls]
            if stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # admitted -> admit
    for cand in candidates:
        if cand in known:
            return cand
    return candidates[-1] if len(candidates) > 1 else w


def inflections(lemma_: str) -> set[str]:
    """Generate regular inflections (3sg, past, -ing) of a lemma."""
    out = {lemma_}
    if lemma_ in DOUBLED:
        return out | {lemma_ + "s", lemma_ + lemma_[-1] + "ed", lemma_ + lemma_[-1] + "ing"}
    if lemma_.endswith("ee"):
        out |= {lemma_ + "s", lemma_ + "d", lemma_ + "ing"}
    elif lemma_.endswith("y") and lemma_[-2] not in "aeiou":
        out |= {lemma_[:-1] + "ies", lemma_[:-1] + "ied", lemma_ + "ing"}
    elif lemma_.endswith("e"):
        out |= {lemma_ + "s", lemma_ + "d", lemma_[:-1] + "ing"}
    elif lemma_.endswith(("s", "sh", "ch", "x", "z", "o")):
        out |= {lemma_ + "es", lemma_ + "ed", lemma_ + "ing"}
    else:
        out |= {lemma_ + "s", lemma_ + "ed", lemma_ + "ing"}
    irregular = {form for form, lem in IRREGULAR.items() if lem == lemma_}
    if irregular and lemma_ not in {"tweet", "retweet", "testify", "reply", "imply", "deny", "clarify", "specify",
                                    "quip", "admit", "commit", "refer", "concede", "predict"}:
        out.discard(lemma_ + "ed")
        out.discard(lemma_ + "d")
    out |= irregular
    return out


def main(train: str) -> None:
    """Print the TSV to stdout."""
    counts: Counter[str] = Counter()
    forms: dict[str, set[str]] = defaultdict(set)
    for _stem, text, golds in read_brat_dir(Path(train)):
        for gold in golds:
            if gold.content is None:
                continue
            words = re.findall(r"[A-Za-z]+", " ".join(text[s:e] for s, e in gold.cue_parts))
            if words:
                lem = lemma(words[-1])
                counts[lem] += 1
                forms[lem].add(words[-1].lower())
    print("# Speech and stance verbs, derived from PolNeAR TRAIN Cue spans by scripts/derive_speech_verbs.py")
    print(f"# (lemmas with >= {MIN_COUNT} cues in TRAIN, filtered by hand to verbs of saying/stance; see the script).")
    print("# Regenerate: .venv/bin/python scripts/derive_speech_verbs.py /work/shared/polnear/train > toolkit/data/speech_verbs.tsv")
    print("lemma\tforms\tclass\tframes\ttrain_count\tsource")
    keep = {lem for lem, n in counts.items() if n >= MIN_COUNT and lem in SPEECH | STANCE} | MANUAL
    for lem in sorted(keep, key=lambda x: (-counts[x], x)):
        cls = "stance" if lem in STANCE else "speech"
        source = "polnear-train" if counts[lem] >= MIN_COUNT else "manual"
        all_forms = sorted(inflections(lem) | forms[lem])
        frames = ",".join(f for f in ("clause", "to", "wh", "obj") if lem in FRAMES[f]) or "-"
        print(f"{lem}\t{','.join(all_forms)}\t{cls}\t{frames}\t{counts[lem]}\t{source}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "polnear" / "train"))
