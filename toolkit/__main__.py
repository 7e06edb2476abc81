"""`python -m toolkit`: the command line."""

import sys

from toolkit.cli import main

sys.exit(main())
