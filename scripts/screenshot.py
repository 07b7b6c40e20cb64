"""Screenshots of the running app in headless Chromium, for the README and for looking.

    python scripts/screenshot.py http://127.0.0.1:8501 docs/home.png [path] [--lang ko] [--height 900]
"""

import argparse

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("path", nargs="?", default="")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full", action="store_true", help="the whole page, not only the viewport")
    parser.add_argument("--wait", type=float, default=2.0, help="seconds to wait after the app settles")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(f"{args.url.rstrip('/')}/{args.path}?lang={args.lang}")
        page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=120_000)
        page.wait_for_timeout(500)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=300_000)
        page.wait_for_timeout(args.wait * 1000)
        page.screenshot(path=args.out, full_page=args.full)
        browser.close()


if __name__ == "__main__":
    main()
