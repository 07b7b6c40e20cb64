"""The Lesson's questions, asked as the session's role asks them: on one's own (answer, then
reveal), as a student of a class (one answer, kept in the class store), as the class's teacher (the
answers counted live, Reveal). Once revealed, the model's answer is shown by ``ui.lesson_steps``.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from fmnist import classroom, lesson
from ui import state
from ui.backends import class_store, outage_safe
from ui.lesson_steps import REVEALS, Reveal, reveal
from ui.text import tr

# --- Asking: on one's own, as a student, as the teacher --------------------------------------------

def question_ui(step: lesson.Step, role: str, view: classroom.ClassView | None) -> Reveal | None:
    """Ask the step's question as ``role`` asks it; once revealed, returns what shows the model's
    answer (the page draws it below, full width), else None."""
    question = step.question
    choices = [tr(f"lesson.{step.id}.choice_{i}") for i in range(question.choices)]
    with st.container(border=True, key=f"lesson_question_{question.id}"):
        st.markdown(f"**{tr('lesson.question')}**")
        st.markdown(tr(f"lesson.{step.id}.question"))
        if role == "teacher":
            return teacher_question(question, choices, view)
        if role == "student":
            return student_question(question, choices, view)
        return own_question(question, choices)


def _own_answered(question_id: str) -> None:
    state.mapping(state.LESSON_ANSWERS)[question_id] = st.session_state[f"lesson_own_{question_id}"]


def _own_reveal(question_id: str) -> None:
    revealed = state.items(state.LESSON_REVEALED)
    if question_id not in revealed:
        revealed.append(question_id)


def own_question(question: lesson.Question, choices: list[str]) -> Reveal | None:
    answers = state.mapping(state.LESSON_ANSWERS)
    revealed = question.id in st.session_state.get(state.LESSON_REVEALED, [])
    chosen = answers.get(question.id)
    st.radio(tr("lesson.your_answer"), range(len(choices)), format_func=choices.__getitem__, index=chosen,
             key=f"lesson_own_{question.id}", on_change=_own_answered, args=(question.id,), disabled=revealed)
    if not revealed:
        st.button(tr("lesson.reveal"), key=f"lesson_reveal_{question.id}", on_click=_own_reveal,
                  args=(question.id,), icon=":material/visibility:")
        return None
    return partial(reveal, question, choices, answers.get(question.id))


def student_question(question: lesson.Question, choices: list[str], view: classroom.ClassView) -> Reveal | None:
    store, student = class_store(), st.session_state.get(state.LESSON_STUDENT)
    try:
        mine = store.my_answer(view.code, student, question.id)
    except classroom.ClassError:
        return None
    if question.id in view.revealed:
        if mine is None:
            st.caption(tr("lesson.you_none"))
        return partial(reveal, question, choices, mine)
    picked = st.radio(tr("lesson.your_answer"), range(len(choices)), format_func=choices.__getitem__, index=mine,
                      key=f"lesson_class_{question.id}")
    if picked is not None and picked != mine:
        try:
            store.answer(view.code, student, question.id, int(picked))
            mine = picked
        except classroom.ClassError as exc:
            st.warning(tr(f"lesson.error_{exc.reason}"), icon=":material/warning:")
    st.caption(tr("lesson.answer_saved") if mine is not None else tr("lesson.answer_wait"))
    return None


def counts_chart(counts: list[int], choices: list[str], correct: int | None) -> None:
    total = sum(counts)
    st.markdown(tr("lesson.answers_count", count=total))
    for index, (choice, count) in enumerate(zip(choices, counts)):
        mark = " ✓" if index == correct else ""
        st.progress(count / total if total else 0.0, text=f"{choice}{mark} · {count}")


@st.fragment(run_every=1.0)
@outage_safe
def live_counts(code: str, question: lesson.Question, choices: list[str]) -> None:
    try:
        counts = class_store().counts(code, question.id, len(choices))
    except classroom.ClassError:
        return
    counts_chart(counts, choices, None)


def teacher_question(question: lesson.Question, choices: list[str], view: classroom.ClassView) -> Reveal | None:
    store, token = class_store(), st.session_state.get(state.LESSON_TOKEN)
    if question.id not in view.revealed:
        live_counts(view.code, question, choices)
        if st.button(tr("lesson.reveal_class"), key=f"lesson_reveal_{question.id}", type="primary",
                     icon=":material/visibility:"):
            store.reveal(view.code, token, question.id)
            st.rerun()
        return None
    correct, _ = REVEALS[question.id]()
    counts_chart(store.counts(view.code, question.id, len(choices)), choices, correct)
    return partial(reveal, question, choices, None)
