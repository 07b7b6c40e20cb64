"""The Lesson's questions, asked as the session's role asks them: on one's own (answer, then
reveal), as a student of a class (one answer a round, kept in the class store), as the class's
teacher (Reveal, or first a second round). Once revealed, the model's answer is shown by
``ui.lesson_steps``.

In a class, while a question is open, every screen (the teacher's, the projector's, the
students') shows only how many have answered ("23 of 30"): the bars come at the reveal, so
nobody copies the crowd. The teacher's screens count in the question box; a student's page
counts in the fragment that follows the class (``ui.lesson_class.follow``, at the top of the
page): a second fragment that draws inside the question box, beside the student's radio,
made Streamlit's page fail ("'setIn' cannot be called on an ElementNode") within a minute and a
half of three phones answering (checked in Chromium; none with the count in ``follow``). The teacher can call a second round after the students talk to a
neighbour (peer instruction): both rounds are kept, and the reveal shows both and how many
moved to the right answer. A step's exit ticket (``lesson.Step.ticket``) is asked the same way,
anonymous and counted like the others, without a second round: one count and one Reveal for
its questions together.

A question's texts: ``lesson.<step>.question`` and ``lesson.<step>.choice_<i>`` for a step's
question; ``lesson.<step>.<question>.question`` and ``….choice_<i>`` for a ticket's
(:func:`texts_of`).
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from fmnist import classroom, lesson
from ui import state
from ui.backends import class_store, outage_safe
from ui.lesson_steps import REVEALS, Reveal, reveal
from ui.text import tr

ANSWERED_EVERY_S = 1.0  # how often the teacher's screens count "23 of 30" again


def texts_of(step: lesson.Step, question: lesson.Question) -> str:
    """Where a question's texts are: ``lesson.<step>`` for the step's question, else the ticket's."""
    return f"lesson.{step.id}" if question == step.question else f"lesson.{step.id}.{question.id}"


def correct_choice(question: lesson.Question) -> int | None:
    """The right choice, computed from the model in use (None: the question has no right answer
    the lesson computes, or the model is missing)."""
    return REVEALS[question.id]()[0] if question.id in REVEALS else None


# --- Asking: on one's own, as a student, as the teacher --------------------------------------------

def question_ui(step: lesson.Step, role: str, view: classroom.ClassView | None) -> Reveal | None:
    """Ask the step's question as ``role`` asks it; once revealed, returns what shows the model's
    answer (the page draws it below, full width), else None."""
    with st.container(border=True, key=f"lesson_question_{step.question.id}"):
        st.markdown(f"**{tr('lesson.question')}**")
        return ask(step.question, texts_of(step, step.question), role, view, rounds=True)


def ticket_ui(step: lesson.Step, role: str, view: classroom.ClassView | None) -> list[Reveal]:
    """The step's exit ticket: its short questions, each asked as ``role`` asks it, counted and
    revealed together in a class; what shows the revealed ones' answers."""
    revealed, ids = [], [question.id for question in step.ticket]
    with st.container(border=True, key=f"lesson_ticket_{step.id}"):
        st.markdown(f"**{tr('lesson.ticket')}**")
        st.caption(tr("lesson.ticket_anonymous"))
        for number, question in enumerate(step.ticket, start=1):
            if number > 1:
                st.divider()
            shown = ask(question, texts_of(step, question), role, view, rounds=False, number=number, together=True)
            if shown is not None:
                revealed.append(shown)
        if role == "teacher" and not set(ids) <= view.revealed:
            answered(view.code, tuple(ids))
            if st.button(tr("lesson.reveal_class"), key=f"lesson_reveal_{step.id}_ticket", type="primary",
                         icon=":material/visibility:"):
                for question in ids:
                    class_store().reveal(view.code, st.session_state.get(state.LESSON_TOKEN), question)
                st.rerun()
    return revealed


def ask(question: lesson.Question, texts: str, role: str, view: classroom.ClassView | None, rounds: bool,
        number: int | None = None, together: bool = False) -> Reveal | None:
    """One question, its text and its choices, as ``role`` asks it. ``together``: one of several
    counted and revealed together by the caller (an exit ticket's)."""
    choices = [tr(f"{texts}.choice_{i}") for i in range(question.choices)]
    st.markdown(numbered(number, tr(f"{texts}.question")))
    if role == "teacher":
        return teacher_question(question, choices, view, rounds, together)
    if role == "student":
        return student_question(question, choices, view)
    return own_question(question, choices)


def numbered(number: int | None, text: str) -> str:
    """'2. text' as Markdown shows it (not the start of a numbered list)."""
    return f"{number}\\. {text}" if number else text


def _own_answered(question_id: str) -> None:
    state.mapping(state.LESSON_ANSWERS)[question_id] = st.session_state[f"lesson_own_{question_id}"]


def _own_reveal(question_id: str) -> None:
    revealed = state.items(state.LESSON_REVEALED)
    if question_id not in revealed:
        revealed.append(question_id)


def shown_answer(question: lesson.Question, choices: list[str], chosen: int | None) -> Reveal | None:
    """What shows a revealed question's answer: the model's (``ui.lesson_steps``) where the lesson
    computes one; else only what this session said."""
    if question.id in REVEALS:
        return partial(reveal, question, choices, chosen)
    if chosen is not None:
        st.markdown(tr("lesson.you_said", answer=choices[chosen]))
    return None


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
    return shown_answer(question, choices, answers.get(question.id))


