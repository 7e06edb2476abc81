"""Regenerate ``toolkit/data/denials.tsv`` from the TRAIN denial gold: derived entries and every entry's counts.

    .venv/bin/python scripts/derive_denial_lexicon.py /work/shared/denials/train /work/shared/polnear/train/text \
        toolkit/data/denials.tsv --extra data/denials_silver/train > /tmp/denials.tsv \
        && mv /tmp/denials.tsv toolkit/data/denials.tsv

The written entries (guidelines, literature, PolNeAR inspection) are kept as written, with comments and order.
The section after the line ``# ---- derived from the TRAIN gold`` is rewritten by
:func:`toolkit.denials.derivation.derive_entries`: 1-2 word sequences of gold denial spans with at least
``MIN_HITS`` (3) gold hits and precision at least ``MIN_PRECISION`` (0.6) over their not-negated occurrences
in the TRAIN texts. The rule was chosen by 5-fold CV on TRAIN with the derivation inside each fold
(``toolkit.evaluation.denials.fold_models``): in round 2, min precision 0.3 / 0.4 / 0.5 / 0.6 at 2 hits gave CV
F1 0.330 / 0.335 / 0.343 / 0.344; in round 3, with the lexicon's inflections, 2 hits (precision 0.6 or 0.8) gave
F1 0.422 and 3 hits 0.430, the same as no derivation at all (P 0.709 -> 0.757: the 2-hit entries of the training
folds added 7 false positives and no true one on the held-out folds). At 3 hits nothing is derived from the 140
TRAIN articles; the mechanism stays for a larger gold set (over the silver articles too, at 3 hits, it reads off
article-bound pairs such as "judge and", "mind is": so ``--extra`` articles are counted, never derived from). Then
every entry gets ``train_n`` = its candidates in the TRAIN texts of the gold and ``--extra`` articles
(:func:`toolkit.denials.candidates.find_candidates`) and ``train_precision`` = the share overlapping a denial
(empty when ``train_n`` is 0): the model's prior feature. Retrain the model afterwards
(``scripts/train_denials.py``): the candidates are its input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.denials.derivation import (DERIVED_SOURCE, derive_entries, entry_counts, merged_gold, total_counts,
                                        written_entries)
from toolkit.denials.lexicon import Lexicon, parse_lexicon
from toolkit.denials.model import read_texts
from toolkit.evaluation.denials import read_extra, read_gold

MARKER = "# ---- derived from the TRAIN gold"


def main(argv: list[str]) -> int:
    """Print the lexicon with its derived section and ``train_n`` / ``train_precision`` columns regenerated."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", metavar="GOLD_DIR")
    parser.add_argument("text_dir", metavar="TEXT_DIR")
    parser.add_argument("lexicon", metavar="LEXICON_TSV")
    parser.add_argument("--extra", action="append", default=[], metavar="GOLD_DIR",
                        help="more annotated articles (texts in TEXT_DIR) counted in train_n / train_precision")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold_dir)
    extra = read_extra(args.extra)
    both = merged_gold(gold, extra)
    texts = read_texts(sorted(both), args.text_dir)
    lines = Path(args.lexicon).read_text(encoding="utf-8").splitlines()
    cut = next((i for i, line in enumerate(lines) if line.startswith(MARKER)), len(lines))
    head = lines[:cut]
    base = written_entries(parse_lexicon(head))
    derived = derive_entries(gold, texts, base)
    lexicon = Lexicon(base.entries + tuple(d.entry for d in derived))
    counts = total_counts(entry_counts(both, texts, lexicon))

    def columns(entry_id: str) -> list[str]:
        n, hits = counts.get(entry_id, (0, 0))
        return [str(n), f"{hits / n:.2f}" if n else ""]

    for line in head:
        if not line.strip() or line.lstrip().startswith("#"):
            print(line)
            continue
        fields = (line.split("\t") + [""] * 5)[:5]
        print("\t".join(fields + columns(fields[0])))
    print(f"{MARKER} (scripts/derive_denial_lexicon.py; do not edit by hand) ----")
    for d in derived:
        e = d.entry
        sense = ";".join(f"{k}:{v}" if v else k for k, v in e.sense)
        print("\t".join([e.id, e.pattern, e.category, e.source, sense] + columns(e.id)))
    assert all(d.entry.source.startswith(DERIVED_SOURCE) for d in derived)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
