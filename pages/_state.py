"""Session state that crosses pages, defined once.

A page's own widget keys stay in the page (``browse_*``, ``predict_*`` …). What one page leaves
for another, or what the sidebar and every page read, is named here, with the calls that write it:

=====================  ==============================================  ==========================
key                    what                                            written by
=====================  ==============================================  ==========================
``language``           the language chosen ('en', 'ko')                the sidebar's picker
``lang``               the picker's own widget (``i18n`` reads it)     the sidebar's picker
``active_models``      kind -> shipped, shipped-plain or registry key  the Train page, the sidebar
``train_pending``      kind -> key of a training this session asked    the Train page
``prediction_canvas``  a canvas handed to Predict (image, labels …)    :func:`send_canvas`
``lesson_*``           the lesson's step, class, role, answers         the Lesson page
``challenge_*``        the challenge's own model and tries             the Lesson's challenge step
=====================  ==============================================  ==========================

Compose hands a canvas to Predict with :func:`send_canvas`; Predict takes it with
:func:`received_canvas` and decides itself which of its tabs and sources show it.
"""

from __future__ import annotations

import streamlit as st

LANGUAGE = "language"
LANGUAGE_WIDGET = "lang"
ACTIVE_MODELS = "active_models"
TRAIN_PENDING = "train_pending"
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
CHALLENGE_MINE = "challenge_mine"  # the registry key of the model this session last submitted
CHALLENGE_OWN = "challenge_own"  # this session's tries when it is in no class: [{nickname, key, knobs}]
CHALLENGE_PRIVATE = "challenge_private"  # alone: the private scores shown


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
