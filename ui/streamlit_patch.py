"""The one private Streamlit function the app replaces: the end-of-run clean-up that clears Keras's
session after every page run. Applied once, when the shell is imported; guarded, logged and tested
(tests/test_streamlit_patch.py) so that a Streamlit upgrade that changes it is noticed."""

from __future__ import annotations

import logging
import sys
import types

import streamlit as st
from streamlit.runtime.scriptrunner import script_runner


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
                       "clean-up and update ui/streamlit_patch.py.", st.__version__, problem)
        return False
    setattr(module, CLEAN_UP, _close_pyplot_figures)
    return True


replace_clean_up()
