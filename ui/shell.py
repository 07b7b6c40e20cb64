"""What every page runs inside: page config, the sidebar (language, models in use), the navigation.

``ui/main.py`` is the app's script (``app.py`` serves it): it calls :func:`run_app`, which draws
the shell and runs the page ``st.navigation`` chose. The script lives in this package, not beside
``pages/``, so Streamlit never starts in its old multipage mode (where a deep link on a fresh server
ran a page file alone, without the shell).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from fmnist import i18n, registry
from fmnist.contract import KINDS
from ui import state, streamlit_patch
from ui.backends import SHARED_DOWN, shared_down_ui
from ui.models import (SHIPPED, SHIPPED_PLAIN, active_choice, active_model_key, active_model_path, metric_text,
                       model_name, settle_models)
from ui.text import tr
from ui.warm_up import start_warm_up

streamlit_patch.replace_clean_up()
#: The page scripts (absolute, so the navigation does not depend on the working folder).
PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
#: Each page: its file in pages/, its URL path (links already printed on paper use them), its icon, its section.
PAGES = (
    ("home", ":material/home:", ""),
    ("lesson", ":material/school:", ""),
    ("browse", ":material/search:", "nav.section_data"),
    ("compose", ":material/grid_view:", "nav.section_data"),
    ("train", ":material/model_training:", "nav.section_models"),
    ("predict", ":material/bar_chart:", "nav.section_predict"),
    ("draw", ":material/draw:", "nav.section_predict"),
)


#: Korean breaks lines between words, as a Korean textbook prints it (the browser's default breaks
#: inside a word: "소\n프트맥스"); a word longer than its box may still break.
KOREAN_CSS = "<style>.stApp, .stApp * { word-break: keep-all !important; overflow-wrap: break-word; }</style>"


def page_file(name: str) -> Path:
    """The script of page ``name`` ("home", "lesson" …), for ``st.page_link``."""
    return PAGES_DIR / f"{name}.py"


def language_ui() -> str:
    """Language picker in the sidebar, kept in the URL (?lang=ko) so a link carries it."""
    state.default_language(i18n.normalise_language(st.query_params.get("lang")))
    choice = st.sidebar.radio(
        "Language / 언어", options=list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get,
        key=state.LANGUAGE, horizontal=True,
    )
    st.query_params["lang"] = choice
    return choice


def models_ui(figures: bool = True) -> None:
    """Which model each page uses in this session, with its headline test figure (read from its JSON);
    ``figures=False`` (the Lesson, whose questions ask students to predict them) leaves the figures out."""
    settle_models()
    st.sidebar.caption(f"**{tr('app.models')}**")  # small, like the list below it
    for kind in KINDS:
        path = active_model_path(kind)
        metadata = registry.read_metadata(path)
        if metadata is None or not path.exists():
            st.sidebar.caption(tr("app.model_missing", name=model_name(kind)))
        else:
            source = ("app.model_shipped_plain" if active_choice(kind) == SHIPPED_PLAIN
                      else "app.model_shipped" if active_model_key(kind) == SHIPPED else "app.model_session")
            st.sidebar.caption(tr(source, name=model_name(kind), metric=metric_text(metadata) if figures else tr("app.metric_hidden")))


def navigation():
    """The app's pages, by section, in the chosen language (``st.navigation``'s answer)."""
    sections: dict[str, list] = {}
    for name, icon, section in PAGES:
        sections.setdefault(tr(section) if section else "", []).append(
            st.Page(page_file(name), title=tr(f"nav.{name}"), icon=icon, url_path=name, default=name == "home"))
    return st.navigation(sections)


def run_app() -> None:
    """What the app's script does: page config, sidebar and navigation, then the chosen page."""
    language = language_ui()  # first, so the browser tab's title is in the chosen language
    st.set_page_config(page_title=i18n.t("app.title", language), page_icon=":material/checkroom:", layout="wide")
    if language == "ko":
        st.html(KOREAN_CSS)
    page = navigation()
    models_ui(figures=page.url_path != "lesson")
    try:
        page.run()
    except SHARED_DOWN:  # Redis (several servers) not reachable: said, and tried again by itself
        shared_down_ui()
    finally:
        # once per server, after its first page run (which it would only slow down): TensorFlow,
        # the shipped models and their test answers, ready before a page asks for them
        start_warm_up()
