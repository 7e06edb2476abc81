"""Measure whether negated clauses ("said he had never touched", "I did not email") could be denial candidates.

    .venv/bin/python scripts/probe_negated_clauses.py /work/shared/denials/train /work/shared/polnear/train/text

GUIDELINES.md marks a negated accusation by the accused side as a denial ("he did not do so"), not ordinary
negation. This probe asks whether the trained decision can tell the two apart before any such family is built
(README, denials round 8). Candidates: every negated clause (a negator and the word after it) of the TRAIN
articles that no cross-validated denial already covers; label 1 when it overlaps a gold denial. A logistic
regression (``toolkit.denials.model.train``, the shipped recipe) on form and context features is trained and
scored in the evaluation's 5 folds by article; the script prints how many gold denials the best-scored held-out
candidates hold, and the counts of narrower hand-written families. An added candidate raises span F1 only when it
is right more often than half the current F1: none of these is (round 8: 4 of the best 20, 11 of the best 40).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from toolkit.denials.candidates import ACCUSE, quote_regions
from toolkit.denials.model import read_texts, train
from toolkit.evaluation.denials import cross_validate, fold_assignment, read_gold

_NEGATED = re.compile(r"\b(?:(?:did|does|do|had|has|have|was|were|is|are|am|could|would|will|should|can|wo|ca|must"
                      r"|might|may)(?:n[’']t|\s+not)|never|not)\b", re.IGNORECASE)
_NEXT = re.compile(r"(?:\s+(?:ever|actually|really|personally|knowingly|even|just|once|been|have|be))*\s+([\w’'\-]+)")
_WORD = re.compile(r"[\w’'\-]+|[^\w\s]")
_MODALS = frozenset("could would will should can wo ca must might may".split())
#: Verbs of thinking, wanting and being able: "I don't know", "she wasn't expecting" reject nothing.
_MENTAL = frozenset("""know knew known think thought want wanted believe believed expect expected remember
remembered like liked care cared mean meant understand understood need needed plan planned intend intended feel felt
seem seemed realize realized recall recalled see saw seen get got go went going sure able""".split())
_REPORTING = frozenset("""said says say saying told tells argued argues argue insisted insists insist asserted
assert asserts claimed claims claim maintained maintains stated states tweeted wrote write writes added adds stressed
noted explained explains responded replied denied denies deny countered""".split())
_ACCUSED = re.compile(r"\b(?:" + "|".join(sorted(ACCUSE | {"complaint", "questions", "critics", "suspicion",
                                                          "speculation", "rumors", "rumor"})) + r")\b", re.IGNORECASE)
_FUNCTION = frozenset("""the a an any to of in on that this with for and or his her their its it he she they i we you
was is be been have had has""".split())


def clause_features(text: str, start: int, end: int, verb: str, negator: str, quotes: list[tuple[int, int]],
                    found: list[tuple[int, int]]) -> list[str]:
    """Form and context features of the negated clause ``text[start:end]`` whose verb is ``verb``."""
    paragraph = text.rfind("\n", 0, start) + 1
    before = [w.lower() for w in _WORD.findall(text[max(paragraph, start - 80):start])]
    after = [w.lower() for w in _WORD.findall(text[end:end + 50])][:6]
    subject = before[-1] if before else ""
    person = ("first" if subject in ("i", "we", "i'd", "i've") else "third" if subject in ("he", "she", "they")
              else "aux" if subject in ("had", "has", "have", "was", "is") else "other")
    kind = ("mental" if verb in _MENTAL else "ed" if verb.endswith("ed") else "ing" if verb.endswith("ing")
            else "function" if verb in _FUNCTION else "word")
    inside = any(a < start < b for a, b in quotes)
    reported = bool(set(before[-5:]) & _REPORTING)
    stem = verb[:5] if len(verb) >= 4 and kind not in ("mental", "function") else None
    echoed = stem is not None and any(
        abs(m.start() - start) > 40 and not _NEGATED.search(text[max(0, m.start() - 14):m.start()])
        for m in re.finditer(r"\b" + re.escape(stem), text, re.IGNORECASE))
    objects = [w for w in after[1:6] if w.isalpha() and w not in _FUNCTION and len(w) > 3]
    earlier = text[max(0, start - 800):start].lower()
    return [
        f"neg={negator}", f"modal={negator in _MODALS}", f"verb={kind}", f"subject={person}", f"quoted={inside}",
        f"first_in_quote={inside and person == 'first'}", f"reported={reported}",
        f"reported_pronoun={reported and person in ('third', 'aux')}",
        f"accusation_before={_ACCUSED.search(text, max(0, start - 400), start) is not None}",
        f"denial_near={any(abs(a - start) < 300 or abs(b - start) < 300 for a, b in found)}",
        f"any_after={bool({'any', 'anything', 'anyone'} & set(after))}",
        f"contrast_after={bool({'but', 'only', 'rather'} & set(after))}",
        f"verb_echoed={echoed}", f"object_echoed={any(w[:5] in earlier for w in objects)}",
    ]


def negated_clauses(gold: dict[str, list[dict[str, Any]]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Every negated clause no cross-validated denial covers, with its features and gold label."""
    pred = cross_validate(gold, texts, k=5)
    rows = []
    for doc in sorted(gold):
        text = texts[doc]
        quotes = quote_regions(text)
        found = [(d.start, d.end) for d in pred[doc]]
        for m in _NEGATED.finditer(text):
            start, end = m.span()
            if any(a < end and start < b for a, b in found):
                continue
            nxt = _NEXT.match(text, end)
            verb = nxt.group(1).lower() if nxt else ""
            end = nxt.end() if nxt else end
            negator = re.sub(r"n[’']t$", "", m.group().lower().split()[0])
            # a found denial within 200 characters, no line break between them
            beside = any((abs(a - end) < 200 or abs(start - b) < 200)
                         and "\n" not in text[min(a, start):max(b, end)] for a, b in found)
            rows.append({"doc": doc, "start": start, "end": end, "verb": verb, "negator": negator, "beside": beside,
                         "label": int(any(g["start"] < end and start < g["end"] for g in gold[doc])),
                         "features": clause_features(text, start, end, verb, negator, quotes, found)})
    return rows


