"""Lesson: both original notebooks as one path, on one's own or following the teacher.

Ask (the step, the class, the answers: ``ui.lesson_class``), compute (``fmnist.lesson`` says what
each step is and works out each question's answer from what the model in use answers;
``fmnist.classroom`` keeps the class), show (each step's live element is a piece of the other
pages, from ``ui.lesson_steps``; its question from ``ui.lesson_questions``).
"""

import streamlit as st

from fmnist import classroom, lesson
from ui import state
from ui.lesson_class import (PRESENTER_CSS, current_class, follow, include_optional_ui, own_class_ui,
                             presenter_corner, read_url, step_nav_ui, student_ui, teacher_ui)
from ui.lesson_questions import open_questions, question_ui, ticket_ui
from ui.lesson_steps import show_step
from ui.shell import page_file
from ui.text import lang, tr


def step_page(step: int, role: str, view: classroom.ClassView | None, present: bool) -> None:
    """One step: its title and words, its live element, its question, the full page, and the
    teacher notes on a teacher's own screen (not on the projector's presenter view)."""
    entry = lesson.STEPS[step]
    key = f"lesson.{entry.id}"
    st.header(tr(f"{key}.title"))
    st.markdown(tr(f"{key}.body"))
    if entry.question:  # the question beside the step's element; the model's answer below both
        element, asked = st.columns([3, 2], gap="large")
        with element:
            show_step(entry.id, role, view)
        with asked:
            revealed = question_ui(entry, role, view)
        if revealed is not None:
            revealed()
    else:
        show_step(entry.id, role, view)
    if entry.ticket:
        for revealed in ticket_ui(entry, role, view):
            revealed()
    st.page_link(page_file(entry.page), label=tr("lesson.open_page", page=tr(f"nav.{entry.page}")),
                 icon=":material/open_in_new:", query_params={"lang": lang()})
    if role == "teacher" and not present:
        with st.expander(tr("lesson.notes"), icon=":material/school:"):
            for part in ("say", "ask", "myth"):
                st.markdown(f"**{tr(f'lesson.notes_{part}')}** {tr(f'{key}.{part}')}")


# --- The page ------------------------------------------------------------------------------------

read_url()
view, teacher = current_class()
role = "teacher" if teacher else "student" if view else "own"
if view is not None:
    st.query_params["class"] = view.code
    if role == "student":  # this browser's seat: kept when it reconnects to another server (a replica lost)
        st.query_params["student"] = st.session_state[state.LESSON_STUDENT]
follows = role == "student" and view.pace == classroom.TEACHER_PACED
if follows or role == "teacher":
    step = view.step
    state.put(state.LESSON_STEP, step)  # where a student starts when the class turns student-paced
else:
    step = st.session_state.get(state.LESSON_STEP, 0)
    st.query_params["step"] = str(step + 1)
if role != "own" and "step" in st.query_params and follows:
    del st.query_params["step"]
present = st.session_state.get(state.LESSON_PRESENT, False) and role != "student"
# the teacher's path: Next and Previous skip the optional steps unless the teacher includes them
everything = not (role == "teacher" or present) or bool(st.session_state.get(state.LESSON_OPTIONAL))

if present:
    st.html(PRESENTER_CSS)
    if view is not None:
        presenter_corner(view.code)
else:
    st.title(tr("lesson.title"))
    st.caption(tr("lesson.intro"))
    if role == "own":
        own_class_ui()
        st.toggle(tr("lesson.present"), key=state.LESSON_PRESENT, help=tr("lesson.present_help"))
    elif role == "teacher":
        teacher_ui(view, st.session_state[state.LESSON_TOKEN])
    else:
        student_ui(view)

if view is not None:  # students follow the teacher; a teacher's second screen (the projector) follows too
    state.put(state.LESSON_SHOWN, view.version)
    counted = open_questions(lesson.STEPS[step], view) if role == "student" else ()
    follow(view.code, view.version, counted)  # up here: what it says shows on a phone's first screen
with st.container(key="lesson_nav_top"):
    step_nav_ui(step, view, teacher, moves=not follows, key="lesson_nav_top", include_optional=everything)
step_page(step, role, view, present)
with st.container(key="lesson_nav_bottom"):
    step_nav_ui(step, view, teacher, moves=not follows, key="lesson_nav_bottom", include_optional=everything)
if present:
    include_optional_ui()
if present and role == "teacher":
    st.toggle(tr("lesson.present"), key=state.LESSON_PRESENT, help=tr("lesson.present_help"))
