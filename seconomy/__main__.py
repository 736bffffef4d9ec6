"""Entry point for ``python -m seconomy``."""

import sys

from seconomy.cli import main

if __name__ == "__main__":
    sys.exit(main())
