"""The Compose and Browse pages in a real browser: sliders move by keyboard and the canvas follows."""

import pytest
from conftest import assert_no_exception, open_path, wait_for_app

pytestmark = pytest.mark.browser

CANVAS = ".st-key-crisp_compose_multi_canvas img"


def test_moving_the_object_count_slider_changes_the_canvas(page, app_url):
    open_path(page, app_url, "compose")
    canvas = page.locator(CANVAS)
    canvas.wait_for()
    before = canvas.get_attribute("src")
    ones_before = page.locator('[data-label="1"]').count()
    thumb = page.locator('[data-testid="stSlider"]').filter(has_text="Number of garments").get_by_role("slider")
    assert thumb.input_value() == "2"
    thumb.focus()
    page.keyboard.press("ArrowRight")  # 2 -> 3 garments
    page.wait_for_function(f"src => document.querySelector('{CANVAS}')?.src !== src", arg=before, timeout=30_000)
    wait_for_app(page)
    assert thumb.input_value() == "3"
    assert page.locator('[data-testid="stSelectbox"]').filter(has_text="Garment 3: class").count() == 1
    assert page.locator('[data-label="1"]').count() >= ones_before
    assert_no_exception(page)


def test_compose_and_browse_open_in_korean_without_exception(page, app_url):
    open_path(page, app_url, "compose?lang=ko")
    page.get_by_role("heading", name="합성 이미지 만들기").first.wait_for()
    page.locator(CANVAS).wait_for()
    assert_no_exception(page)
    page.goto(f"{app_url}/browse?lang=ko")
    wait_for_app(page)
    page.get_by_role("heading", name="데이터 둘러보기").first.wait_for()
    page.locator(".st-key-crisp_browse_strip img").nth(9).wait_for()
    assert page.locator(".st-key-crisp_browse_strip img").count() == 10
    assert_no_exception(page)
