"""Training in the app against training on the command line, same preset, same run.

    python bench/bench_train_app.py [--kind single] [--preset quick] [--watchers 3]

First ``python -m fmnist train KIND --preset PRESET`` in a child process (its images/s as it
prints them), then the same recipe from the Train page of a fresh ``streamlit run app.py``,
clicked in headless Chromium while ``--watchers`` tabs watch the page (the one that asked
and the others, whose pages rerun to show the job). The in-app figure is the trained model's
own ``train_images_per_s`` (same definition as the command line's) and the wall time from the
click to "stored as".
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_for_app  # noqa: E402

TAB_NAMES = {"dense": "Tutorial model (dense)", "single": "One garment (softmax)",
             "multi": "Several garments (multi-label)"}


def command_line(kind: str, preset: str) -> tuple[float, float]:
    """(images/s, seconds) of the project's command on this machine now."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        printed = subprocess.run([sys.executable, "-m", "fmnist", "train", kind, "--preset", preset, "--out", out],
                                 cwd=ROOT, capture_output=True, text=True, check=True).stdout
        wall = time.perf_counter() - start
    rate = float(re.search(r"\(([\d.]+) images/s\)", printed).group(1))
    return rate, wall


def in_app(kind: str, preset: str, watchers: int) -> tuple[float, float, dict]:
    """(images/s, seconds from the click to "stored as", the stored JSON) through the Train page."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, streamlit_server(Path(folder)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        tabs = [browser.new_page(viewport={"width": 1280, "height": 900}) for _ in range(max(watchers, 1))]
        for tab in tabs:
            tab.goto(url)
            wait_for_app(tab)
            tab.goto(f"{url}/train")
            wait_for_app(tab)
            tab.get_by_role("tab", name=TAB_NAMES[kind]).click()
            wait_for_app(tab)
        asking = tabs[0]
        panel = asking.locator('[role="tabpanel"]:visible')
        train = panel.get_by_role("button", name="Train", exact=True)
        for _ in range(3):  # a click that lands while the tab is still being drawn is lost
            panel.get_by_role("radiogroup").first.get_by_text("Train now", exact=True).click()
            wait_for_app(asking)
            try:
                train.wait_for(timeout=10_000)
                break
            except Exception:  # noqa: BLE001 - try the click again
                continue
        if preset != "quick":
            panel.get_by_text(preset.capitalize(), exact=True).click()
            wait_for_app(asking)
        start = time.perf_counter()
        train.click()
        panel.get_by_text("and stored as", exact=False).wait_for(timeout=1_800_000)
        wall = time.perf_counter() - start
        browser.close()
        stored = next((Path(folder) / "registry").glob(f"{kind}-*.json"))
        metadata = json.loads(stored.read_text())
    return float(metadata["train_images_per_s"]), wall, metadata


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", default="single", choices=sorted(TAB_NAMES))
    parser.add_argument("--preset", default="quick", choices=("quick", "full"))
    parser.add_argument("--watchers", type=int, default=3, help="browser tabs on the Train page")
    parser.add_argument("--rounds", type=int, default=2,
                        help="command line, app, command line, ...: each app run is set against the two command-line "
                             "runs around it (this host's speed drifts within minutes)")
    args = parser.parse_args()
    cli = [command_line(args.kind, args.preset)]
    print(f"command line: {args.kind} {args.preset}: {cli[-1][0]:,.0f} images/s, {cli[-1][1]:.0f} s in all", flush=True)
    ratios = []
    for _ in range(args.rounds):
        app_rate, app_wall, metadata = in_app(args.kind, args.preset, args.watchers)
        cli.append(command_line(args.kind, args.preset))
        around = statistics.mean([cli[-2][0], cli[-1][0]])
        ratios.append(app_rate / around)
        print(f"Train page, {args.watchers} tabs watching: {app_rate:,.0f} images/s ({ratios[-1]:.2f}x the command "
              f"line's {around:,.0f}, the mean of the runs before and after), {app_wall:.0f} s from the click to "
              f"\"stored as\" (training {metadata['wall_time_s']:.0f} s of it)", flush=True)
        print(f"command line: {cli[-1][0]:,.0f} images/s, {cli[-1][1]:.0f} s in all", flush=True)
    print(f"in-app training at {statistics.median(ratios):.2f}x the command line's images/s "
          f"(median of {len(ratios)} rounds: {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
