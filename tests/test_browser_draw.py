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


def seen_canvas(page) -> np.ndarray:
    """The 56x56 canvas the models saw, read back from the page's picture of it (5 pixels a pixel)."""
    source = page.locator(".st-key-crisp_draw_four_seen img").first.get_attribute("src")
    reply = page.request.get(source if source.startswith("http") else page.url.split("/draw")[0] + source)
    preview = np.asarray(Image.open(io.BytesIO(reply.body())).convert("L"))
    assert preview.shape == (280, 280)
    return preview[2::5, 2::5]  # each block's middle: clear of the faint quadrant lines


def test_a_2x2_drawing_puts_each_garment_in_its_quadrant_and_both_models_answer(page, app_url):
    open_path(page, app_url, "draw")
    page.get_by_role("tab", name="Draw up to four (2x2)").click()
    page.get_by_text("Draw up to four garments", exact=False).wait_for(timeout=60_000)
    canvas = page.locator("canvas.upper-canvas").first
    canvas.wait_for()
    box = canvas.bounding_box()
    for dx, dy in ((0.5, 0), (0, 0.5)):  # trousers top-right, then bottom-left
        for points in TROUSERS:
            stroke(page, box, [(dx + x / 2, dy + y / 2) for x, y in points])
    page.locator(".st-key-crisp_draw_four_seen img").wait_for(timeout=60_000)
    page.get_by_text("The model says", exact=False).nth(1).wait_for(timeout=60_000)
    wait_for_app(page)

    seen = seen_canvas(page)
    inked = [bool(quadrant.max() > 128) for quadrant in (seen[:28, :28], seen[:28, 28:], seen[28:, :28], seen[28:, 28:])]
    assert inked == [False, True, True, False]
    said = page.get_by_text("The model says", exact=False).all_inner_texts()
    assert len(said) == 2, "the softmax and the multi-label model each answer"
    assert_no_exception(page)


def fake_camera_video(path, picture: np.ndarray, frames: int = 10) -> None:
    """A Y4M video (640x480, greyscale, 4:2:0) of ``picture`` centred on white, for Chromium's fake camera."""
    width, height = 640, 480
    frame = np.full((height, width), 255, np.uint8)
    top, left = (height - picture.shape[0]) // 2, (width - picture.shape[1]) // 2
    frame[top:top + picture.shape[0], left:left + picture.shape[1]] = picture
    grey = np.full((height // 2) * (width // 2) * 2, 128, np.uint8).tobytes()  # U and V: no colour
    with open(path, "wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + frame.tobytes() + grey)


@pytest.fixture
def camera_page(browser, tmp_path, fmnist_data):
    """A tab of a browser of its own whose camera films a sneaker from the test set on white paper."""
    from conftest import CHROMIUM, CHROMIUM_ARGS, new_tab

    _, (x_test, y_test) = fmnist_data
    sneaker = np.asarray(Image.fromarray(255 - x_test[np.flatnonzero(y_test == 7)[0]]).resize((280, 280)))
    video = tmp_path / "sneaker.y4m"
    fake_camera_video(video, sneaker)
    args = [*CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}"]
    filming = browser.browser_type.launch(executable_path=CHROMIUM, headless=True, args=args)
    yield new_tab(filming)
    filming.close()


def test_the_photo_tab_converts_what_the_camera_sees_and_names_it(camera_page, app_url):
    page = camera_page
    open_path(page, app_url, "draw")
    page.get_by_role("tab", name="Take a photo").click()
    page.get_by_text("Point the camera at one garment", exact=False).wait_for(timeout=60_000)
    page.wait_for_function("() => { const video = document.querySelector('video');"
                           " return video && video.readyState >= 2 && video.videoWidth > 0; }", timeout=60_000)
    page.get_by_role("button", name="Take Photo").click()
    page.locator(METRIC).first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert page.get_by_text("your picture", exact=True).count() == 1  # the photo, converted step by step
    assert page.locator(METRIC).first.inner_text() == "Sneaker"  # what the camera filmed
    assert_no_exception(page)
