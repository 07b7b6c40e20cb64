"""Every string the interface shows, in English and Korean.

Each module in this package holds ``TEXT = {key: (english, korean)}`` for one part of
the app (``home``, ``browse`` …); keys are prefixed with that part's name. Tuples make a
missing translation impossible to write. :func:`t` looks a key up and formats it.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..data import CLASS_NAMES, CLASS_NAMES_KO

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"


def _load() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("_"):  # helpers such as _glossary hold no interface text
            continue
        text = importlib.import_module(f"{__name__}.{module.name}").TEXT
        clash = merged.keys() & text.keys()
        if clash:
            raise KeyError(f"text keys defined twice: {sorted(clash)}")
        merged.update(text)
    return merged


TEXT = _load()


def normalise_language(lang: str | None) -> str:
    """A supported language code; anything else (a stray ?lang=xx) falls back to English."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang`` ('en' or 'ko'), formatted with ``values``."""
    english, korean = TEXT[key]
    template = korean if normalise_language(lang) == "ko" else english
    return template.format(**values) if values else template


def class_names(lang: str) -> tuple[str, ...]:
    """The ten class names in label order, in ``lang``."""
    return CLASS_NAMES_KO if normalise_language(lang) == "ko" else CLASS_NAMES


def class_name(label: int, lang: str) -> str:
    return class_names(lang)[int(label)]


def bilingual_class_name(label: int) -> str:
    """'Sneaker (스니커즈)': for figures and downloads shared between classes."""
    return f"{CLASS_NAMES[int(label)]} ({CLASS_NAMES_KO[int(label)]})"