def main(argv: list[str]) -> int:
    """Print the held-out ranking of negated clauses and the counts of narrower families."""
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold = read_gold(argv[0])
    texts = read_texts(gold, argv[1])
    rows = negated_clauses(gold, texts)
    print(f"negated clauses not already found: {len(rows)}, {sum(r['label'] for r in rows)} in a gold denial")
    folds = fold_assignment(gold, 5)
    scored = []
    for fold in range(5):
        model = train([(r["features"], r["label"]) for r in rows if folds[r["doc"]] != fold], shift=0.0)
        scored += [(model.score(r["features"]), r["label"], r["doc"], r["start"]) for r in rows
                   if folds[r["doc"]] == fold]
    scored.sort(key=lambda s: (-s[0], s[2], s[3]))
    print("best-scored held-out candidates: gold denials among them")
    for top in (10, 20, 40, 60):
        print(f"  {top}: {sum(label for _, label, *_ in scored[:top])}")
    families = {
        "near a found denial, same paragraph (not modal, not a mental verb)":
            lambda r: r["beside"] and r["negator"] not in _MODALS and r["verb"] not in _MENTAL,
        "'any' after (not modal, not a mental verb)":
            lambda r: "any_after=True" in r["features"] and r["negator"] not in _MODALS and r["verb"] not in _MENTAL,
        "'don't think/believe' inside a quote":
            lambda r: r["verb"] in ("think", "believe") and "quoted=True" in r["features"],
    }
    for name, keep in families.items():
        chosen = [r for r in rows if keep(r)]
        print(f"{name}: {sum(r['label'] for r in chosen)} of {len(chosen)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
