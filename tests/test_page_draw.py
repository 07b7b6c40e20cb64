"""The Draw & upload page with Streamlit's AppTest: uploads good and bad, in both languages.

Drawing itself needs a real browser (the canvas is a custom component): test_browser_draw.py.
"""

import io
import struct
import zlib

import numpy as np
import pytest
from conftest import open_app
from PIL import Image

from fmnist import i18n

PAGE = "pages/draw.py"


def open_upload_tab(lang: str = "en"):
    at = open_app(lang, PAGE, timeout=120)
    at.session_state["draw_tab"] = i18n.t("draw.tab_upload", lang)
    return at.run()


def upload(at, name: str, payload: bytes, mime: str = "image/png"):
    at.file_uploader(key="draw_upload").set_value((name, payload, mime))
    return at.run()


def product_photo(image28: np.ndarray, fmt: str = "PNG") -> bytes:
    """A test garment as a shop would show it: dark on white, larger, off-centre."""
    garment = Image.fromarray(255 - image28).resize((168, 168), Image.Resampling.BICUBIC)
    photo = Image.new("L", (300, 240), 255)
    photo.paste(garment, (100, 40))
    buffer = io.BytesIO()
    photo.convert("RGB").save(buffer, format=fmt)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels (a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def sneaker(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    return x_test[np.flatnonzero(y_test == 7)[0]]


@pytest.mark.parametrize("lang, title", [("en", "Draw or upload a garment"), ("ko", "옷을 그리거나 올려 보세요")])
def test_draw_opens_with_a_prompt_and_no_prediction_of_nothing(lang, title):
    at = open_app(lang, PAGE, timeout=120)
    assert not at.exception, at.exception
    assert at.title[0].value == title
    assert at.info[0].value == i18n.t("draw.empty", lang)
    assert not at.metric


def test_an_uploaded_product_photo_is_converted_step_by_step_and_named(sneaker):
    at = upload(open_upload_tab(), "sneaker.png", product_photo(sneaker))
    assert not at.exception and not at.error, (at.exception, at.error)
    steps = next(image for image in at.image if "your picture" in image.captions)
    assert steps.captions[0] == "your picture" and len(steps.captions) >= 4
    assert at.metric[0].label.endswith("says")
    assert at.metric[0].value in i18n.class_names("en")


def test_the_answer_is_named_in_korean_when_korean_is_chosen(sneaker):
    at = upload(open_upload_tab("ko"), "sneaker.jpg", product_photo(sneaker, "JPEG"), "image/jpeg")
    assert not at.exception and not at.error
    assert at.metric[0].value in i18n.class_names("ko")


def test_saying_what_it_is_turns_on_the_verdict(sneaker):
    at = upload(open_upload_tab(), "sneaker.png", product_photo(sneaker))
    predicted = at.metric[0].value
    said = i18n.class_names("en").index(predicted)
    at.selectbox(key="draw_truth").set_value(said).run()
    assert not at.exception
    assert [s.value for s in at.success] == [i18n.t("draw.right", "en")] and not at.error
    at.selectbox(key="draw_truth").set_value((said + 1) % 10).run()
    assert not at.exception and not at.success
    assert [e.value for e in at.error] == [i18n.t("draw.wrong", "en", predicted=predicted)]


#: name -> (the file, the message's key, the values it names)
BAD_FILES = {
    "empty": (b"", "draw.rejected_empty", {}),
    "text named .png": (b"these are not the pixels you are looking for\n" * 4, "draw.rejected_not_image", {}),
    "truncated": (None, "draw.rejected_broken", {}),
    "bomb": (png_claiming(40_000, 40_000), "draw.rejected_too_many_pixels",
             {"width": 40_000, "height": 40_000, "limit": 25_000_000}),
    "1x1": (None, "draw.rejected_too_small", {"width": 1, "height": 1}),
    "blank white": (None, "draw.rejected_blank", {}),
}


def bad_payload(name: str, sneaker: np.ndarray) -> bytes:
    if name == "truncated":
        return product_photo(sneaker)[:400]
    if name == "1x1":
        buffer = io.BytesIO()
        Image.new("L", (1, 1), 128).save(buffer, format="PNG")
        return buffer.getvalue()
    if name == "blank white":
        buffer = io.BytesIO()
        Image.new("RGB", (200, 200), "white").save(buffer, format="PNG")
        return buffer.getvalue()
    return BAD_FILES[name][0]


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_gets_a_message_and_the_next_upload_works(name, sneaker):
    at = upload(open_upload_tab(), "garment.png", bad_payload(name, sneaker))
    assert not at.exception, at.exception
    assert len(at.error) == 1 and not at.metric
    _, message, values = BAD_FILES[name]
    assert at.error[0].value == i18n.t(message, "en", **values)
    at = upload(at, "sneaker.png", product_photo(sneaker))
    assert not at.exception and not at.error
    assert at.metric[0].value in i18n.class_names("en")


def test_a_file_over_the_upload_limit_is_refused_in_code(sneaker):
    big = product_photo(sneaker) + b"\0" * 6_000_000  # trailing bytes after IEND: a valid but oversized PNG
    at = upload(open_upload_tab(), "big.png", big)
    assert not at.exception
    assert len(at.error) == 1 and "MB" in at.error[0].value


def test_the_two_by_two_tab_opens_with_its_prompt():
    at = open_app("en", PAGE, timeout=120)
    at.session_state["draw_tab"] = i18n.t("draw.tab_four", "en")
    at.run()
    assert not at.exception
    assert at.info[0].value == i18n.t("draw.empty_four", "en")
