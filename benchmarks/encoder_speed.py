"""How fast a small pretrained-style encoder would read clauses on one core (the denial finder's road not taken).

    python3 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0   # not a toolkit dependency
    taskset -c 1 /tmp/tv/bin/python benchmarks/encoder_speed.py

Times an encoder of bge-small's size (12 layers, width 384, 12 heads, feed-forward 1536) with random weights (the
same compute as the trained model, which no package registry ships) on batches of 32 clauses, one thread, by CPU
time. Session 16: 128-130 clauses/s at 32 tokens, 84-90 at 48; PolNeAR articles have 33.8 sentences on average, so about
4 articles/s over every sentence against the 300 the denial issue asks for (README, denials, "Session 16").
"""

from __future__ import annotations

import time


def clauses_per_second(seq: int, batch: int = 32, seconds: float = 10.0) -> float:
    """Clauses of ``seq`` tokens encoded per CPU second, in batches of ``batch``, after one warm-up batch."""
    import torch

    torch.set_num_threads(1)
    layer = torch.nn.TransformerEncoderLayer(d_model=384, nhead=12, dim_feedforward=1536, batch_first=True)
    encoder = torch.nn.TransformerEncoder(layer, num_layers=12).eval()
    embed = torch.nn.Embedding(30522, 384)
    ids = torch.randint(0, 30522, (batch, seq), generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        encoder(embed(ids))
        start, done = time.process_time(), 0
        while time.process_time() - start < seconds:
            encoder(embed(ids))
            done += batch
        return done / (time.process_time() - start)


if __name__ == "__main__":
    for tokens in (32, 48):
        print(f"{tokens} tokens: {clauses_per_second(tokens):.0f} clauses/s on one core")
