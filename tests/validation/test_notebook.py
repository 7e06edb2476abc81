"""notebooks/05_validation.ipynb runs with coded sheets (papermill; nbval runs it without, from the suite)."""

from __future__ import annotations

import pandas as pd
import papermill
import pytest

from conftest import ROOT, SAMPLE
from toolkit.validation import score
from toolkit.validation.sampling import sample, write_sample


def test_validation_notebook_with_two_coders_and_a_missed_sheet(tmp_path):
    written = write_sample(sample(SAMPLE, "denials", 12, seed=0, articles=2), tmp_path / "coding" / "denials.csv")
    sheet = pd.read_csv(written["sheet"], dtype=str, keep_default_na=False)
    first, second = sheet.copy(), sheet.copy()
    first["correct"] = "yes"
    second["correct"] = ["no" if n % 4 == 0 else "yes" for n in range(len(sheet))]
    first.to_csv(tmp_path / "a.csv", index=False)
    second.to_csv(tmp_path / "b.csv", index=False)
    out = tmp_path / "report"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "05_validation.ipynb"), str(tmp_path / "05.ipynb"), cwd=str(ROOT / "notebooks"),
        parameters={"corpus": str(SAMPLE), "output_dir": str(out), "sheets": [str(tmp_path / "a.csv"), str(tmp_path / "b.csv")],
                    "missed": str(written["missed"])},
        progress_bar=False, kernel_name="python3",
    )
    expected = score([tmp_path / "a.csv", tmp_path / "b.csv"], missed=written["missed"])
    precision = pd.read_csv(out / "tables" / "validation_precision.csv")
    assert precision.loc[precision["by"] == "all", "precision"].iloc[0] == pytest.approx(1.0)
    agreement = pd.read_csv(out / "tables" / "validation_agreement.csv").set_index("column")
    assert agreement.at["correct", "alpha"] == pytest.approx(expected.agreement.set_index("column").at["correct", "alpha"])
    adjusted = pd.read_csv(out / "tables" / "validation_adjusted.csv")
    # the raw count is every denial of the corpus: the sizes of the sheet's strata added up
    found = int(sheet.groupby("stratum")["stratum_size"].first().astype(int).sum())
    assert adjusted["raw"].iloc[0] == found and adjusted["low"].iloc[0] <= adjusted["estimate"].iloc[0] <= adjusted["high"].iloc[0]
