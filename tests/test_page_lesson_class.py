"""The class's moments on the Lesson page, with AppTest: a teacher's session and students' sessions
on one class store.

While a question is open every screen shows only how many have answered, never the bars; the
teacher calls a second round (peer instruction), both rounds are kept and the reveal shows both
and the moves; an exit ticket is counted and revealed like a question; the teacher's Next skips
optional steps unless included; only the teacher's own screen shows the time against the plan.
The lesson's own content is another branch's: where a test needs a ticket or optional steps it
makes them (``with_steps``)."""

from __future__ import annotations

import dataclasses

import pytest

import ticket_demo
from fmnist import i18n, lesson
from fmnist.classroom import peer_moves, transition_matrix
from test_page_lesson import button, headers, lesson_app, start_class, texts

DENSE = lesson.STEP_IDS.index("dense")
QUESTION = lesson.STEPS[DENSE].question


def t(key, **values):
    return i18n.t(key, "en", **values)


def bars(at) -> list:
    return list(at.get("progress"))


def goto(teacher, step: int) -> None:
    while headers(teacher)[0] != t(f"lesson.{lesson.STEPS[step].id}.title"):
        button(teacher, "lesson_nav_top_next").click().run()
        assert not teacher.exception, teacher.exception


def a_class(students: int, step: int = DENSE):
    teacher, code, token = start_class()
    seated = [lesson_app(**{"class": code}) for _ in range(students)]
    teacher.toggle(key="lesson_include_optional").set_value(True).run()
    goto(teacher, step)
    for student in seated:
        student.run()
    return teacher, code, seated


def answer(student, question_id: str, choice: int, round_: int = 1) -> None:
    key = f"lesson_class_{question_id}" + (f"_round{round_}" if round_ > 1 else "")
    student.radio(key=key).set_value(choice).run()
    assert t("lesson.answer_saved") in texts(student)


def test_while_a_question_is_open_every_screen_shows_only_how_many_answered(fmnist_data):
    teacher, code, students = a_class(3)
    presenter = lesson_app(**{"class": code, "teacher": teacher.session_state["lesson_teacher_token"],
                              "view": "present"})
    answer(students[0], QUESTION.id, 0)
    answer(students[1], QUESTION.id, 2)
    for screen in (teacher, presenter, *students):
        screen.run()
        assert t("lesson.answered", count=2, students=3) in texts(screen)
        assert not bars(screen)  # no bars, no per-choice counts: nobody copies the crowd
        assert t("lesson.answers_count", count=2) not in texts(screen)
    button(teacher, f"lesson_reveal_{QUESTION.id}").click().run()
    for screen in (teacher, presenter, *students):
        screen.run()
        shown = bars(screen)
        assert [b.value for b in shown] == [50 if c in (0, 2) else 0 for c in range(QUESTION.choices)]
        assert t("lesson.answered", count=2, students=3) not in texts(screen)


def revealed_choice(at, step_id: str, choices: int) -> int:
    """The right choice the page shows at the reveal (computed from the model in use)."""
    shown = [s.value for s in at.success]
    return next(c for c in range(choices)
                if t("lesson.answer_is", answer=t(f"lesson.{step_id}.choice_{c}")) in shown)


def test_a_second_round_keeps_both_and_the_reveal_shows_both_and_the_moves(fmnist_data):
    teacher, code, students = a_class(3)
    first, last = [0, 1, 2], [1, 1, 2]
    for student, choice in zip(students, first):
        answer(student, QUESTION.id, choice)
    button(teacher, f"lesson_round_{QUESTION.id}").click().run()
    assert f"lesson_round_{QUESTION.id}" not in [b.key for b in teacher.button]  # at most two rounds
    assert t("lesson.answered", count=0, students=3) + f" · {t('lesson.round_second')}" in texts(teacher)
    for student, choice in zip(students, first):
        student.run()
        assert t("lesson.second_round_now") in texts(student)
        assert t("lesson.first_you_said", answer=t(f"lesson.dense.choice_{choice}")) in texts(student)
        assert student.radio(key=f"lesson_class_{QUESTION.id}_round2").value is None  # a fresh vote
    for student, choice in zip(students, last):
        answer(student, QUESTION.id, (choice + 1) % QUESTION.choices, 2)  # a first vote
        student.radio(key=f"lesson_class_{QUESTION.id}_round2").set_value(choice).run()  # changeable
    teacher.run()
    assert not bars(teacher) and t("lesson.answered", count=3, students=3) in texts(teacher)
    button(teacher, f"lesson_reveal_{QUESTION.id}").click().run()
    correct = revealed_choice(teacher, "dense", QUESTION.choices)
    moves = peer_moves(transition_matrix(list(zip(first, last)), QUESTION.choices), correct)
    for screen in (teacher, *students):
        screen.run()
        assert not screen.exception
        shown = [b.value for b in bars(screen)]
        assert shown == [int(100 * votes.count(c) / 3) for votes in (first, last) for c in range(QUESTION.choices)]
        assert t("lesson.round_first") in texts(screen) and t("lesson.round_second") in texts(screen)
        assert t("lesson.peer_moves", to_right=moves.to_right, away=moves.away, right_first=moves.right_first,
                 right_last=moves.right_last, both=3) in texts(screen)
    for student, choice in zip(students, last):  # each told about their last answer
        verdict = "lesson.you_right" if choice == correct else "lesson.you_wrong"
        assert t(verdict, answer=t(f"lesson.dense.choice_{choice}")) in texts(student)
        assert not [r for r in student.radio if (r.key or "").startswith("lesson_class_")]  # closed


