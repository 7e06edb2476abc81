"""A small synthetic Dataset for the validation tests: outlets with known numbers of denials and quotes."""

from __future__ import annotations

import re

import pandas as pd

from toolkit.corpus.loadlog import LoadLog
from toolkit.pipeline.dataset import Dataset


def synthetic_dataset(per_outlet: dict[str, list[int]]) -> Dataset:
    """Articles per outlet, each with the given number of "denied" denials (and one quote per denial)."""
    articles, denials, quotes = [], [], []
    for outlet, counts in sorted(per_outlet.items()):
        for number, count in enumerate(counts):
            doc_id = f"{outlet.lower()}_{number:02d}"
            text = " ".join(f"Claim {i} was denied by {outlet}, he said." for i in range(count)) or "Nothing here."
            title = f"{outlet} denied it" if number == 0 else None
            articles.append({"doc_id": doc_id, "title": title, "outlet": outlet, "text": text})
            for match in re.finditer("denied", text):
                denials.append({"doc_id": doc_id, "field": "text", "start": match.start(), "end": match.end(),
                                "text": "denied", "category": "explicit", "rule": "deny", "denier": outlet, "score": 0.9})
            for match in re.finditer(r"Claim \d+ was denied by \w+", text):
                quotes.append({"doc_id": doc_id, "start": match.start(), "end": match.end(), "text": match.group(),
                               "kind": "indirect", "speaker": "he", "cue": "said", "rule": "said"})
            if title:
                start = title.index("denied")
                denials.append({"doc_id": doc_id, "field": "title", "start": start, "end": start + 6, "text": "denied",
                                "category": "explicit", "rule": "deny", "denier": outlet, "score": 0.8})
    return Dataset(pd.DataFrame(articles), pd.DataFrame(quotes), pd.DataFrame(denials), LoadLog())
