"""Save a notebook's figures and tables into its report folder, deterministically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from toolkit.io.tables import write_table


def save_figure(fig: "matplotlib.figure.Figure", name: str, output_dir: str | Path | None) -> Path | None:  # noqa: F821
    """Save `fig` as `output_dir/figures/NAME.png`; do nothing when `output_dir` is None."""
    if output_dir is None:
        return None
    path = Path(output_dir) / "figures" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    # No software/date metadata: the same figure gives the same bytes.
    fig.savefig(path, dpi=110, bbox_inches="tight", metadata={"Software": None})
    return path


def save_table(frame: pd.DataFrame, name: str, output_dir: str | Path | None, *, formats: tuple[str, ...] = (".csv",)) -> list[Path]:
    """Save `frame` as `output_dir/tables/NAME.csv` (and other formats); nothing when `output_dir` is None."""
    if output_dir is None:
        return []
    return [write_table(frame, Path(output_dir) / "tables" / f"{name}{suffix}") for suffix in formats]
