"""How every sub-command ends, in one place so that they agree and ``--help`` says it.

0: done. 1: the file, the store or a claim was a problem; one line on stderr names the file and
says what to do. 2: the command line itself was wrong (argparse prints the usage).
"""

from __future__ import annotations

import os
import sys

from reader.cli.terminal import printable

DONE = 0
FAILED = 1
USAGE = 2  # argparse's own exit status for a wrong command line

EXIT_CODES_HELP = ("exit status: 0 done; 1 failed (a message on stderr names the file and says "
                   "what to do); 2 the command line was wrong")


def fail(message: str, status: int = FAILED) -> int:
    """Report a failure the user can act on and return the exit status for it."""
    print(f"claim-reader: {printable(message)}", file=sys.stderr)
    return status


def output_closed() -> int:
    """`claim-reader COMMAND ... | head` stopped reading: not an error. Standard output is pointed
    at the null device so that the interpreter's final flush does not fail a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return DONE
