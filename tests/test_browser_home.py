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


NAV_LINKS = """() => Array.from(document.querySelectorAll('[data-testid="stSidebarNav"] a'))
                          .map(a => a.innerText.trim().split('\\n').pop().trim()).filter(Boolean)"""


def test_a_link_to_a_page_on_a_freshly_started_server_shows_the_apps_navigation_first(page, tmp_path):
    # Streamlit's old multipage mode (a pages/ folder beside the app's script) showed a fresh
    # server's first visitor the bare list of page files ("browse", "compose" …) before the app's
    # navigation: every navigation the browser draws, from the first, must be the app's own.
    from ui.shell import PAGES

    files = {name for name, _, _ in PAGES}
    with streamlit_server(tmp_path) as url:
        page.goto(f"{url}/compose?lang=ko", wait_until="commit")
        seen = []
        heading = page.get_by_role("heading", name="합성 이미지 만들기")
        for _ in range(1200):  # 60 s at most
            links = page.evaluate(NAV_LINKS)
            if links and (not seen or seen[-1] != links):
                seen.append(links)
            if links and heading.count():
                break
            page.wait_for_timeout(50)
        assert seen, "no navigation drawn"
        for links in seen:
            assert not files & {link.lower() for link in links}, f"page files listed as a navigation: {links}"
            assert "학습" in links and "합성 이미지" in " ".join(links), links  # the app's own, in Korean
        wait_for_app(page)
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Language / 언어").wait_for(timeout=30_000)
        assert "/compose" in page.url and "lang=ko" in page.url
        assert page.get_by_text("Page not found").count() == 0
        assert_no_exception(page)


def test_a_korean_link_on_a_freshly_started_server_stays_korean_after_a_click(page, tmp_path):
    # The language picker must keep Korean through a fresh server's first runs and the first click.
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
