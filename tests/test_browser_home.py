"""The app in a real browser: it opens, speaks both languages, and shows no exception."""

import pytest

from conftest import assert_no_exception, streamlit_server, wait_for_app

pytestmark = pytest.mark.browser


def test_home_opens_in_a_browser_without_exception(page, app_url, tmp_path):
    page.goto(app_url)
    wait_for_app(page)
    # the heading may be drawn a moment after the app reports itself idle: wait for it (30 s at most)
    page.get_by_role("heading", name="Fashion-MNIST Studio").first.wait_for(timeout=30_000)
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


def test_a_link_to_a_page_on_a_freshly_started_server_opens_inside_the_app(page, tmp_path):
    # The first run of a new server is the one Streamlit would run the page file alone for
    # (a pages/ folder beside app.py); the page must still get the sidebar and the language.
    with streamlit_server(tmp_path) as url:
        page.goto(f"{url}/compose?lang=ko")
        wait_for_app(page)
        page.get_by_role("heading", name="합성 이미지 만들기").first.wait_for()
        sidebar = page.get_by_test_id("stSidebar")
        # the sidebar may arrive a moment after the page's body: wait for it (fails after 30 s)
        sidebar.get_by_text("Language / 언어").wait_for(timeout=30_000)
        sidebar.get_by_text("학습").first.wait_for(timeout=30_000)  # the app's own navigation, in Korean
        assert "/compose" in page.url and "lang=ko" in page.url
        assert page.get_by_text("Page not found").count() == 0
        assert_no_exception(page)


def test_a_korean_link_on_a_freshly_started_server_stays_korean_after_a_click(page, tmp_path):
    # The first run there runs the page file alone, the next ones go through app.py: Streamlit
    # then saw the language picker as a new widget and reset it to English at the first click.
    with streamlit_server(tmp_path) as url:
        page.goto(f"{url}/train?lang=ko")
        wait_for_app(page)
        page.get_by_role("heading", name="모델 학습").first.wait_for()
        page.locator("text=지금 학습 >> visible=true").first.click()  # the radio of the open tab
        page.locator("text=학습 방법 >> visible=true").first.wait_for(timeout=30_000)  # the recipe choice: the click's rerun has drawn
        wait_for_app(page)
        page.get_by_role("heading", name="모델 학습").first.wait_for(timeout=30_000)
        assert "lang=ko" in page.url
        page.get_by_test_id("stSidebar").get_by_text("English").click()  # and the picker still works
        page.get_by_role("heading", name="Train the models").first.wait_for()
        assert "lang=en" in page.url
        assert_no_exception(page)


def test_the_first_click_on_a_page_opened_by_its_link_on_a_fresh_server_counts(page, tmp_path):
    # Without the page's second run through app.py, the first click found its widget new: the
    # tab stayed shut (found taking the README's screenshots).
    with streamlit_server(tmp_path) as url:
        page.goto(f"{url}/draw?lang=en")
        wait_for_app(page)
        page.get_by_role("heading", name="Draw or upload a garment").first.wait_for()
        page.get_by_role("tab", name="Upload a picture").click()
        page.get_by_test_id("stFileUploaderDropzoneInput").wait_for(state="attached", timeout=30_000)
        assert_no_exception(page)
