"""The ``outlint`` command's entry point: Ctrl-C at any moment, start-up included, ends in one line."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing is not imported at start-up; mypy knows the name
if TYPE_CHECKING:
    from typing import NoReturn

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _interrupted() -> NoReturn:
    sys.stderr.write("outlint: interrupted\n")
    sys.exit(EXIT_INTERRUPTED)


def main() -> NoReturn:
    """Import the command line and run it. Click's own handling of Ctrl-C ("Aborted!", exit 1, the
    status that means findings) is replaced: an interrupt while importing, parsing options, walking
    or checking prints ``outlint: interrupted`` and exits 130."""
    try:
        from click import ClickException
        from click.exceptions import Abort

        from outlint.cli import main as cli
    except KeyboardInterrupt:
        _interrupted()
    try:
        code = cli.main(standalone_mode=False)
    except (Abort, KeyboardInterrupt):
        _interrupted()
    except ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
