"""Pipeline: run the finders over a whole corpus into partitioned Parquet (resumable; local or Dask), and
open the result, or a raw corpus, as one `Dataset` of DataFrames.

It may import `corpus`, `text`, `io`, `quotes` and `denials`; nothing from `evaluation`, `reports` or `cli`.
"""

from toolkit.pipeline.dataset import Dataset, is_extraction, open_dataset
from toolkit.pipeline.extraction import ExtractResult, extract, iter_table, read_table
from toolkit.pipeline.layout import ExtractionError

__all__ = ["Dataset", "ExtractResult", "ExtractionError", "extract", "is_extraction", "iter_table", "open_dataset", "read_table"]
