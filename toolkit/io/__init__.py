"""Input/output helpers every layer may use: writing tables (JSON lines, CSV, Parquet) byte-identically, and
deciding where outputs may go (never onto, around or inside an input; atomically; only our own files deleted).

Bottom layer beside `corpus` and `text`: it may import only the standard library and third-party packages.
"""

from toolkit.io.outputs import FolderLock, OutputError, OwnedFolder, atomic_open, atomic_write, resolve_output
from toolkit.io.tables import TABLE_FORMATS, RecordWriter, write_table

__all__ = [
    "TABLE_FORMATS", "FolderLock", "OutputError", "OwnedFolder", "RecordWriter", "atomic_open", "atomic_write",
    "resolve_output", "write_table",
]
