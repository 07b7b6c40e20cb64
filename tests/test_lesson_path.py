"""The teacher's plan through the lesson: Next and Previous skip optional steps unless they are
included; the time used against the minutes planned. On steps made here, so the lesson's own
content can change without these tests."""

from __future__ import annotations

import pytest

from fmnist import lesson, lesson_plan
from fmnist.lesson import Step

STEPS = (Step("a", "home", minutes=4), Step("b", "home", minutes=10, optional=True), Step("c", "home", minutes=6),
         Step("d", "home", minutes=5, optional=True), Step("e", "home", minutes=5, optional=True),
         Step("f", "home", minutes=2))


def walk(move, start, include):
    seen, at = [start], start
    while (at := move(STEPS, at, include)) is not None:
        seen.append(at)
    return seen


def test_next_and_previous_skip_optional_steps_unless_included():
    assert walk(lesson_plan.next_step, 0, False) == [0, 2, 5]
    assert walk(lesson_plan.previous_step, 5, False) == [5, 2, 0]
    assert walk(lesson_plan.next_step, 0, True) == [0, 1, 2, 3, 4, 5]
    assert walk(lesson_plan.previous_step, 5, True) == [5, 4, 3, 2, 1, 0]


def test_from_an_optional_step_next_and_previous_reach_the_core_path():
    assert lesson_plan.next_step(STEPS, 3, False) == 5
    assert lesson_plan.previous_step(STEPS, 3, False) == 2
    assert lesson_plan.next_step(STEPS, 5, False) is None and lesson_plan.previous_step(STEPS, 0, False) is None


def test_the_plan_counts_the_minutes_of_the_steps_before_on_the_path():
    assert lesson_plan.planned_minutes(STEPS, 0) == 0
    assert lesson_plan.planned_minutes(STEPS, 2) == 4  # b is optional: not in the plan
    assert lesson_plan.planned_minutes(STEPS, 2, include_optional=True) == 14
    assert lesson_plan.planned_minutes(STEPS, 5) == 10
    assert lesson_plan.path_minutes(STEPS) == 12 and lesson_plan.path_minutes(STEPS, True) == 32


def test_time_against_the_plan():
    late = lesson_plan.time_against_plan(13 * 60, STEPS, 5)
    assert (late.used, late.planned, late.whole, late.behind) == (13, 10, 12, 3)
    early = lesson_plan.time_against_plan(90, STEPS, 2, include_optional=True)
    assert early.used == pytest.approx(1.5) and early.behind == pytest.approx(-12.5)
    assert lesson_plan.time_against_plan(-5, STEPS, 0).used == 0  # a clock a little behind the store's


def test_every_step_of_the_lesson_has_its_minutes():
    assert all(step.minutes > 0 for step in lesson.STEPS)
    assert lesson_plan.next_step(lesson.STEPS, 0, False) is not None  # the core path is more than a step
