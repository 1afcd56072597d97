"""Language analysis: scripts, Latin-script language identification, and each block's language.

- ``scripts``: letter counts per writing system, runs of one script inside a text;
- ``detect``: which Latin-script language a block is in (common words, then a model, loaded on
  first use only);
- ``analysis``: the document's main language and what is foreign in each block, once per document;
- ``names``: readable names for messages.
"""

from outlint.language.analysis import (
    Languages,
    Part,
    analyse,
    diagnostic,
    english_prose,
    foreign_script,
    introduced_example,
    iter_paragraphs,
    legal_notice,
    licence_text,
    listing,
    opens_example,
    term_lines,
)
from outlint.language.names import language_name
from outlint.language.scripts import (
    LANG_OF_SCRIPT,
    SCRIPT_OF_LANG,
    Profile,
    foreign_runs,
    language_of,
    profile,
    without_code,
)


def is_foreign(p: Profile, main_script: str | None, min_weight: int, share: float = 0.5) -> str | None:
    """The foreign script that dominates a profile (see ``analysis.foreign_script``)."""
    return foreign_script(p, main_script, min_weight, share)


__all__ = [
    "LANG_OF_SCRIPT",
    "SCRIPT_OF_LANG",
    "Languages",
    "Part",
    "Profile",
    "analyse",
    "diagnostic",
    "english_prose",
    "foreign_runs",
    "foreign_script",
    "introduced_example",
    "is_foreign",
    "iter_paragraphs",
    "language_name",
    "language_of",
    "legal_notice",
    "licence_text",
    "listing",
    "opens_example",
    "profile",
    "term_lines",
    "without_code",
]
