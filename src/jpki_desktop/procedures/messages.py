"""Validation messages: one code per problem, text in Japanese and English.

Issues carry the code and its parameters; the text is made here so the CLI and the GUI say the
same thing. The texts are a catalogue (`messages.json`, next to this module: code -> ja, en),
kept as data like the GUI's .ts catalogues, so that wording is edited without touching code.
"""

from __future__ import annotations

import json
from importlib import resources


def _load() -> dict[str, tuple[str, str]]:
    raw = json.loads(
        resources.files("jpki_desktop.procedures").joinpath("messages.json").read_text("utf-8")
    )
    return {code: (text["ja"], text["en"]) for code, text in raw.items()}


MESSAGES: dict[str, tuple[str, str]] = _load()  # code: (ja, en)


def message(code: str, params: dict[str, object] | None = None, lang: str = "ja") -> str:
    ja, en = MESSAGES.get(code, (code, code))
    text = en if lang.startswith("en") else ja
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError):
        return text
