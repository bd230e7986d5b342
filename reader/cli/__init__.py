"""The ``claim-reader`` command: the window by default, sub-commands for headless work.

``claim-reader [FILE]`` opens the window; ``claim-reader COMMAND ...`` runs a sub-command
without Qt. Each sub-command lives in its own module listed in ``COMMANDS`` and is imported only
when used, so the headless commands never load Qt and the window starts without loading them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__
from reader.store.location import STORE_ENV_VAR

# name -> (module, one-line summary). A module defines add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("reader.cli.extract", "print the quotes, figures and claims found in a file"),
    "status": ("reader.cli.review", "show a document's review progress and claims"),
    "tag": ("reader.cli.review", "set a claim's status, note and sources"),
    "export": ("reader.cli.export", "write a review as a report or as data"),
    "import": ("reader.cli.review", "merge a colleague's review file into the local store"),
}


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="DIR",
        help=f"keep reviews in DIR instead of the user data folder (or set ${STORE_ENV_VAR})",
    )


def build_window_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<8} {summary}" for name, (_, summary) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="claim-reader",
        description=f"{APP_NAME}: read an article with its quotes and figures marked, and review "
        "its claims. Works offline; nothing is sent anywhere.",
        epilog=f"commands (claim-reader COMMAND --help for each):\n{commands}\n\n"
        "With no FILE the window opens on the bundled sample article.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="article to open: .txt, .md or .html")
    _add_store_option(parser)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installation headlessly and exit")
    # For start-up benchmarks: exit as soon as the window has painted once.
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def build_command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, summary = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"claim-reader {name}", description=summary)
    _add_store_option(parser)
    module.add_arguments(name, parser)
    return parser, module


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        parser, module = build_command_parser(args[0])
        options = parser.parse_args(args[1:])
        options.command = args[0]
        return int(module.run(options) or 0)

    options = build_window_parser().parse_args(args)
    if options.self_test:
        from reader.selftest import run_self_test

        return run_self_test()
    from reader.ui.app import run_app  # Qt is imported only from here on

    return run_app(Path(options.file) if options.file else None, options.store,
                   quit_after_paint=options.quit_after_paint)
