"""Readable names of languages and scripts for messages: ``Chinese (zh)``."""

from __future__ import annotations

from outlint.language.scripts import LANG_OF_SCRIPT

_NAMES = {
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "en": "English",
    "ru": "Russian",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "hi": "Hindi",
    "th": "Thai",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}


def language_name(script_or_tag: str | None, confidence: float | None = None) -> str:
    """A readable name with its tag, from a script or a language tag: ``Chinese (zh)``; with the
    detector's confidence when it gave one: ``French (fr, 0.97)``."""
    if not script_or_tag:
        return "unknown"
    tag = LANG_OF_SCRIPT.get(script_or_tag, script_or_tag)
    name = _NAMES.get(tag.split("-")[0], tag)
    return f"{name} ({tag}, {confidence:.2f})" if confidence is not None else f"{name} ({tag})"
