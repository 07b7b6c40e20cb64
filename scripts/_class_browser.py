"""What the class screenshot scripts share: Chromium's flags, waiting for a page to settle, and a
teacher starting a class."""

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def settle(tab, wait: float = 1.0) -> None:
    """Wait until Streamlit has finished the page's run, then ``wait`` seconds more."""
    tab.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=180_000)
    tab.wait_for_timeout(300)
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=300_000)
    tab.wait_for_timeout(wait * 1000)


def start_class(teacher, words: dict) -> str:
    """The teacher opens 'Teach a class, or join one' and presses Start a class; returns the code."""
    teacher.get_by_text(words["box"]).click()
    teacher.get_by_role("button", name=words["start"]).click()
    metric = teacher.locator('[data-testid="stMetric"]').filter(has_text=words["code"])
    metric.wait_for(timeout=180_000)
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
