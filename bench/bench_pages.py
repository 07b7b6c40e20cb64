"""What a person waits for in the browser: the Predict page's first render on a fresh server,
and the time from the end of a pen stroke on Draw & upload to the new answer on the page.

    python bench/bench_pages.py [--strokes 12]

Starts ``streamlit run app.py`` on loopback and drives Debian's Chromium through Playwright, as
the browser tests do. A stroke's time runs from the mouse button going up to the picture the
models saw being replaced on the page: it holds the drawing component's own 200 ms wait before
it sends a drawing, the rerun on the server (conversion, two models, two charts) and the
browser's drawing of the answer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_for_app  # noqa: E402

BARS = ".st-key-draw_bars img"


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
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

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
