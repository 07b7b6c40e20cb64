"""The app in a real browser: it opens, speaks both languages, and shows no exception."""

import pytest

from conftest import assert_no_exception, wait_for_app

pytestmark = pytest.mark.browser


def test_home_opens_in_a_browser_without_exception(page, app_url, tmp_path):
    page.goto(app_url)
    wait_for_app(page)
    assert page.get_by_role("heading", name="Fashion-MNIST Studio").first.is_visible()
    assert_no_exception(page)
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)


def test_switching_to_korean_changes_the_page_and_the_url(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_text("한국어").click()
    page.get_by_role("heading", name="패션 MNIST 스튜디오").first.wait_for()
    assert "lang=ko" in page.url
    assert_no_exception(page)


def test_a_shared_korean_link_opens_in_korean(page, app_url):
    page.goto(f"{app_url}/?lang=ko")
    wait_for_app(page)
    page.get_by_role("heading", name="패션 MNIST 스튜디오").first.wait_for()
    assert_no_exception(page)
