"""The page's language and its texts: what every page says goes through :func:`tr`."""

from __future__ import annotations

import streamlit as st

from fmnist import i18n
from ui import state


def lang() -> str:
    """The language chosen in the sidebar ('en' or 'ko')."""
    return i18n.normalise_language(st.session_state.get(state.LANGUAGE))


def tr(key: str, **values) -> str:
    """The text for ``key`` in the current language."""
    return i18n.t(key, lang(), **values)


def class_names() -> tuple[str, ...]:
    return i18n.class_names(lang())


def duration(seconds: float | None) -> str:
    """'2 min 05 s' / '2분 5초'."""
    minutes, rest = divmod(max(0, round(seconds or 0)), 60)
    return tr("model.minutes", m=minutes, s=rest) if minutes else tr("model.seconds", s=rest)

