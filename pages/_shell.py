"""What every page runs inside: page config, the sidebar (language, models in use), the navigation.

The app's script, ``streamlit_app.py`` (which ``app.py`` serves; "app.py" below means it), calls
:func:`app_shell` and runs the page it returns. Each page begins with :func:`require_shell`, for
the one case where Streamlit runs a page file without app.py: with a ``pages/`` folder beside
the script, Streamlit starts in its old multipage mode until
``st.navigation`` is first called, and in that mode a link to a page (``/compose``) on a
freshly started server, or an ``AppTest`` run after ``switch_page``, runs the page file alone.
"""

from __future__ import annotations

import logging
import sys
import types
from pathlib import Path

import streamlit as st

from streamlit.runtime.scriptrunner import script_runner

from fmnist import i18n, registry
from fmnist.contract import KINDS
from pages._state import LANGUAGE, LANGUAGE_WIDGET
from pages._ui import (SHARED_DOWN, SHIPPED, SHIPPED_PLAIN, active_choice, active_model_key, active_model_path,
                       metric_text, model_name, settle_models, shared_down_ui, tr)
from pages._warm_up import start_warm_up

_INSIDE = "_in_app_shell"  # true while app.py runs the chosen page
_REDRAWN = "_redrawn_in_app_shell"  # a page run alone has asked for its run through app.py


def _close_pyplot_figures() -> None:
    """What Streamlit's end-of-run clean-up should do for this app: it draws no figure with pyplot."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


# After every run of a page, Streamlit calls keras.backend.clear_session() (script_runner's
# _clean_problem_modules): it resets Keras's global state for every thread, empties TensorFlow's
# kernel cache and runs a full garbage collection while holding the GIL. Profiled with py-spy on
# this app it took most of the server's time: the answer to a pen stroke reached the browser
# 400 ms after the page had run, and a training in a worker thread had its kernel cache emptied
# and its layer-name counters reset under it by every rerun of every watching tab. The models
# here live in st.cache_resource for the life of the server; nothing needs clearing.
# A private function: replaced only where it is still there and still called, said in the log otherwise.
CLEAN_UP = "_clean_problem_modules"
logger = logging.getLogger(__name__)


def _names_used(code: types.CodeType) -> set[str]:
    """Every global or attribute name a function's code (nested functions included) refers to."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _names_used(constant)
    return names


def clean_up_problem(module=script_runner) -> str | None:
    """Why Streamlit's end-of-run clean-up cannot be replaced in ``module`` (its script_runner),
    or None: the function must exist and a ScriptRunner method must still call it."""
    if not callable(getattr(module, CLEAN_UP, None)):
        return f"streamlit.runtime.scriptrunner.script_runner has no function {CLEAN_UP}"
    runner = getattr(module, "ScriptRunner", None)
    methods = [f for f in vars(runner).values() if isinstance(f, types.FunctionType)] if runner else []
    if not any(CLEAN_UP in _names_used(method.__code__) for method in methods):
        return f"no method of streamlit's ScriptRunner calls {CLEAN_UP} any more"
    return None


def replace_clean_up(module=script_runner) -> bool:
    """Replace Streamlit's end-of-run clean-up with :func:`_close_pyplot_figures`; where this
    Streamlit has no such function (or no longer calls it), leave it and log a warning that says
    what it costs. True when replaced."""
    problem = clean_up_problem(module)
    if problem is not None:
        logger.warning("Streamlit %s: %s. Fashion-MNIST Studio replaces that private clean-up so that a page run "
                       "does not clear Keras's session; left as it is now, which may bring back the 0.4 s it "
                       "added to every page run and the slowed trainings: check the new Streamlit's end-of-run "
                       "clean-up and update pages/_shell.py.", st.__version__, problem)
        return False
    setattr(module, CLEAN_UP, _close_pyplot_figures)
    return True


replace_clean_up()
PAGES_DIR = Path(__file__).resolve().parent  # absolute, so the navigation does not depend on the working folder




