"""Screenshots of the class challenge's board, for the README: a teacher and six students, each
with settings of their own; the board before and after the private reveal.

    python scripts/challenge_screenshots.py http://127.0.0.1:8501 docs/ [--lang ko]
"""

import argparse
import sys
from pathlib import Path

from _class_browser import ARGS, settle, start_class
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fmnist import lesson  # noqa: E402  (the challenge's step)

WORDS = {"en": dict(box="Teach a class, or join one", start="Start a class", code="Class code", next="Next",
                    nickname="Nickname", train="Train my model", done="6 scored, 0 still training",
                    reveal="Reveal the private scores", hidden="Hidden units", rate="Learning rate", epochs="Epochs",
                    raw="Raw 0-255"),
         "ko": dict(box="수업 열기 또는 참여하기", start="수업 시작", code="수업 코드", next="다음", nickname="닉네임",
                    train="내 모델 학습시키기", done="점수가 나온 모델 6개, 아직 학습 중 0개", reveal="비공개 점수 공개",
                    hidden="은닉 유닛 수", rate="학습률", epochs="에포크", raw="원래 값 0~255")}
#: nickname, (knob label key, slider steps from the default) ..., raw pixels
STUDENTS = [("Ana", [("hidden", 2)], False), ("Bo", [("rate", -1)], False), ("Cy", [("epochs", -1)], False),
            ("Dee", [("rate", 1)], False), ("Eun", [("hidden", -3), ("epochs", 2)], False), ("Fay", [], True)]


def fresh(tab) -> None:
    """Between two of the board's redraws (every 2 s): nothing on the page shown faded as stale."""
    tab.wait_for_function("() => !document.querySelector('[data-stale=true]')", timeout=30_000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    base, words = args.url.rstrip("/"), WORDS[args.lang]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        teacher = browser.new_page(viewport={"width": 1400, "height": 1500})
        # a class started on a step starts there: the challenge (an optional step, off the Next path)
        teacher.goto(f"{base}/lesson?lang={args.lang}&step={lesson.STEP_IDS.index('train') + 1}")
        settle(teacher)
        code = start_class(teacher, words)
        tabs = []
        for nickname, moves, raw in STUDENTS:
            tab = browser.new_page(viewport={"width": 900, "height": 1000})
            tab.goto(f"{base}/lesson?class={code}&lang={args.lang}")
            settle(tab, 0.3)
            tabs.append((tab, nickname, moves, raw))
        for tab, nickname, moves, raw in tabs:
            settle(tab, 0.5)
            tab.get_by_role("textbox", name=words["nickname"]).fill(nickname)
            for knob, steps in moves:
                slider = tab.locator('[data-testid="stSlider"]').filter(has_text=words[knob]).get_by_role("slider")
                slider.focus()
                for _ in range(abs(steps)):
                    slider.press("ArrowRight" if steps > 0 else "ArrowLeft")
            if raw:
                tab.get_by_text(words["raw"]).click()
            tab.get_by_role("button", name=words["train"]).click()
        teacher.get_by_text(words["done"]).wait_for(timeout=300_000)
        settle(teacher, 2.5)
        teacher.locator('[class*="st-key-lesson_question"], [data-testid="stHeading"]').first.scroll_into_view_if_needed()
        fresh(teacher)
        teacher.screenshot(path=args.out / f"board_{args.lang}.png", full_page=True)
        teacher.get_by_role("button", name=words["reveal"]).click()
        settle(teacher, 2.5)
        fresh(teacher)
        teacher.screenshot(path=args.out / f"board_private_{args.lang}.png", full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
