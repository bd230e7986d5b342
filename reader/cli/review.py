"""Placeholder: this sub-command arrives with its issue."""

import argparse
import sys


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs="*")


def run(options: argparse.Namespace) -> int:
    print(f"claim-reader {options.command}: not available in this version yet", file=sys.stderr)
    return 2
