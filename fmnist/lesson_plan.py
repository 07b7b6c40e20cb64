"""The teacher's plan through the lesson: which step Next and Previous go to, and the time used
against the minutes planned.

Each :class:`fmnist.lesson.Step` carries its ``minutes`` (the plan, activity included) and whether
it is ``optional``. The core path is the steps that are not optional; a teacher includes the
optional ones with one click. On one's own every step is on the path.

=========================  ==================================================================
function                   what
=========================  ==================================================================
:func:`next_step`          the step Next goes to (None on the last one)
:func:`previous_step`      the step Previous goes to (None on the first one)
:func:`planned_minutes`    the minutes planned for the steps of the path before a step
:func:`path_minutes`       the minutes of the whole path
:func:`time_against_plan`  minutes since the class started, planned so far, and the difference
=========================  ==================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


def on_path(step, include_optional: bool) -> bool:
    return include_optional or not step.optional


def next_step(steps: Sequence, current: int, include_optional: bool = True) -> int | None:
    """The first step after ``current`` on the path, or None."""
    return next((i for i in range(current + 1, len(steps)) if on_path(steps[i], include_optional)), None)


def previous_step(steps: Sequence, current: int, include_optional: bool = True) -> int | None:
    """The last step before ``current`` on the path, or None."""
    return next((i for i in range(min(current, len(steps)) - 1, -1, -1) if on_path(steps[i], include_optional)), None)


def planned_minutes(steps: Sequence, current: int, include_optional: bool = False) -> float:
    """What the plan gives the steps of the path before ``current``: where the class should be
    when ``current`` begins."""
    return float(sum(step.minutes for step in steps[:current] if on_path(step, include_optional)))


def path_minutes(steps: Sequence, include_optional: bool = False) -> float:
    return planned_minutes(steps, len(steps), include_optional)


@dataclass(frozen=True)
class TimeAgainstPlan:
    used: float  # minutes since the class started
    planned: float  # minutes the plan gives the steps before the current one
    whole: float  # minutes of the whole path

    @property
    def behind(self) -> float:
        """Minutes behind the plan (negative: ahead of it)."""
        return self.used - self.planned


def time_against_plan(elapsed_s: float, steps: Sequence, current: int,
                      include_optional: bool = False) -> TimeAgainstPlan:
    return TimeAgainstPlan(max(0.0, elapsed_s) / 60, planned_minutes(steps, current, include_optional),
                           path_minutes(steps, include_optional))
