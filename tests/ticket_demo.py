"""An exit ticket for the tests while the lesson's own steps have none (the lesson's content is
another branch's): two short questions on step ``data``, their texts in both languages.
``tests/ticket_app.py`` serves the app with it; the AppTest tests patch it in themselves."""

from __future__ import annotations

import dataclasses

from fmnist import i18n, lesson
from fmnist.lesson import Question

STEP = "data"
TICKET = (Question("ticket_output", 3), Question("ticket_test_set", 3))
TEXTS = {
    "lesson.data.ticket_output.question": ("Which output names exactly one garment on a picture?",
                                           "이미지마다 옷 하나만 고르는 출력은 무엇인가요?"),
    "lesson.data.ticket_output.choice_0": ("A softmax", "소프트맥스"),
    "lesson.data.ticket_output.choice_1": ("Ten sigmoids", "시그모이드 열 개"),
    "lesson.data.ticket_output.choice_2": ("Both", "둘 다"),
    "lesson.data.ticket_test_set.question": ("Which set is looked at once, at the end?",
                                             "마지막에 한 번만 보는 세트는 무엇인가요?"),
    "lesson.data.ticket_test_set.choice_0": ("The training set", "학습 세트"),
    "lesson.data.ticket_test_set.choice_1": ("The validation set", "검증 세트"),
    "lesson.data.ticket_test_set.choice_2": ("The test set", "테스트 세트"),
}


def real_ticket() -> lesson.Step | None:
    """The lesson's own step with an exit ticket, if it has one."""
    return next((step for step in lesson.STEPS if step.ticket), None)


def steps_with_ticket(steps: tuple) -> tuple:
    return tuple(dataclasses.replace(step, ticket=TICKET) if step.id == STEP else step for step in steps)


def install() -> lesson.Step:
    """In this process, the demo ticket on step ``data`` unless the lesson has a ticket of its own;
    the step with the ticket either way."""
    if real_ticket() is None:
        lesson.STEPS = steps_with_ticket(lesson.STEPS)
        i18n.TEXT.update(TEXTS)
    return real_ticket()


def ticket_step() -> lesson.Step:
    """The step with the ticket that ``install`` gives, without changing this process."""
    return real_ticket() or next(step for step in steps_with_ticket(lesson.STEPS) if step.id == STEP)


def text(key: str, language: str, **values) -> str:
    english, korean = i18n.TEXT.get(key) or TEXTS[key]
    template = korean if language == "ko" else english
    return template.format(**values) if values else template
