"""Does the denial finder fire as often on news it was not built from? A check of the TRAIN cross-validation.

    .venv/bin/python scripts/denial_rates.py /work/shared/denials/train /work/shared/polnear/train/text

The 140 TRAIN gold articles were drawn at random, 20 per outlet, from the same PolNeAR TRAIN folder as the other
700. If the finder generalised, it would find denials at about the same rate (per 1,000 characters) in both. This
script runs the shipped finder on every text of TEXT_DIR and prints, per outlet and overall, its rate on the gold
articles and on the others; then it draws ``--draws`` random samples of the other articles with the gold set's
number per outlet and prints where the gold articles' rate falls among theirs; then the entries that fire more
often on the gold articles than their rate elsewhere predicts ("excess").

A gold-article rate far above the samples' means that entries were written from phrases read in the gold
articles (the lexicon's "PolNeAR train inspection" entries and the issue's examples), which the cross-validation
cannot hold out: the written entries are in every fold's lexicon, so its recall is higher than unseen news will
give. No gold labels of the other articles are needed, only the finder's output.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Mapping, Sequence

from toolkit.denials.finder import find_denials
from toolkit.evaluation.denials import read_gold


def outlet_of(stem: str) -> str:
    """The outlet of a PolNeAR file stem (``nyt_2016-03-09_...`` -> ``nyt``)."""
    return stem.split("_", 1)[0]


def rate(pairs: Sequence[tuple[int, int]]) -> float:
    """Denials per 1,000 characters of (denials, characters) pairs (0.0 for no characters)."""
    chars = sum(c for _, c in pairs)
    return 1000.0 * sum(n for n, _ in pairs) / chars if chars else 0.0


def sampled_rates(
    unseen: Mapping[str, Sequence[tuple[int, int]]], per_outlet: Mapping[str, int], draws: int, seed: int
) -> list[float]:
    """Rates of ``draws`` random samples of the unseen articles, ``per_outlet[o]`` of outlet o each, sorted."""
    rng = random.Random(seed)
    out = []
    for _ in range(draws):
        picked: list[tuple[int, int]] = []
        for outlet in sorted(per_outlet):
            picked += rng.sample(list(unseen[outlet]), per_outlet[outlet])
        out.append(rate(picked))
    return sorted(out)


def share_below(value: float, sorted_values: Sequence[float]) -> float:
    """The share of ``sorted_values`` strictly below ``value``."""
    return sum(v < value for v in sorted_values) / len(sorted_values) if sorted_values else 0.0


def main(argv: list[str]) -> int:
    """Print the finder's rate on the gold articles against random samples of the other articles."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir")
    parser.add_argument("text_dir")
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=12, help="entries with the largest excess to list")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold_dir)
    found: dict[str, dict[str, list[tuple[int, int]]]] = {"gold": {}, "unseen": {}}
    rules: dict[str, Counter[str]] = {"gold": Counter(), "unseen": Counter()}
    for path in sorted(Path(args.text_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        denials = find_denials(text)
        side = "gold" if path.stem in gold else "unseen"
        found[side].setdefault(outlet_of(path.stem), []).append((len(denials), len(text)))
        rules[side].update(d.rule for d in denials)
    per_outlet = {o: len(v) for o, v in found["gold"].items()}
    print("denials found per 1,000 characters (shipped lexicon and model)")
    print(f"{'outlet':14s} {'gold articles':>14s} {'rate':>6s} {'other articles':>15s} {'rate':>6s}")
    for outlet in sorted(set(found["gold"]) | set(found["unseen"])):
        g, u = found["gold"].get(outlet, []), found["unseen"].get(outlet, [])
        print(f"{outlet:14s} {len(g):14d} {rate(g):6.3f} {len(u):15d} {rate(u):6.3f}")
    gold_pairs = [p for v in found["gold"].values() for p in v]
    unseen_pairs = [p for v in found["unseen"].values() for p in v]
    print(f"{'all':14s} {len(gold_pairs):14d} {rate(gold_pairs):6.3f} {len(unseen_pairs):15d} {rate(unseen_pairs):6.3f}")
    samples = sampled_rates(found["unseen"], per_outlet, args.draws, args.seed)
    observed = rate(gold_pairs)
    print(f"{args.draws} samples of the other articles, the gold set's number per outlet (seed {args.seed}): "
          f"median {samples[len(samples) // 2]:.3f}, 97.5th percentile {samples[int(0.975 * len(samples))]:.3f}, "
          f"maximum {samples[-1]:.3f}; the gold articles' {observed:.3f} is above "
          f"{round(share_below(observed, samples) * len(samples))} of them")
    scale = sum(c for _, c in gold_pairs) / sum(c for _, c in unseen_pairs)
    excess = sorted(set(rules["gold"]) | set(rules["unseen"]),
                    key=lambda r: (-(rules["gold"][r] - scale * rules["unseen"][r]), r))
    total = sum(rules["gold"].values()) - scale * sum(rules["unseen"].values())
    print(f"entries by excess on the gold articles (found there minus expected from the other articles' rate; "
          f"all entries: {total:.1f})")
    for rule in excess[:args.top]:
        print(f"  {rule:24s} {rules['gold'][rule]:3d} found, {scale * rules['unseen'][rule]:5.1f} expected "
              f"({rules['unseen'][rule]} in the other articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
