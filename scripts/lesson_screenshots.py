"""Screenshots of a class in the Lesson, for the README and for looking: the teacher's presenter
view, a student's phone, both in English or Korean.

    python scripts/lesson_screenshots.py http://127.0.0.1:8501 docs/ [--lang ko] [--step versus]

The teacher starts a class, goes to ``--step`` (a step's id, along the core path: Next skips the
optional steps), turns presenter view on; a student joins on a
390x844 screen and answers the step's question; the teacher's screen then shows the count.
"""

import argparse
import sys
from pathlib import Path

from _class_browser import ARGS, settle, start_class
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fmnist import i18n, lesson  # noqa: E402

LABELS = {"en": {"box": "Teach a class, or join one", "start": "Start a class", "code": "Class code",
                 "next": "Next", "present": "Presenter view"},
          "ko": {"box": "수업 열기 또는 참여하기", "start": "수업 시작", "code": "수업 코드",
                 "next": "다음", "present": "발표자 화면"}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--step", default="versus", help="a step's id on the core path (fmnist.lesson.STEP_IDS)")
    parser.add_argument("--choice", type=int, default=2)
    args = parser.parse_args()
    base, words = args.url.rstrip("/"), LABELS[args.lang]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        teacher = browser.new_page(viewport={"width": 1600, "height": 900})
        teacher.goto(f"{base}/lesson?lang={args.lang}")
        settle(teacher)
        code = start_class(teacher, words)
        settle(teacher)
        teacher.locator("h1").first.scroll_into_view_if_needed()  # the class code at the top, as the teacher sees it
        settle(teacher, 0.3)
        teacher.screenshot(path=args.out / f"lesson_teacher_{args.lang}.png")
        title = i18n.t(f"lesson.{args.step}.title", args.lang)
        for _ in range(len(lesson.STEPS)):  # one Next at a time, each step's run ended before the next click
            if teacher.locator('[data-testid="stHeading"] h2').first.inner_text() == title:
                break
            shown = teacher.locator(".lesson-counter").first.inner_text()
            teacher.get_by_role("button", name=words["next"]).first.click()
            teacher.wait_for_function("old => document.querySelector('.lesson-counter')?.innerText !== old",
                                      arg=shown, timeout=90_000)
            settle(teacher, 0.3)
        teacher.get_by_text(words["present"]).first.click()
        settle(teacher)

        student = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        student.goto(f"{base}/lesson?class={code}&lang={args.lang}")
        settle(student)
        radios = student.locator('[data-testid="stMainBlockContainer"] [data-testid="stRadioOption"]')
        if radios.count() > args.choice:
            radios.nth(args.choice).click()
            settle(student)
        student.screenshot(path=args.out / f"lesson_phone_{args.lang}.png", full_page=False)
        settle(teacher, 2.5)
        teacher.screenshot(path=args.out / f"lesson_present_{args.lang}.png")
        browser.close()


if __name__ == "__main__":
    main()
