"""Command line (`python -m toolkit COMMAND`): one parser in `main`, one module per command family
(`corpus` for load, `quotes`, `denials`, `extract`, `report`, `evaluate`), shared reading options in
`options`. Top layer: it may import any component; nothing imports it.
"""

from toolkit.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