@pytest.fixture
def with_steps(monkeypatch):
    """The lesson's steps with changes made by the test (the same number of steps)."""
    def change(**changes):
        steps = tuple(dataclasses.replace(step, **changes.get(step.id, {})) for step in lesson.STEPS)
        monkeypatch.setattr(lesson, "STEPS", steps)
        return steps
    return change


@pytest.fixture
def with_ticket(with_steps, monkeypatch):
    """tests/ticket_demo.py's two questions as step ``data``'s exit ticket (texts included)."""
    with_steps(**{ticket_demo.STEP: {"ticket": ticket_demo.TICKET}})
    for key, value in ticket_demo.TEXTS.items():
        monkeypatch.setitem(i18n.TEXT, key, value)
    return lesson.STEP_IDS.index(ticket_demo.STEP)


def test_an_exit_ticket_is_anonymous_counted_and_revealed_together(with_ticket):
    teacher, code, students = a_class(2, step=with_ticket)
    for screen in (teacher, *students):
        assert t("lesson.ticket") in texts(screen) and t("lesson.ticket_anonymous") in texts(screen)
        assert t("lesson.data.ticket_test_set.question") in texts(screen)
    answer(students[0], "ticket_output", 2)
    answer(students[0], "ticket_test_set", 1)
    answer(students[1], "ticket_output", 2)
    teacher.run()
    assert "1\\. " + t("lesson.answered", count=2, students=2) in texts(teacher)
    assert "2\\. " + t("lesson.answered", count=1, students=2) in texts(teacher)
    assert not bars(teacher)
    button(teacher, "lesson_reveal_data_ticket").click().run()
    for screen in (teacher, *students):
        screen.run()
        shown = [b.value for b in bars(screen)]
        assert shown == [0, 0, 100, 0, 100, 0]  # each question's bars: no right answer is claimed
        assert not [b for b in bars(screen) if "✓" in b.proto.text]
    assert t("lesson.you_said", answer=t("lesson.data.ticket_test_set.choice_1")) in texts(students[0])
    assert t("lesson.you_none") in texts(students[1])


def test_an_exit_ticket_on_ones_own(with_ticket):
    at = lesson_app(step=str(with_ticket + 1))
    at.radio(key="lesson_own_ticket_output").set_value(1).run()
    button(at, "lesson_reveal_ticket_output").click().run()
    assert t("lesson.you_said", answer=t("lesson.data.ticket_output.choice_1")) in texts(at) and not at.exception


def test_the_teachers_next_skips_optional_steps_unless_included(with_steps):
    steps = with_steps(data={"optional": True}, pixels={"optional": True})
    teacher, code, _ = start_class()
    student = lesson_app(**{"class": code})
    button(teacher, "lesson_nav_top_next").click().run()
    assert headers(teacher)[0] == t("lesson.grid.title")  # data and pixels skipped
    student.run()
    assert headers(student)[0] == t("lesson.grid.title")
    button(teacher, "lesson_nav_top_back").click().run()
    assert headers(teacher)[0] == t("lesson.goals.title")
    teacher.toggle(key="lesson_include_optional").set_value(True).run()
    button(teacher, "lesson_nav_top_next").click().run()
    assert headers(teacher)[0] == t("lesson.data.title")
    assert t("lesson.counter", n=2, total=len(steps)) + f" · {t('lesson.optional_step')}" in texts(teacher)
    # on one's own every step is on the path
    alone = lesson_app()
    button(alone, "lesson_nav_top_next").click().run()
    assert headers(alone)[0] == t("lesson.data.title")


def test_presenter_view_skips_optional_steps_too(with_steps):
    with_steps(data={"optional": True}, pixels={"optional": False})
    alone = lesson_app(view="present")
    button(alone, "lesson_nav_top_next").click().run()
    assert headers(alone)[0] == t("lesson.pixels.title")
    alone.toggle(key="lesson_include_optional").set_value(True).run()
    button(alone, "lesson_nav_top_back").click().run()
    assert headers(alone)[0] == t("lesson.data.title")


def test_only_the_teachers_own_screen_shows_the_time_against_the_plan(with_steps):
    steps = with_steps(goals={"minutes": 4}, data={"minutes": 6, "optional": True})
    teacher, code, token = start_class()
    whole = round(sum(step.minutes for step in steps if not step.optional))
    assert t("lesson.time_plan", used=0, planned=0, status=t("lesson.time_on_plan"), whole=whole) in texts(teacher)
    button(teacher, "lesson_nav_top_next").click().run()  # to pixels: the plan gives goals' 4 minutes
    assert t("lesson.time_plan", used=0, planned=4, status=t("lesson.time_ahead", minutes=4),
             whole=whole) in texts(teacher)
    student = lesson_app(**{"class": code})
    presenter = lesson_app(**{"class": code, "teacher": token, "view": "present"})
    for screen in (student, presenter):
        assert t("lesson.time_plan", used=0, planned=4, status=t("lesson.time_ahead", minutes=4),
                 whole=whole) not in texts(screen)