def student_question(question: lesson.Question, choices: list[str], view: classroom.ClassView) -> Reveal | None:
    store, student = class_store(), st.session_state.get(state.LESSON_STUDENT)
    number = view.round_of(question.id)
    try:
        mine = store.my_answer(view.code, student, question.id)
        first = store.my_answer(view.code, student, question.id, round=1) if number > 1 else mine
    except classroom.ClassError:
        return None
    if question.id in view.revealed:
        results_ui(view, question, choices, correct_choice(question))
        said = mine if mine is not None else first
        if said is None:
            st.caption(tr("lesson.you_none"))
        return shown_answer(question, choices, said)
    if number > 1:
        st.info(tr("lesson.second_round_now"), icon=":material/forum:")
        if first is not None:
            st.markdown(tr("lesson.first_you_said", answer=choices[first]))
    key = f"lesson_class_{question.id}" + (f"_round{number}" if number > 1 else "")
    picked = st.radio(tr("lesson.your_answer"), range(len(choices)), format_func=choices.__getitem__, index=mine,
                      key=key)
    if picked is not None and picked != mine:
        try:
            store.answer(view.code, student, question.id, int(picked))
            mine = picked
        except classroom.ClassError as exc:
            st.warning(tr(f"lesson.error_{exc.reason}"), icon=":material/warning:")
    st.caption(tr("lesson.answer_saved") if mine is not None else tr("lesson.answer_wait"))
    return None


def teacher_question(question: lesson.Question, choices: list[str], view: classroom.ClassView,
                     rounds: bool, together: bool = False) -> Reveal | None:
    store, token = class_store(), st.session_state.get(state.LESSON_TOKEN)
    if question.id in view.revealed:
        results_ui(view, question, choices, correct_choice(question))
        return shown_answer(question, choices, None)
    if together:
        return None
    number = view.round_of(question.id)
    answered(view.code, (question.id,))
    with st.container(horizontal=True):
        if rounds and number < classroom.MAX_ROUNDS and st.button(
                tr("lesson.second_round"), key=f"lesson_round_{question.id}", icon=":material/forum:",
                help=tr("lesson.second_round_help")):
            store.open_round(view.code, token, question.id, number + 1)
            st.rerun()
        if st.button(tr("lesson.reveal_class"), key=f"lesson_reveal_{question.id}", type="primary",
                     icon=":material/visibility:"):
            store.reveal(view.code, token, question.id)
            st.rerun()
    return None


# --- While open: how many have answered; at the reveal: the bars of every round --------------------

def open_questions(step: lesson.Step, view: classroom.ClassView) -> tuple[str, ...]:
    """The step's questions (its question, its ticket's) not revealed yet."""
    asked = ((step.question,) if step.question else ()) + tuple(step.ticket)
    return tuple(question.id for question in asked if question.id not in view.revealed)


def answered_lines(view: classroom.ClassView, questions: tuple[str, ...]) -> None:
    """"23 of 30 have answered" for each of ``questions`` (numbered when there are several)."""
    try:
        given = [sum(class_store().counts(view.code, question, classroom.MAX_CHOICES)) for question in questions]
    except classroom.ClassError:
        return
    for number, (question, count) in enumerate(zip(questions, given), start=1):
        line = tr("lesson.answered", count=count, students=view.students)
        if len(questions) > 1:
            line = numbered(number, line)
        if view.round_of(question) > 1:
            line += f" · {tr('lesson.round_second')}"
        st.markdown(line)


@st.fragment(run_every=ANSWERED_EVERY_S)
@outage_safe
def answered(code: str, questions: tuple[str, ...]) -> None:
    """The teacher's count of ``questions``, every second: no bars, no choices."""
    try:
        view = class_store().view(code)
    except classroom.ClassError:
        return
    answered_lines(view, questions)


def counts_chart(counts: list[int], choices: list[str], correct: int | None) -> None:
    total = sum(counts)
    st.markdown(tr("lesson.answers_count", count=total))
    for index, (choice, count) in enumerate(zip(choices, counts)):
        mark = " ✓" if index == correct else ""
        st.progress(count / total if total else 0.0, text=f"{choice}{mark} · {count}")


@outage_safe
def results_ui(view: classroom.ClassView, question: lesson.Question, choices: list[str], correct: int | None) -> None:
    """The class's answers, revealed: the bars of each round, and who moved between them."""
    store = class_store()
    number = view.round_of(question.id)
    try:
        rounds = [store.counts(view.code, question.id, len(choices), round=r) for r in range(1, number + 1)]
        matrix = store.transitions(view.code, question.id, len(choices)) if number > 1 else None
    except classroom.ClassError:
        return
    for label, counts in zip(("lesson.round_first", "lesson.round_second"), rounds):
        if number > 1:
            st.markdown(f"**{tr(label)}**")
        counts_chart(counts, choices, correct)
    if matrix is not None and correct is not None:
        moves = classroom.peer_moves(matrix, correct)
        st.markdown(tr("lesson.peer_moves", to_right=moves.to_right, away=moves.away, right_first=moves.right_first,
                       right_last=moves.right_last, both=moves.both))
