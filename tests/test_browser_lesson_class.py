"""A class's moments in real Chromium: the teacher's laptop (English), the projector (presenter
view opened from the private teacher link, 1600x900), a phone (390x844, Korean) and a laptop
student (English), each in a browser context of its own.

While a question or the exit ticket is open, no screen shows a bar, only how many have answered;
the reveal brings the bars to every screen; a second vote is taken and the reveal shows both
votes and the moves; the challenge's board shows each accuracy with its interval and ties, the
teacher's seed runs beside it, and fits the phone's width. Screenshots go to
``$CLASSMECH_SHOTS`` (default /tmp/classmech_shots/).

The server is tests/ticket_app.py: the real app, with tests/ticket_demo.py's exit ticket while
the lesson has none of its own.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import ticket_demo
from conftest import assert_no_exception, streamlit_server
from fmnist import challenge, i18n, lesson
from test_browser_lesson import context_tab, open_lesson, start_class, teacher_goes_to

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

SHOTS = Path(os.environ.get("CLASSMECH_SHOTS", "/tmp/classmech_shots"))
PROGRESS = '[data-testid="stProgress"]'
TABLE = '[data-testid="stTable"]'


@pytest.fixture(scope="module")
def class_app_url(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("class_app"), script="tests/ticket_app.py") as url:
        yield url


def shoot(tab, name: str, box: str | None = None, selector: str | None = None) -> None:
    """The screen as its user sees it, scrolled to ``box`` (a container key) or ``selector`` when
    given (Streamlit scrolls its main block, not the page: a full-page shot is the viewport)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    if box or selector:
        tab.locator(selector or f".st-key-{box}").first.scroll_into_view_if_needed()
        tab.wait_for_timeout(300)
    tab.screenshot(path=str(SHOTS / f"{name}.png"))


def heading(tab) -> str:
    found = tab.locator('[data-testid="stHeading"] h2')
    return found.first.inner_text() if found.count() else ""


def go_to(teacher, title: str, followers=()) -> None:
    """The teacher's Next, one click at a time, until the step ``title`` shows; the followers'
    pages follow."""
    step_id = next(i for i in lesson.STEP_IDS if i18n.t(f"lesson.{i}.title", "en") == title)
    teacher_goes_to(teacher, step_id)
    for tab in followers:
        tab.get_by_role("heading", name=title).wait_for(timeout=30_000)


def choose(tab, box: str, choice: str) -> None:
    """Click the answer ``choice`` in the question box ``box`` (its container key)."""
    tab.locator(f".st-key-{box}").get_by_text(choice, exact=True).click()
    tab.wait_for_timeout(300)


def wait_text(tab, text: str, timeout: float = 30_000) -> None:
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout)


def fits(tab, width: int) -> None:
    """Nothing makes the page wider than the screen."""
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


@pytest.fixture
def room(browser, class_app_url):
    """The teacher, the projector, a Korean phone and an English laptop student in one class."""
    contexts, tabs = [], {}
    try:
        context, tabs["teacher"] = context_tab(browser)
        contexts.append(context)
        open_lesson(tabs["teacher"], class_app_url)
        code, link = start_class(tabs["teacher"])
        for name, size, query in (("projector", (1600, 900), link[link.index("?"):] + "&view=present"),
                                  ("phone", (390, 844), f"?class={code}&lang=ko"),
                                  ("laptop", (1280, 900), f"?class={code}")):
            context, tabs[name] = context_tab(browser, *size)
            contexts.append(context)
            open_lesson(tabs[name], class_app_url, query)
        wait_text(tabs["teacher"], "Students joined: 2")
        yield tabs
        for tab in tabs.values():
            assert_no_exception(tab)
    finally:
        for context in contexts:
            context.close()


