"""What a person waits for in the browser: every page's first visit on a freshly started server,
and the time from the end of a pen stroke on Draw & upload to the new answer on the page.

    python bench/bench_pages.py [--strokes 12] [--rounds 1] [--only NAME ...] [--no-strokes]

Starts ``streamlit run app.py`` on loopback and drives Debian's Chromium through Playwright, as
the browser tests do.

First visits (the first student after ``make run``): for each page a server of its own, started
for it, and the page opened by its link at once (a fresh browser, nothing cached) the moment the
server answers its health check. A visit's time runs from asking for the page to the page
settled: its title drawn, no script running (the app's own script state, and no running-man
widget), no spinner, every image loaded, and nothing
changing for 0.5 s (the time is taken at the start of that quiet half second). Browse's "All
classes" tab, Predict's tabs and Draw & upload's are then opened one after the other on the same
server, each the first visit of that tab: the time from the click to the tab settled.

A stroke's time runs from the mouse button going up to the picture the models saw being
replaced on the page: it holds the drawing component's own 200 ms wait before it sends a
drawing, the rerun on the server (conversion, two models, two charts) and the browser's
drawing of the answer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_process, streamlit_server, wait_for_app  # noqa: E402

from fmnist import i18n  # noqa: E402

BARS = ".st-key-draw_bars img"
QUIET_S = 0.5  # a page counts as settled when nothing has changed on it for this long

#: (name, link, tabs opened after it in this order): every page of the navigation, and the Lesson
#: at its first step that shows the model's answers to the test images
FIRST_VISITS = (
    ("Home", "", ()),
    ("Lesson", "lesson", ()),
    ("Lesson, step 6 (test answers)", "lesson?step=6", ()),
    ("Browse", "browse", ("all",)),
    ("Compose", "compose", ()),
    ("Train", "train", ()),
    ("Predict", "predict", ("evaluation", "multi", "compare", "saliency")),
    ("Draw & upload", "draw", ("four", "upload")),
)
TAB_PREFIX = {"browse": "browse.tab_", "predict": "predict.tab_", "draw": "draw.tab_"}

# True when the page has settled, with a fingerprint of what it shows (for "nothing changed")
SETTLED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!app || !main || !main.querySelector('h1')) return null;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return null;
  if (document.querySelector('[data-testid="stSpinner"]')) return null;
  if (document.querySelector('[data-stale="true"]')) return null;
  const images = Array.from(main.querySelectorAll('img'));
  if (!images.every(img => img.complete)) return null;
  return main.innerText.length + ':' + images.length + ':' + images.map(i => i.src.length).join(',');
}"""


def settled_after(page, start: float, timeout: float = 300) -> float:
    """Seconds from ``start`` until the page settled (see the module docstring)."""
    since, seen = None, None
    while time.perf_counter() - start < timeout:
        now = time.perf_counter()
        state = page.evaluate(SETTLED_JS)
        if state is None or state != seen:
            since, seen = (now if state is not None else None), state
        elif now - since >= QUIET_S:
            return since - start
        page.wait_for_timeout(50)
    raise TimeoutError(f"the page did not settle within {timeout} s")


def first_visits(browser, only: set | None = None, root: Path = ROOT) -> list[tuple[str, float]]:
    """(what, seconds) of every page's first visit, each page on a server started for it (the app in ``root``)."""
    found = []
    for name, link, tabs in FIRST_VISITS:
        if only and name not in only:
            continue
        with tempfile.TemporaryDirectory() as folder, streamlit_process(Path(folder), root) as server:
            url = server.url
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(f"{url}/{link}")
            found.append((name, settled_after(page, start)))
            print(f"  {name}: {found[-1][1]:.1f} s", flush=True)
            for tab in tabs:
                label = i18n.t(TAB_PREFIX[link] + tab, "en")
                start = time.perf_counter()
                page.get_by_role("tab", name=label).click()
                found.append((f"{name}, tab {label!r}", settled_after(page, start)))
                print(f"  {found[-1][0]}: {found[-1][1]:.1f} s", flush=True)
            context.close()
    return found


def stroke(page, box, start, end) -> None:
    page.mouse.move(box["x"] + start[0] * box["width"], box["y"] + start[1] * box["height"])
    page.mouse.down()
    page.mouse.move(box["x"] + end[0] * box["width"], box["y"] + end[1] * box["height"], steps=6)


def first_render(page, url: str, path: str, ready: str) -> float:
    """Seconds from asking for ``path`` to ``ready`` (a text) on the page."""
    start = time.perf_counter()
    page.goto(f"{url}/{path}")
    page.get_by_text(ready, exact=False).first.wait_for(timeout=300_000)
    return time.perf_counter() - start


def stroke_times(page, url: str, strokes: int) -> list[float]:
    page.goto(f"{url}/draw")
    wait_for_app(page)
    canvas = page.locator("canvas.upper-canvas").first
    canvas.wait_for()
    box = canvas.bounding_box()
    times = []
    for i in range(strokes + 1):  # the first stroke also loads the models: left out
        # every stroke on pixels of its own: a stroke drawn over an earlier one changes nothing,
        # and an unchanged answer draws the very same bars (the wait below would never end)
        x = 0.15 + 0.65 * i / max(strokes, 1)
        before = page.eval_on_selector(BARS, "img => img.src") if page.locator(BARS).count() else None
        stroke(page, box, (x, 0.15), (x + 0.05, 0.85))
        start = time.perf_counter()
        page.mouse.up()
        page.wait_for_function("([selector, src]) => { const img = document.querySelector(selector);"
                               " return img && img.complete && img.src !== src; }", arg=[BARS, before],
                               timeout=60_000)
        elapsed = time.perf_counter() - start
        if i:
            times.append(elapsed)
        wait_for_app(page)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strokes", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=1, help="first visits measured this many times each")
    parser.add_argument("--only", nargs="*", help="first visits of these pages only (names as printed)")
    parser.add_argument("--no-strokes", action="store_true", help="first visits only")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="first visits of the app in this checkout (e.g. a worktree of an older commit)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        rounds = []
        for number in range(args.rounds):
            print(f"First visits, round {number + 1} of {args.rounds}, a fresh server for each page:", flush=True)
            rounds.append(first_visits(browser, set(args.only or ()), args.root))
        browser.close()
    print("First visit on a fresh server, seconds (every round):")
    for i, (name, _) in enumerate(rounds[0]):
        times = [found[i][1] for found in rounds]
        print(f"  {name}: " + ", ".join(f"{t:.1f}" for t in times) + f"  (worst {max(times):.1f} s)")
    if args.no_strokes:
        return

    with tempfile.TemporaryDirectory() as folder, streamlit_server(Path(folder)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        wait_for_app(page)
        cold = first_render(page, url, "predict", "matching test pictures")
        warm = first_render(page, url, "predict", "matching test pictures")
        print(f"Predict, tutorial charts with its grid: first render on a fresh server {cold:.1f} s "
              f"(loads TensorFlow and the model, answers 10,000 test images); again {warm:.1f} s")
        times = stroke_times(page, url, args.strokes)
        ms = sorted(1000 * t for t in times)
        print(f"Draw: end of a stroke to the new answer on the page, {len(ms)} strokes: median "
              f"{statistics.median(ms):.0f} ms, worst {ms[-1]:.0f} ms (the component waits 200 ms before sending)")
        browser.close()


if __name__ == "__main__":
    main()
