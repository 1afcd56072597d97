"""Language analysis: scripts, Latin-script language identification, and each block's language."""

from outlint.language.scripts import *  # noqa: F403  (temporary while the package is split)
from outlint.language.scripts import _latin_language  # noqa: F401