def test_bars_wait_for_the_reveal_a_second_vote_and_the_exit_ticket_counted(room):
    teacher, projector, phone, laptop = room["teacher"], room["projector"], room["phone"], room["laptop"]
    screens = {"teacher": teacher, "projector": projector, "phone": phone, "laptop": laptop}
    language = {"phone": "ko"}

    def t(screen, key, **values):
        return i18n.t(key, language.get(screen, "en"), **values)

    # --- a question: counts only, a second vote, the reveal shows both --------------------------
    dense = lesson.STEPS[lesson.STEP_IDS.index("dense")]
    question = dense.question
    go_to(teacher, i18n.t("lesson.dense.title", "en"), (projector, laptop))
    phone.get_by_role("heading", name=i18n.t("lesson.dense.title", "ko")).wait_for(timeout=30_000)
    box = f"lesson_question_{question.id}"
    choose(phone, box, i18n.t("lesson.dense.choice_0", "ko"))
    choose(laptop, box, i18n.t("lesson.dense.choice_1", "en"))
    for name, tab in screens.items():
        wait_text(tab, t(name, "lesson.answered", count=2, students=2).replace("**", ""))
        assert tab.locator(PROGRESS).count() == 0, name
        shoot(tab, f"question_open_{name}", box)
    teacher.get_by_role("button", name=i18n.t("lesson.second_round", "en")).click()
    for name, tab in (("phone", phone), ("laptop", laptop)):
        wait_text(tab, t(name, "lesson.second_round_now"))
        said = t(name, f"lesson.dense.choice_{0 if name == 'phone' else 1}")
        wait_text(tab, t(name, "lesson.first_you_said", answer=said).replace("*", ""))
    choose(phone, box, i18n.t("lesson.dense.choice_2", "ko"))
    choose(laptop, box, i18n.t("lesson.dense.choice_2", "en"))
    second_vote = t("teacher", "lesson.answered", count=2, students=2).replace("**", "")
    wait_text(teacher, second_vote)
    wait_text(teacher, i18n.t("lesson.round_second", "en"))
    for name, tab in screens.items():
        assert tab.locator(PROGRESS).count() == 0, name
        shoot(tab, f"second_vote_open_{name}", box)
    teacher.get_by_role("button", name="Reveal to everyone").click()
    for name, tab in screens.items():
        tab.locator(PROGRESS).nth(2 * question.choices - 1).wait_for(timeout=30_000)
        assert tab.locator(PROGRESS).count() == 2 * question.choices, name  # both votes' bars
        wait_text(tab, t(name, "lesson.round_first"))
        moved = "두 투표 사이에" if name == "phone" else "Between the votes"
        wait_text(tab, moved)
        shoot(tab, f"second_vote_revealed_{name}", box)

    # --- the exit ticket: counted while open, revealed together ----------------------------------
    step = ticket_demo.ticket_step()
    go_to(teacher, i18n.t(f"lesson.{step.id}.title", "en"), (projector, laptop))
    phone.get_by_role("heading", name=i18n.t(f"lesson.{step.id}.title", "ko")).wait_for(timeout=30_000)
    first, second = step.ticket[:2]
    box = f"lesson_ticket_{step.id}"
    choose(phone, box, ticket_demo.text(f"lesson.{step.id}.{first.id}.choice_0", "ko"))
    choose(laptop, box, ticket_demo.text(f"lesson.{step.id}.{first.id}.choice_1", "en"))
    choose(laptop, box, ticket_demo.text(f"lesson.{step.id}.{second.id}.choice_2", "en"))
    for name, tab in screens.items():
        wait_text(tab, "1. " + t(name, "lesson.answered", count=2, students=2).replace("**", ""))
        wait_text(tab, "2. " + t(name, "lesson.answered", count=1, students=2).replace("**", ""))
        assert tab.locator(PROGRESS).count() == 0, name  # no bars while the ticket is open
        shoot(tab, f"ticket_open_{name}", box)
    teacher.locator(f".st-key-{box}").get_by_role("button", name="Reveal to everyone").click()
    for name, tab in screens.items():
        bars = sum(question.choices for question in step.ticket)  # every question's bars, answered or not
        tab.locator(PROGRESS).nth(bars - 1).wait_for(timeout=30_000)
        assert tab.locator(PROGRESS).count() == bars, name
        shoot(tab, f"ticket_revealed_{name}", box)
    fits(phone, 390)


def test_the_board_shows_intervals_ties_and_noise_alone_and_fits_a_phone(room):
    teacher, projector, phone, laptop = room["teacher"], room["projector"], room["phone"], room["laptop"]
    title = i18n.t("lesson.train.title", "en")
    go_to(teacher, title, (projector, laptop))
    phone.get_by_role("heading", name=i18n.t("lesson.train.title", "ko")).wait_for(timeout=30_000)
    # the teacher: one setting (the defaults), three seeds
    teacher.get_by_text(i18n.t("challenge.seeds_title", "en")).click()
    teacher.get_by_role("radio", name="3", exact=True).click()
    teacher.get_by_role("button", name=i18n.t("challenge.seeds_submit", "en")).click()
    # two students with the same setting: one model, one score, tied by construction
    for tab, nickname, lang in ((phone, "민지", "ko"), (laptop, "Bo", "en")):
        tab.get_by_role("textbox", name=i18n.t("challenge.nickname", lang)).fill(nickname)
        tab.get_by_role("button", name=i18n.t("challenge.submit", lang)).click()
    done = i18n.t("challenge.board_count", "en", done=2, waiting=0).replace("**", "")
    wait_text(teacher, done, timeout=240_000)
    wait_text(teacher, "Noise alone", timeout=240_000)
    wait_text(teacher, "a spread of", timeout=240_000)
    for name, tab, lang in (("teacher", teacher, "en"), ("projector", projector, "en"), ("laptop", laptop, "en"),
                            ("phone", phone, "ko")):
        wait_text(tab, i18n.t("challenge.rank_tied", lang, rank=1))
        board = tab.locator('[data-testid="stTable"]').first.inner_text()
        assert "± " in board and board.count(i18n.t("challenge.rank_tied", lang, rank=1)) == 2, board
        shoot(tab, f"board_{name}", selector=TABLE)
    fits(phone, 390)
    header = phone.locator('[data-testid="stTable"] th')
    assert header.count() == 3  # rank, nickname, accuracy first; the rest on demand
    phone.get_by_text(i18n.t("challenge.details", "ko")).click()
    phone.locator('[data-testid="stDataFrame"]').wait_for(timeout=30_000)
    fits(phone, 390)
    shoot(phone, "board_phone_details", selector='[data-testid="stDataFrame"]')

    teacher.get_by_role("button", name="Reveal the private scores").click()
    for name, tab, lang in (("teacher", teacher, "en"), ("phone", phone, "ko")):
        wait_text(tab, i18n.t("challenge.private_caption", lang, half=f"{challenge.HALF_SIZE:,}", what="")
                  .split(".")[0][:30])
        shoot(tab, f"board_revealed_{name}", selector=TABLE)
    fits(phone, 390)
