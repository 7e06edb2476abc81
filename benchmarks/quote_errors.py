"""Error analysis for the quote finder (not part of the toolkit API).

    .venv/bin/python benchmarks/quote_errors.py /work/shared/polnear/train [N_EXAMPLES]

Prints, per rule, matches / false positives / speaker accuracy under the protocol's own matching
(all golds, coverage > 0.3); false positives by rule, false negatives by gold cue word, and samples of each.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter

from toolkit.evaluation.brat import read_brat_dir
from toolkit.evaluation.quotes import _match, _speaker_right, coverage, is_direct
from toolkit.quotes.finder import find_quotes


def main(split: str, n: int = 12) -> None:
    """Print error categories for one split."""
    fp_rule, tp_rule, fn_cue = Counter(), Counter(), Counter()
    fps, fns, spk = [], [], []
    for stem, text, golds in read_brat_dir(split):
        golds = [g for g in golds if g.content]
        preds = find_quotes(text)
        for p in preds:
            best = max(golds, key=lambda g: coverage((p.start, p.end), g.content_parts), default=None)
            if best is None or coverage((p.start, p.end), best.content_parts) <= 0.3:
                fp_rule[p.rule] += 1
                fps.append((stem, p.rule, p.text[:150], p.speaker, p.cue))
            else:
                tp_rule[p.rule] += 1
                src = best.source_parts
                if src and not (p.speaker_start is not None and any(s < p.speaker_end and p.speaker_start < e for s, e in src)):
                    spk.append((p.rule, p.speaker, " | ".join(text[s:e] for s, e in src), p.text[:80]))
        for g in golds:
            if not any(coverage((p.start, p.end), g.content_parts) > 0.3 for p in preds):
                gtext = " ".join(text[s:e] for s, e in g.content_parts)
                cue = " ".join(text[s:e] for s, e in g.cue_parts)
                words = re.findall(r"\w+", cue.lower())
                fn_cue[(is_direct(gtext), words[-1] if words else None)] += 1
                fns.append((is_direct(gtext), gtext[:150], cue, " ".join(text[s:e] for s, e in g.source_parts)))
    by_rule: Counter = Counter()
    for _stem, text, golds in read_brat_dir(split):
        golds = sorted((g for g in golds if g.content), key=lambda g: (g.content[0], g.content[1], g.id))
        pairs, unmatched = _match(golds, sorted(find_quotes(text), key=lambda p: (p.start, p.end)), 0.3)
        for g, p in pairs:
            by_rule[(p.rule, "tp")] += 1
            by_rule[(p.rule, "spk")] += _speaker_right(p, g)
        for p in unmatched:
            by_rule[(p.rule, "fp")] += 1
    print(f"{'rule':<22}{'tp':>6}{'fp':>6}{'P':>6}{'spk':>6}")
    for rule in sorted({r for r, _ in by_rule}, key=lambda r: -by_rule[(r, "tp")]):
        tp, fp = by_rule[(rule, "tp")], by_rule[(rule, "fp")]
        print(f"{rule:<22}{tp:>6}{fp:>6}{tp / max(1, tp + fp):>6.2f}{by_rule[(rule, 'spk')] / max(1, tp):>6.2f}")
    print("TP by rule", tp_rule.most_common())
    print("FP by rule", fp_rule.most_common())
    print("FN by (direct, cue)", fn_cue.most_common(40))
    rnd = random.Random(0)
    print("\n-- FP samples")
    for x in rnd.sample(fps, min(n, len(fps))):
        print(x)
    print("\n-- FN samples (direct)")
    for x in rnd.sample([f for f in fns if f[0]], min(n, len([f for f in fns if f[0]]))):
        print(x)
    print("\n-- FN samples (indirect)")
    for x in rnd.sample([f for f in fns if not f[0]], min(n, len([f for f in fns if not f[0]]))):
        print(x)
    print("\n-- speaker errors", len(spk))
    for x in rnd.sample(spk, min(n, len(spk))):
        print(x)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12)
