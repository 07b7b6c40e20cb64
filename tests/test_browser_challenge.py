"""The class challenge in real Chromium: a teacher and three students, each in a browser of their
own. Three nicknames (one with HTML in it), three settings, three entries on everyone's board;
the teacher's reveal re-ranks on the private half; an entry the teacher hides disappears for all."""

from __future__ import annotations

import pytest

from conftest import assert_no_exception
from fmnist import challenge, lesson
from test_browser_lesson import context_tab, open_lesson, start_class, teacher_goes_to

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

SETTINGS = [("Ana", {"Hidden units": 3}), ("<img src=x>Bo", {"Learning rate": -1}),
            ("Cy", {"Epochs": -1})]  # slider steps from the defaults (128 units, 0.001, 2 epochs)


def move_slider(tab, label: str, steps: int) -> None:
    slider = tab.locator('[data-testid="stSlider"]').filter(has_text=label).get_by_role("slider")
    slider.focus()
    for _ in range(abs(steps)):
        slider.press("ArrowRight" if steps > 0 else "ArrowLeft")


def board_rows(tab) -> list[str]:
    """The board's rows as the grid shows them (text of each row)."""
    grid = tab.locator('[data-testid="stTable"]').first
    grid.wait_for(timeout=60_000)
    return grid.inner_text().splitlines()


def test_three_students_a_board_a_reveal_and_a_hidden_entry(app_url, browser):
    teacher_context, teacher = context_tab(browser, 1400, 1000)
    contexts = []
    try:
        open_lesson(teacher, app_url)
        code, _ = start_class(teacher)
        students = []
        for _ in SETTINGS:
            context, tab = context_tab(browser, 900, 1000)
            contexts.append(context)
            open_lesson(tab, app_url, f"?class={code}")
            tab.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
            students.append(tab)
        teacher_goes_to(teacher, "train")  # an optional step: the teacher includes the optional steps
        title = "Your turn: train one, compare them all"
        for tab, (nickname, moves) in zip(students, SETTINGS):
            tab.get_by_role("heading", name=title).wait_for(timeout=30_000)
            tab.get_by_role("textbox", name="Nickname").fill(nickname)
            for label, steps in moves.items():
                move_slider(tab, label, steps)
            tab.get_by_role("button", name="Train my model").click()
        teacher.get_by_text("3 scored, 0 still training").wait_for(timeout=180_000)
        for tab in students:
            tab.get_by_text("3 scored, ").wait_for(timeout=30_000)
            text = "\n".join(board_rows(tab))
            assert "Ana" in text and "Cy" in text
            assert "<img src=x>Bo" in text  # shown as text
            assert tab.locator("img[src='x']").count() == 0  # never as HTML
        assert "Accuracy (private half)" not in "\n".join(board_rows(teacher))

        # the board redraws every two seconds: for a moment of a redraw, Streamlit's page can hold the
        # old button beside the new one (both the same button)
        teacher.get_by_role("button", name="Reveal the private scores").first.click()
        for tab in students:
            tab.get_by_text("played the role of a validation set").wait_for(timeout=30_000)
            assert "Accuracy (private half)" in "\n".join(board_rows(tab))

        teacher.locator('[data-testid="stMultiSelect"]').filter(has_text="Hidden from the board").locator(
            "input").click()  # its placeholder: "No entry hidden"
        teacher.get_by_role("option", name="Ana").click()
        teacher.keyboard.press("Escape")
        for tab in students:
            tab.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stTable\"]').innerText.includes('Ana')",
                timeout=30_000)
            assert "Cy" in "\n".join(board_rows(tab))
        for tab in (teacher, *students):
            assert_no_exception(tab)
    finally:
        for context in contexts:
            context.close()
        teacher_context.close()


def test_a_pasted_nickname_longer_than_the_limit_is_cut_not_dropped(app_url, page):
    pasted = "Ana the fastest trainer of the whole class"  # 42 characters, past the limit of 24
    open_lesson(page, app_url, f"?step={lesson.STEP_IDS.index('train') + 1}")
    page.get_by_role("heading", name="Your turn: train one, compare them all").wait_for(timeout=30_000)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("text => navigator.clipboard.writeText(text)", pasted)
    box = page.get_by_role("textbox", name="Nickname")
    box.click()
    page.keyboard.press("Control+V")
    assert box.input_value() == pasted  # the paste is in the box, not dropped
    page.get_by_role("button", name="Train my model").click()
    page.get_by_text("1 scored, 0 still training").wait_for(timeout=180_000)
    cut = challenge.clean_nickname(pasted)
    assert cut == "Ana the fastest trainer"  # its first 24 characters, the space at the cut dropped
    shown = "\n".join(board_rows(page))
    assert cut in shown and pasted not in shown
    assert page.get_by_text("Choose a nickname first.").count() == 0
    assert_no_exception(page)
