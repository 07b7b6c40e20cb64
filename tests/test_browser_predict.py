"""The Predict page in a real browser: the tutorial's grid, the threshold slider, and a canvas sent from Compose."""

import pytest
from conftest import assert_no_exception, open_path, wait_for_app

pytestmark = pytest.mark.browser

GRID = '[data-testid="stImage"] img'


def image_sources(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "images => images.map(image => image.src)")


def test_the_tutorial_grid_follows_its_sliders_and_filters(page, app_url):
    open_path(page, app_url, "predict")
    page.get_by_text("The tutorial's grid").first.wait_for()
    caption = page.get_by_text("matching test pictures", exact=False)
    assert caption.inner_text().startswith("15 of 10,000")
    before = image_sources(page, GRID)
    rows = page.locator('[data-testid="stSlider"]').filter(has_text="Rows").get_by_role("slider")
    rows.focus()
    page.keyboard.press("ArrowLeft")  # 5 -> 4 rows
    page.get_by_text("12 of 10,000 matching", exact=False).wait_for(timeout=60_000)
    wait_for_app(page)
    assert image_sources(page, GRID) != before
    page.get_by_text("Only mistakes").click()
    page.get_by_text("12 of 1,", exact=False).wait_for(timeout=60_000)  # about 1,200 mistakes of 10,000
    assert_no_exception(page)


def test_the_threshold_slider_redraws_the_multi_label_bars(page, app_url):
    open_path(page, app_url, "predict")
    page.get_by_role("tab", name="Several garments").click()
    bars = page.locator(".st-key-multi_bars img")
    bars.wait_for(timeout=120_000)
    wait_for_app(page)
    before = bars.get_attribute("src")
    threshold = page.locator('[data-testid="stSlider"]').filter(has_text="Decision threshold").get_by_role("slider")
    threshold.focus()
    page.keyboard.press("Home")  # 0.05: every class with a little evidence counts as present
    page.wait_for_function("src => document.querySelector('.st-key-multi_bars img')?.src !== src", arg=before,
                           timeout=60_000)
    wait_for_app(page)
    assert threshold.input_value() == "0.05"
    assert_no_exception(page)


def test_send_to_prediction_opens_predict_with_the_same_canvas(page, app_url):
    open_path(page, app_url, "compose")
    count = page.locator('[data-testid="stSlider"]').filter(has_text="Number of garments").get_by_role("slider")
    count.focus()
    page.keyboard.press("ArrowRight")  # three garments
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stTable\"] tbody tr')]"
                           ".filter(row => !row.innerText.includes('empty')).length === 3", timeout=60_000)
    wait_for_app(page)
    garments = page.eval_on_selector_all('[data-testid="stTable"] tbody tr',
                                         "rows => rows.map(row => row.querySelectorAll('td,th')[1].innerText.trim())")
    page.locator(".st-key-compose_multi_send button").click()
    page.wait_for_url("**/predict**", timeout=60_000)
    wait_for_app(page, timeout=180_000)
    assert page.get_by_role("tab", name="Softmax vs multi-label").get_attribute("aria-selected") == "true"
    truth = page.get_by_text("On the canvas:", exact=False).first.inner_text()
    named = [g for g in garments if not g.startswith("—")]
    assert len(named) == 3 and all(name in truth for name in named), (garments, truth)
    page.locator(".st-key-single_bars img").wait_for()
    page.locator(".st-key-multi_bars img").wait_for()
    assert_no_exception(page)
