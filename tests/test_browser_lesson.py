"""The lesson in real Chromium: a teacher's browser and students' browsers side by side.

The teacher starts a class, a student joins by typing the code, the teacher's Next reaches the
student's page, a student's answer appears in the teacher's counts, a student with a forged
teacher parameter cannot move the class, and the teacher's token is nowhere in a student's page.
"""

from __future__ import annotations

import re

import pytest

from conftest import assert_no_exception, wait_for_app
from fmnist import i18n, lesson

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

TOKEN_PATTERN = re.compile(r"teacher=([A-Za-z0-9_-]{20,})")


def context_tab(browser, width=1280, height=900):
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    return context, tab


def open_lesson(tab, app_url: str, query: str = "") -> None:
    tab.goto(app_url)
    wait_for_app(tab)
    tab.goto(f"{app_url}/lesson{query}")
    wait_for_app(tab, timeout=180_000)


def step_heading(tab) -> str:
    return tab.locator('[data-testid="stHeading"] h2').first.inner_text()


def start_class(tab) -> tuple[str, str]:
    """The teacher presses Start a class; returns (code, private teacher link)."""
    tab.get_by_text("Teach a class, or join one").click()
    tab.get_by_role("button", name="Start a class").click()
    metric = tab.locator('[data-testid="stMetric"]').filter(has_text="Class code")
    # the first class on a fresh server shares its two cores with the server's warm-up (TensorFlow,
    # the models): CI once needed more than a minute here
    metric.wait_for(timeout=180_000)
    code = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    tab.get_by_role("button", name="Teacher link").click()
    link = tab.locator('[data-testid="stCode"]').filter(has_text="teacher=").first.inner_text()
    tab.keyboard.press("Escape")
    return code, link.strip()


def teacher_goes_to(teacher, step_id: str) -> None:
    """The teacher's Next, one click at a time, to the step ``step_id`` (its optional steps included
    first when it is one): each step shown and its run ended before the next click (a long step,
    such as the saliency map's, is not cut short)."""
    target = lesson.STEP_IDS.index(step_id)
    include = teacher.locator('[data-testid="stCheckbox"]').filter(has_text="Include the optional steps").locator("input")
    if lesson.STEPS[target].optional and not include.is_checked():
        teacher.get_by_text("Include the optional steps").click()
        wait_for_app(teacher, timeout=90_000)
    title = i18n.t(f"lesson.{step_id}.title", "en")
    for _ in range(len(lesson.STEPS)):
        if step_heading(teacher) == title:
            return
        shown = teacher.locator(".lesson-counter").first.inner_text()
        teacher.get_by_role("button", name="Next").first.click()
        teacher.wait_for_function("old => document.querySelector('.lesson-counter')?.innerText !== old",
                                  arg=shown, timeout=90_000)
        wait_for_app(teacher, timeout=90_000)
    assert step_heading(teacher) == title


def teacher_moves_and_reveals(teacher, student, follow_timeout: float = 30_000) -> None:
    """The teacher's Next reaches the student's page three times; the student answers the question
    there, the teacher's counts show it, and the teacher's Reveal reaches the student."""
    for expected in ("The data: 70,000 small pictures",  # the pixels' step is optional: Next skips it
                     "The tutorial's 5x5 grid", "The tutorial's network, and how it learned"):
        teacher.get_by_role("button", name="Next").first.click()
        teacher.get_by_role("heading", name=expected).wait_for(timeout=30_000)
        student.get_by_role("heading", name=expected).wait_for(timeout=follow_timeout)
    student.get_by_text("About as often", exact=True).click()
    student.get_by_text("Your answer is in").wait_for(timeout=30_000)
    teacher.get_by_text("1 of 1 have answered").wait_for(timeout=follow_timeout)  # a count, no bars till the reveal
    teacher.get_by_role("button", name="Reveal to everyone").click()
    student.get_by_text("The model's real answer").wait_for(timeout=30_000)


@pytest.fixture
def teacher(browser):
    context, tab = context_tab(browser)
    yield tab
    context.close()


@pytest.fixture
def student(browser):
    context, tab = context_tab(browser, 390, 844)  # a phone
    yield tab
    context.close()


def test_students_follow_the_teacher_and_answers_reach_the_teacher(app_url, teacher, student, browser):
    open_lesson(teacher, app_url)
    code, link = start_class(teacher)
    assert re.fullmatch(r"[A-Z2-9]{6}", code)
    token = TOKEN_PATTERN.search(link).group(1)
    assert teacher.get_by_text("Students joined: 0").count() == 1

    # A student joins by typing the code, on a phone-sized screen.
    open_lesson(student, app_url)
    student.get_by_text("Teach a class, or join one").click()
    student.get_by_label("Class code").fill(code.lower())
    student.get_by_role("button", name="Join").click()
    student.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
    wait_for_app(student)  # the run has finished: what is absent now is absent from the page
    assert step_heading(student) == "What we will learn"
    assert student.get_by_role("button", name="Next").count() == 0  # nothing that moves the class
    teacher.get_by_text("Students joined: 1").wait_for(timeout=30_000)

    teacher_moves_and_reveals(teacher, student)
    assert student.get_by_text("You said About as often").count() == 1

    # A second student forges the teacher parameter: the student view, and the class does not move.
    forger_context, forger = context_tab(browser)
    try:
        open_lesson(forger, app_url, f"?class={code}&teacher={'A' * 32}")
        forger.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
        wait_for_app(forger)  # the run has finished, and drew the class's step: the absent is absent
        assert step_heading(forger) == "The tutorial's network, and how it learned"
        assert forger.get_by_role("button", name="Next").count() == 0
        assert forger.locator('[data-testid="stMetric"]').filter(has_text="Class code").count() == 0
        assert_no_exception(forger)
    finally:
        forger_context.close()

    # The token is nowhere in a student's page: not in its text, its HTML or its address.
    for tab in (student,):
        assert token not in tab.content()
        assert token not in tab.url
        assert "teacher=" not in tab.content()
    # The teacher's own address bar does not show it either (the projector shows the URL).
    assert token not in teacher.url
    assert_no_exception(teacher)
    assert_no_exception(student)


def test_private_teacher_link_opens_the_class_as_its_teacher(app_url, teacher, browser):
    open_lesson(teacher, app_url)
    code, link = start_class(teacher)
    teacher.get_by_role("button", name="Next").first.click()
    teacher.get_by_role("heading", name="The data: 70,000 small pictures").wait_for(timeout=30_000)

    second_context, second = context_tab(browser)
    try:
        path = link[link.index("/lesson"):]
        open_lesson(second, app_url, path[len("/lesson"):])
        second.get_by_role("heading", name="The data: 70,000 small pictures").wait_for(timeout=30_000)
        metric = second.locator('[data-testid="stMetric"]').filter(has_text="Class code")
        assert metric.locator('[data-testid="stMetricValue"]').inner_text().strip() == code
        assert "teacher=" not in second.url  # taken out of the address bar at once
        second.get_by_role("button", name="Next").first.click()
        # the pixels' step is optional: the second screen's Next moves both to the 5x5 grid
        teacher.get_by_role("heading", name="The tutorial's 5x5 grid").wait_for(timeout=30_000)
        assert_no_exception(second)
    finally:
        second_context.close()
