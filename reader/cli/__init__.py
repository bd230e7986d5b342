"""The ``claim-reader`` command: the window by default, sub-commands for headless work.

``claim-reader [FILE]`` opens the window; ``claim-reader COMMAND ...`` runs a sub-command
without Qt. Each sub-command lives in its own module listed in ``COMMANDS`` and is imported only
when used, so the headless commands never load Qt and the window starts without loading them.
This module imports nothing heavy itself: ``--version`` and every command's start-up pay only
for what they use (tests/bench/bench_startup.py measures it).

Global options (``--store DIR``) may come before or after the sub-command.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__

# name -> (module, one-line summary). A module defines add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("reader.cli.extract", "print the quotes, figures and claims found in a file"),
    "status": ("reader.cli.review", "show a document's review progress and claims"),
    "tag": ("reader.cli.review", "set a claim's status, note and sources"),
    "export": ("reader.cli.export", "write a review as a report or as data"),
    "import": ("reader.cli.review", "merge a colleague's review file into the local store"),
    "search": ("reader.cli.search", "search the claims of every stored review"),
    "match-quotes": ("reader.cli.match_quotes",
                     "find each quote of an article in its sources: exact, near or not found"),
    "speakers": ("reader.cli.speakers", "who is quoted across the store, with their verdicts"),
}
# Options every command and the window take, and which are followed by a value: they may stand
# before the command's name, so the name is found after them.
GLOBAL_OPTIONS_WITH_VALUE = ("--store",)
# reader.store.location.STORE_ENV_VAR, spelled out so that --help does not import platformdirs
# (tests/test_cli.py checks that the two agree).
STORE_ENV_VAR = "CLAIM_READER_STORE"


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="DIR",
        help=f"keep reviews in DIR instead of the user data folder (or set ${STORE_ENV_VAR})",
    )


def _command_list() -> str:
    width = max(len(name) for name in COMMANDS)
    return "\n".join(f"  {name:<{width}} {summary}" for name, (_, summary) in COMMANDS.items())


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claim-reader",
        description=f"{APP_NAME}: read an article with its quotes and figures marked, and review "
        "its claims. Works offline; nothing is sent anywhere.",
        epilog=f"commands (claim-reader COMMAND --help for each):\n{_command_list()}\n\n"
        "With no FILE the window opens on the bundled sample article. Global options such as "
        "--store may come before or after the command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="article to open: .txt, .md, .html, .mhtml, .pdf or .docx")
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


def first_word(args: Sequence[str]) -> int | None:
    """The index of the first argument that is neither an option nor a global option's value:
    the command's name, or the window's FILE."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            return None  # what follows is a file name, whatever it looks like
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            index += 2
            continue
        if arg.startswith("-") and arg != "-":
            index += 1
            continue
        return index
    return None


def looks_like_a_command(word: str) -> bool:
    """A word typed as a command (a bare word, not an existing file, no path or extension)."""
    if Path(word).exists() or "/" in word or "\\" in word or "." in word:
        return False
    return word.replace("-", "").replace("_", "").isalpha()


def unknown_command(word: str) -> int:
    import difflib

    from reader.cli.exit_status import USAGE
    from reader.cli.terminal import printable

    lines = [f"claim-reader: unknown command '{printable(word)}' (and no file of that name)",
             f"commands: {', '.join(COMMANDS)} (claim-reader COMMAND --help for each)"]
    closest = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.5)
    if closest:
        lines.append(f"did you mean '{closest[0]}'?")
    print("\n".join(lines), file=sys.stderr)
    return USAGE


def no_display(reason: str) -> int:
    from reader.cli.exit_status import FAILED

    print(f"claim-reader: {reason}, so the window cannot open; without one, use the headless "
          f"commands ({', '.join(COMMANDS)}; see claim-reader --help) or check the "
          "installation with claim-reader --self-test.", file=sys.stderr)
    return FAILED


MEMORY_WORKER = "__memory-worker"
"""Not a command for people: the window starts this program with it to look claims up in a
process of its own (``reader.memory.worker``)."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == [MEMORY_WORKER]:
        from reader.memory.worker import run

        return run(sys.stdin.buffer, sys.stdout.buffer)
    index = first_word(args)
    if index is not None and args[index] in COMMANDS:
        name = args[index]
        parser, module = build_command_parser(name)
        options = parser.parse_args(args[:index] + args[index + 1:])
        options.command = name
        return int(module.run(options) or 0)
    if index is not None and looks_like_a_command(args[index]):
        return unknown_command(args[index])

    options = build_window_parser().parse_args(args)
    if options.self_test:
        from reader.selftest import run_self_test

        return run_self_test()
    from reader.cli.display import display_problem

    reason = display_problem()
    if reason:
        return no_display(reason)
    from reader.ui.app import run_app  # Qt is imported only from here on

    return run_app(Path(options.file) if options.file else None, options.store,
                   quit_after_paint=options.quit_after_paint)