def _language_picked() -> None:
    st.session_state[LANGUAGE] = st.session_state[LANGUAGE_WIDGET]


def language_ui() -> str:
    """Language picker in the sidebar, kept in the URL (?lang=ko) so a link carries it.

    The choice lives in a key of its own, and the picker (``key="lang"``, which ``lang()`` reads)
    is set from it before every run: on a freshly started server the first run of a page opened
    by its link runs the page file alone and later runs go through app.py, so Streamlit sees the
    picker as a new widget and would reset it to English at the first click anywhere."""
    if LANGUAGE not in st.session_state:
        st.session_state[LANGUAGE] = i18n.normalise_language(st.query_params.get("lang"))
    st.session_state[LANGUAGE_WIDGET] = st.session_state[LANGUAGE]
    choice = st.sidebar.radio(
        "Language / 언어", options=list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get,
        key=LANGUAGE_WIDGET, horizontal=True, on_change=_language_picked,
    )
    st.query_params["lang"] = choice
    return choice


def models_ui() -> None:
    """Which model each page uses in this session, with its headline test figure (read from its JSON)."""
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
            st.sidebar.caption(tr(source, name=model_name(kind), metric=metric_text(metadata)))


def app_shell():
    """Page config, sidebar and navigation; returns the page to run (``st.navigation``'s answer)."""
    language = language_ui()  # first, so the browser tab's title is in the chosen language
    st.set_page_config(page_title=i18n.t("app.title", language), page_icon=":material/checkroom:", layout="wide")
    models_ui()
    return navigation()


def navigation():
    """The app's pages, by section, in the chosen language (``st.navigation``'s answer)."""
    pages = {
        "": [
            st.Page(PAGES_DIR / "home.py", title=tr("nav.home"), icon=":material/home:", url_path="home", default=True),
            st.Page(PAGES_DIR / "lesson.py", title=tr("nav.lesson"), icon=":material/school:", url_path="lesson"),
        ],
        tr("nav.section_data"): [
            st.Page(PAGES_DIR / "browse.py", title=tr("nav.browse"), icon=":material/search:", url_path="browse"),
            st.Page(PAGES_DIR / "compose.py", title=tr("nav.compose"), icon=":material/grid_view:", url_path="compose"),
        ],
        tr("nav.section_models"): [
            st.Page(PAGES_DIR / "train.py", title=tr("nav.train"), icon=":material/model_training:", url_path="train"),
        ],
        tr("nav.section_predict"): [
            st.Page(PAGES_DIR / "predict.py", title=tr("nav.predict"), icon=":material/bar_chart:", url_path="predict"),
            st.Page(PAGES_DIR / "draw.py", title=tr("nav.draw"), icon=":material/draw:", url_path="draw"),
        ],
    }
    return st.navigation(pages)


def run_app() -> None:
    """What app.py does: the shell, then the chosen page inside it."""
    page = app_shell()
    st.session_state[_INSIDE] = True
    try:
        page.run()
    except SHARED_DOWN:  # Redis (several servers) not reachable: said, and tried again by itself
        shared_down_ui()
    finally:
        st.session_state[_INSIDE] = False
        # once per server, after its first page run (which it would only slow down): TensorFlow,
        # the shipped models and their test answers, ready before a page asks for them
        start_warm_up()


def require_shell() -> None:
    """Draw the shell around this page when Streamlit runs the page file without app.py.

    Calling ``st.navigation`` also ends the old multipage mode for the server, and the
    navigation resolves to this same page (same URL path), so the page goes on below.
    """
    if not st.session_state.get(_INSIDE):
        if not st.session_state.get(_REDRAWN):
            # Later runs go through app.py, where Streamlit gives every widget of this page another
            # ID: draw nothing here but the navigation (which ends the old multipage mode) and run
            # again that way at once, or the first click anywhere would find its widget new and
            # reset (a tab would not open, a choice would not stick).
            st.session_state[_REDRAWN] = True
            navigation()
            st.rerun()
        app_shell()
