"""The frozen program's entry point: exactly the ``claim-reader`` console script."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
