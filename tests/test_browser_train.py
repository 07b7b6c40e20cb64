"""The Train page in a real browser: a tiny training from a click to its test figures."""

import pytest
from playwright.sync_api import expect

from conftest import assert_no_exception, wait_for_app

pytestmark = pytest.mark.browser


def open_train_page(page, app_url):
    """The Train page, with its first tab (the tutorial's dense model) showing."""
    page.goto(f"{app_url}/train")
    wait_for_app(page)
    page.get_by_role("heading", name="Train the models").first.wait_for()


def test_a_tiny_training_runs_from_the_train_page_and_its_model_is_put_in_use(page, app_url):
    open_train_page(page, app_url)
    tab = page.locator('[role="tabpanel"]:visible')  # the first tab: the tutorial's dense model

    tab.get_by_role("radiogroup").first.get_by_text("Train now", exact=True).click()
    wait_for_app(page)
    train_size = tab.locator('[data-testid="stSlider"]').filter(has_text="Training images").get_by_role("slider")
    train_size.focus()
    page.keyboard.press("Home")  # the smallest training set the page offers
    wait_for_app(page)
    assert train_size.input_value() == "500"

    tab.get_by_role("button", name="Train", exact=True).click()
    tab.get_by_text("Training dense-", exact=False).first.wait_for(timeout=60_000)  # the job's panel
    tab.get_by_text("and stored as", exact=False).wait_for(timeout=180_000)  # the success message
    wait_for_app(page)

    tab.get_by_text("Test accuracy").wait_for()
    tab.get_by_text("Trained before with exactly these settings, and in use now.").wait_for()
    page.locator('[data-testid="stSidebar"]').get_by_text("trained in this session", exact=False).wait_for()
    assert tab.locator('[data-testid="stVegaLiteChart"]').count() >= 2  # loss and accuracy curves
    assert_no_exception(page)


def test_multi_can_be_asked_for_sigmoid_tiles_from_the_train_page(page, app_url):
    open_train_page(page, app_url)
    page.get_by_role("tab", name="Several garments (multi-label)").click()
    tab = page.locator('[role="tabpanel"]:visible')
    tab.get_by_role("radiogroup").first.get_by_text("Train now", exact=True).click()
    wait_for_app(page)
    tab.get_by_text("Network architecture", exact=True).click()  # the expander with the tile network's knobs
    sigmoid = tab.get_by_text("ten sigmoids: each class yes or no (binary cross-entropy)", exact=True)
    sigmoid.wait_for()
    wait_for_app(page)  # the expander's content settled before the click
    sigmoid.click()
    expect(tab.get_by_role("radio", name="ten sigmoids: each class yes or no (binary cross-entropy)")).to_be_checked(
        timeout=30_000)
    wait_for_app(page)
    tab.get_by_role("button", name="Train", exact=True).wait_for()  # a recipe of its own, not stored yet
    assert_no_exception(page)
