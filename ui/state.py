"""Session state, defined once: every key a page or the shell keeps, and the only functions that write it.

A key is written here and nowhere else (``tests/test_state.py`` fails on an
``st.session_state[...] =``, ``.setdefault``, ``.pop`` or ``del`` in any other module). What one page
leaves for another, or what the sidebar and every page read, has a name of its own:

=====================  ==============================================  ==========================
key                    what                                            written by
=====================  ==============================================  ==========================
``language``           the language chosen ('en', 'ko'): the picker    the sidebar's picker
``active_models``      kind -> shipped, shipped-plain or registry key  the Train page, the sidebar
``train_pending``      kind -> key of a training this session asked    the Train page
``train_jobs``         kind -> key of the training this tab shows      the Train page
``train_requested``    keys of trainings this session may cancel       the Train page
``prediction_canvas``  a canvas handed to Predict (image, labels …)    :func:`send_canvas`
``lesson_*``           the lesson's step, class, role, answers         the Lesson page
``challenge_*``        the challenge's own model and tries             the Lesson's challenge step
=====================  ==============================================  ==========================

A page's own widgets keep their values under keys of the page's family (``browse_*``,
``compose_*``, ``predict_*``, ``train_*``, ``draw_*``, ``lesson_*``, ``challenge_*``): a page sets
or re-keeps them with :func:`put`, :func:`default`, :func:`keep` and :func:`take`, which refuse a
key of no family (a typo, or a key another module would not know).

Compose hands a canvas to Predict with :func:`send_canvas`; Predict takes it with
:func:`received_canvas` and decides itself which of its tabs and sources show it.
"""

from __future__ import annotations

from typing import Any, Iterable

import streamlit as st

LANGUAGE = "language"
ACTIVE_MODELS = "active_models"
TRAIN_PENDING = "train_pending"
TRAIN_JOBS = "train_jobs"
TRAIN_REQUESTED = "train_requested"
PREDICTION_CANVAS = "prediction_canvas"
_CANVAS_NEW = "prediction_canvas_new"  # a canvas sent and not yet shown by Predict

# The Lesson page's own keys, named here with the others so that no page reuses them.
LESSON_STEP = "lesson_step"  # the step on one's own, an index into fmnist.lesson.STEPS
LESSON_CLASS = "lesson_class"  # the class code this session is in, or absent
LESSON_TOKEN = "lesson_teacher_token"  # this session's teacher token (never in a student's session)
LESSON_STUDENT = "lesson_student"  # this session's anonymous id in its class
LESSON_SHOWN = "lesson_shown_version"  # the class's version this session last drew
LESSON_ANSWERS = "lesson_answers"  # question -> choice, on one's own
LESSON_REVEALED = "lesson_revealed"  # questions revealed, on one's own
LESSON_PRESENT = "lesson_present"  # presenter view on
LESSON_URL_READ = "lesson_url_read"  # the lesson's query parameters have been read once
LESSON_START_ERROR = "lesson_start_error"  # why starting a class failed, shown once
LESSON_OPTIONAL = "lesson_include_optional"  # the teacher's Next and Previous visit the optional steps too
CHALLENGE_MINE = "challenge_mine"  # the registry key of the model this session last submitted
CHALLENGE_OWN = "challenge_own"  # this session's tries when it is in no class: [{nickname, key, knobs}]
CHALLENGE_PRIVATE = "challenge_private"  # alone: the private scores shown

KEYS = frozenset({LANGUAGE, ACTIVE_MODELS, TRAIN_PENDING, TRAIN_JOBS, TRAIN_REQUESTED, PREDICTION_CANVAS,
                  _CANVAS_NEW, LESSON_STEP, LESSON_CLASS, LESSON_TOKEN, LESSON_STUDENT, LESSON_SHOWN,
                  LESSON_ANSWERS, LESSON_REVEALED, LESSON_PRESENT, LESSON_URL_READ, LESSON_START_ERROR, LESSON_OPTIONAL,
                  CHALLENGE_MINE, CHALLENGE_OWN, CHALLENGE_PRIVATE})
#: The families of a page's own widget keys.
PAGE_FAMILIES = ("browse_", "compose_", "predict_", "train_", "draw_", "lesson_", "challenge_")


def defined(key: str) -> str:
    """``key`` itself, when it is one of :data:`KEYS` or of a page's family; KeyError otherwise."""
    if key in KEYS or key.startswith(PAGE_FAMILIES):
        return key
    raise KeyError(f"session-state key {key!r} is not defined in ui/state.py")


# --- Plain writes, for keys defined above -------------------------------------------------------

def put(key: str, value: Any) -> None:
    st.session_state[defined(key)] = value


def default(key: str, value: Any) -> Any:
    """The value under ``key``, set to ``value`` first when there is none."""
    return st.session_state.setdefault(defined(key), value)


def take(key: str, otherwise: Any = None) -> Any:
    """The value under ``key``, removed from the session (``otherwise`` when there was none)."""
    return st.session_state.pop(defined(key), otherwise)


def forget(*keys: str) -> None:
    for key in keys:
        st.session_state.pop(defined(key), None)


def keep(keys: Iterable[str]) -> None:
    """Keep the values of widgets that are not drawn in this run (a closed tab's): Streamlit forgets
    a widget's value when it is not drawn, unless the value is assigned again."""
    for key in keys:
        if key in st.session_state:
            st.session_state[defined(key)] = st.session_state[key]


def mapping(key: str) -> dict:
    """The session's dict under ``key`` (made empty the first time): changes to it are kept."""
    return st.session_state.setdefault(defined(key), {})


def items(key: str) -> list:
    """The session's list under ``key`` (made empty the first time): changes to it are kept."""
    return st.session_state.setdefault(defined(key), [])


# --- Named hand-overs ---------------------------------------------------------------------------

def default_language(language: str) -> None:
    """The picker's language before its first run (from the URL's ?lang=)."""
    st.session_state.setdefault(LANGUAGE, language)


def send_canvas(record: dict) -> None:
    """Compose's "Send to prediction": the canvas for Predict to show next."""
    st.session_state[PREDICTION_CANVAS] = record
    st.session_state[_CANVAS_NEW] = True


def sent_canvas() -> dict | None:
    """The last canvas handed to Predict, if any."""
    return st.session_state.get(PREDICTION_CANVAS)


def received_canvas() -> bool:
    """True once after :func:`send_canvas`: Predict opens on it."""
    return bool(st.session_state.pop(_CANVAS_NEW, False))
