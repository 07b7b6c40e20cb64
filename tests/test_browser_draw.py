"""Draw & upload in a real browser: a stroke gets an answer; uploads good and broken."""

import io

import numpy as np
import pytest
from conftest import assert_no_exception, open_path, wait_for_app
from PIL import Image

from fmnist import data

pytestmark = pytest.mark.browser

METRIC = '[data-testid="stMetricValue"]'


def stroke(page, box, points):
    """One pen stroke through ``points`` given as fractions of the canvas."""
    x0, y0 = box["x"], box["y"]
    page.mouse.move(x0 + points[0][0] * box["width"], y0 + points[0][1] * box["height"])
    page.mouse.down()
    for x, y in points[1:]:
        page.mouse.move(x0 + x * box["width"], y0 + y * box["height"], steps=8)
    page.mouse.up()


TROUSERS = [[(0.35, 0.15), (0.65, 0.15)], [(0.37, 0.15), (0.33, 0.85)], [(0.63, 0.15), (0.67, 0.85)],
            [(0.5, 0.3), (0.45, 0.85)], [(0.5, 0.3), (0.55, 0.85)]]


def test_a_drawn_garment_gets_its_name_as_the_first_metric(page, app_url):
    open_path(page, app_url, "draw")
    page.get_by_text("Draw a garment in the square", exact=False).wait_for()
    canvas = page.locator("canvas.upper-canvas").first
    canvas.wait_for()
    box = canvas.bounding_box()
    for points in TROUSERS:
        stroke(page, box, points)
    page.locator(METRIC).first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert page.locator(METRIC).first.inner_text() in data.CLASS_NAMES
    page.locator(".st-key-crisp_draw_seen img").wait_for()  # the 28x28 picture the models saw
    assert_no_exception(page)


def test_uploads_a_broken_file_then_a_good_one(page, app_url, tmp_path, fmnist_data):
    _, (x_test, y_test) = fmnist_data
    shoe = x_test[np.flatnonzero(y_test == 9)[0]]
    good = tmp_path / "boot.png"
    Image.fromarray(255 - shoe).resize((200, 200)).save(good)
    broken = tmp_path / "broken.png"
    buffer = io.BytesIO()
    Image.fromarray(255 - shoe).resize((200, 200)).save(buffer, format="PNG")
    broken.write_bytes(buffer.getvalue()[:300])

    open_path(page, app_url, "draw")
    page.get_by_role("tab", name="Upload a picture").click()
    chooser = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    chooser.wait_for(state="attached", timeout=60_000)
    chooser.set_input_files(str(broken))
    page.get_by_text("damaged or cut short", exact=False).wait_for(timeout=60_000)
    wait_for_app(page)
    assert page.locator(METRIC).count() == 0
    assert_no_exception(page)

    chooser.set_input_files(str(good))
    page.locator(METRIC).first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert page.get_by_text("your picture", exact=True).count() == 1  # the conversion, step by step
    assert page.locator(METRIC).first.inner_text() in data.CLASS_NAMES
    assert page.get_by_text("damaged or cut short", exact=False).count() == 0
    assert_no_exception(page)
