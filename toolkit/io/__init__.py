"""Input/output helpers every layer may use: writing tables (JSON lines, CSV, Parquet) byte-identically.

Bottom layer beside `corpus` and `text`: it may import only the standard library and third-party packages.
"""

from toolkit.io.tables import TABLE_FORMATS, RecordWriter, write_table

__all__ = ["TABLE_FORMATS", "RecordWriter", "write_table"]
