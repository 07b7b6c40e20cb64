"""A user's own picture made into a model input: safe decoding, Fashion-MNIST's conversion,
drawings. Every input file is built here with Pillow."""

import io
import struct
import warnings
import zlib

import numpy as np
import pytest
from PIL import Image, ImageFile

from fmnist import preprocess
from fmnist.preprocess import ImageRejected


def encode(image: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def garment_on(background, size=(300, 200), box=(40, 30, 120, 70), colour=0, mode="L") -> Image.Image:
    """A plain rectangle (the "garment", 80x40 by default) off-centre on a plain background."""
    image = Image.new(mode, size, background)
    image.paste(colour, box)
    return image


def bright_box(result: np.ndarray, level: int = 128) -> tuple[int, int, int, int]:
    """(top, left, height, width) of the pixels brighter than ``level``."""
    rows, cols = np.flatnonzero((result > level).any(axis=1)), np.flatnonzero((result > level).any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def png_claiming(width: int, height: int) -> bytes:
    """A valid 1x1 greyscale PNG whose IHDR is patched to claim width x height (CRC fixed)."""
    data = bytearray(encode(Image.new("L", (1, 1))))
    ihdr = 8 + 4  # after the signature and the chunk's length
    data[ihdr + 4:ihdr + 12] = struct.pack(">II", width, height)
    data[ihdr + 17:ihdr + 21] = struct.pack(">I", zlib.crc32(bytes(data[ihdr:ihdr + 17])))
    return bytes(data)


def rejection(data: bytes, **limits) -> ImageRejected:
    with pytest.raises(ImageRejected) as caught:
        preprocess.decode_image(data, **limits)
    return caught.value


# --- Refused uploads ----------------------------------------------------------------------------

def test_an_empty_file_is_refused():
    assert rejection(b"").reason == "empty"


def test_a_text_file_named_png_is_not_an_image():
    refused = rejection(b"name,price\nT-shirt,9.99\n" * 20)
    assert refused.reason == "not_image"
    assert "PNG" in refused.details["formats"] and isinstance(refused, ValueError)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_truncated_file_is_broken(fmt):
    data = encode(Image.effect_noise((120, 120), 60).convert("RGB"), fmt)
    refused = rejection(data[:len(data) // 2])
    assert refused.reason == "broken" and refused.details["format"] == fmt


def test_a_png_whose_header_is_cut_short_is_broken_not_unknown():
    assert rejection(encode(Image.new("L", (20, 20)))[:20]).reason == "broken"


def test_a_decompression_bomb_is_refused_before_any_pixel_is_decoded(monkeypatch):
    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    bomb = png_claiming(40_000, 40_000)
    assert len(bomb) < 100
    refused = rejection(bomb)  # how long it takes: bench/bench_decode.py
    assert refused.reason == "too_many_pixels"
    assert refused.details == {"width": 40_000, "height": 40_000, "megapixels": 1600.0,
                               "limit": 25_000_000, "limit_mp": 25.0}


def gif_claiming(width: int, height: int) -> bytes:
    """A valid 16x16 GIF whose logical screen is patched to claim width x height."""
    data = bytearray(encode(Image.effect_noise((16, 16), 60).convert("L"), "GIF"))
    data[6:10] = struct.pack("<HH", width, height)
    return bytes(data)


def bmp_claiming(width: int, height: int) -> bytes:
    """A valid 16x16 BMP whose info header is patched to claim width x height."""
    data = bytearray(encode(Image.effect_noise((16, 16), 60).convert("L"), "BMP"))
    data[18:26] = struct.pack("<ii", width, height)
    return bytes(data)


def webp_claiming(width: int, height: int) -> bytes:
    """A valid 16x16 lossless WebP whose VP8L header is patched to claim width x height (at most 16384)."""
    data = bytearray(encode(Image.effect_noise((16, 16), 60).convert("RGB"), "WEBP", lossless=True))
    assert data[12:16] == b"VP8L" and data[20] == 0x2F
    bits = struct.unpack("<I", data[21:25])[0] & ~((1 << 28) - 1)  # keep the alpha and version bits
    data[21:25] = struct.pack("<I", bits | (width - 1) | (height - 1) << 14)
    return bytes(data)


@pytest.mark.parametrize("claiming, fmt", [(gif_claiming, "GIF"), (bmp_claiming, "BMP"), (webp_claiming, "WEBP")])
@pytest.mark.parametrize("side", [6000, 16_384])  # over our limit only; over Pillow's own too
def test_a_gif_bmp_or_webp_header_claiming_a_huge_size_is_refused_before_decoding(monkeypatch, claiming, fmt, side):
    small = claiming(16, 16)
    assert preprocess.decode_image(small).format == fmt  # the file itself is a good picture

    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    refused = rejection(claiming(side, side))
    assert refused.reason == "too_many_pixels"
    assert (refused.details["width"], refused.details["height"]) == (side, side)


@pytest.mark.parametrize("fmt, name, options", [("WEBP", "WebP", {}), ("WEBP", "WebP", {"lossless": True}),
                                                ("GIF", "GIF", {}), ("BMP", "BMP", {})])
def test_a_truncated_webp_gif_or_bmp_is_broken(fmt, name, options):
    data = encode(Image.effect_noise((120, 120), 60).convert("RGB"), fmt, **options)
    for cut in (40, len(data) // 2, len(data) - 10):
        refused = rejection(data[:cut])
        assert (refused.reason, refused.details) == ("broken", {"format": name}), cut


def test_a_tiff_is_not_an_accepted_image():
    refused = rejection(encode(garment_on(255), "TIFF"))
    assert refused.reason == "not_image" and "TIFF" not in refused.details["formats"]


def test_a_fully_transparent_png_is_white_and_refused_as_blank():
    data = encode(Image.new("RGBA", (60, 60), (0, 0, 0, 0)))
    decoded = preprocess.decode_image(data)
    assert decoded.image.mode == "RGB" and np.unique(np.asarray(decoded.image)).tolist() == [255]
    with pytest.raises(ImageRejected) as caught:
        preprocess.upload_to_input(data)
    assert caught.value.reason == "blank"


def test_a_header_over_our_limit_but_under_pillows_is_refused_by_ours():
    refused = rejection(png_claiming(6000, 6000))
    assert refused.reason == "too_many_pixels"
    assert refused.details == {"width": 6000, "height": 6000, "megapixels": 36.0, "limit": 25_000_000, "limit_mp": 25.0}


def test_pillows_own_bomb_warning_becomes_a_refusal_not_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        refused = rejection(png_claiming(10_000, 10_000), max_pixels=10**12)
    assert refused.reason == "too_many_pixels"
    assert (refused.details["width"], refused.details["megapixels"]) == (10_000, 100.0)


def test_a_file_over_the_size_limit_is_refused_with_its_size():
    data = encode(Image.effect_noise((400, 400), 80))
    refused = rejection(data, max_bytes=100_000)
    assert refused.reason == "too_big_file"
    assert refused.details == {"size_mb": round(len(data) / 1e6, 1), "limit_mb": 0.1}


def test_a_one_pixel_image_is_too_small():
    refused = rejection(encode(Image.new("RGB", (1, 1), "white")))
    assert refused.reason == "too_small" and refused.details == {"width": 1, "height": 1, "min_px": 8}


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_blank_white_upload_is_refused_as_blank(fmt):
    with pytest.raises(ImageRejected) as caught:
        preprocess.upload_to_input(encode(Image.new("RGB", (400, 300), "white"), fmt))
    assert caught.value.reason == "blank" and caught.value.details == {}


# --- Accepted formats and modes -------------------------------------------------------------------

def test_an_animated_gif_gives_its_first_frame_and_its_frame_count():
    first = garment_on(255, (60, 60), (10, 10, 30, 50))
    others = [garment_on(255, (60, 60), (0, 40, 60, 50)), Image.new("L", (60, 60), 0)]
    data = encode(first, "GIF", save_all=True, append_images=others, duration=100, loop=0)
    decoded = preprocess.decode_image(data)
    assert decoded.frames == 3 and decoded.format == "GIF"
    np.testing.assert_array_equal(np.asarray(decoded.image.convert("L")), np.asarray(first))
    assert preprocess.upload_to_input(data).frames == 3


def test_a_phones_multi_picture_jpeg_is_one_jpeg_frame():
    photo = garment_on("white", mode="RGB", colour=(0, 0, 0))
    decoded = preprocess.decode_image(encode(photo, "MPO", save_all=True, append_images=[photo.resize((60, 40))]))
    assert decoded.format == "JPEG" and decoded.frames == 1 and decoded.image.size == (300, 200)


def test_a_16_bit_greyscale_png_is_scaled_to_8_bits_not_clipped():
    levels = np.array([[0, 257 * 64, 257 * 128, 65535]], dtype=np.uint16).repeat(10, axis=0).repeat(3, axis=1)
    image = Image.fromarray(levels)
    assert image.mode == "I;16"
    decoded = preprocess.decode_image(encode(image))
    assert decoded.image.mode == "L"
    np.testing.assert_array_equal(np.asarray(decoded.image)[0, ::3], [0, 64, 128, 255])


def test_a_32_bit_integer_and_a_float_image_are_scaled_like_their_values():
    sixteen = Image.fromarray(np.full((10, 10), 32896, dtype=np.int32))
    unit = Image.fromarray(np.full((10, 10), 0.5, dtype=np.float32))
    assert (sixteen.mode, unit.mode) == ("I", "F")
    assert np.asarray(preprocess.flatten(sixteen))[0, 0] == 128
    assert np.asarray(preprocess.flatten(unit))[0, 0] == 128


def test_a_cmyk_jpeg_becomes_rgb():
    cyan = Image.new("CMYK", (40, 40), (255, 0, 0, 0))
    decoded = preprocess.decode_image(encode(cyan, "JPEG", quality=95))
    assert decoded.image.mode == "RGB"
    red, green, blue = np.asarray(decoded.image)[20, 20].astype(int)
    assert red < 20 and green > 235 and blue > 235


def test_a_transparent_png_is_flattened_onto_white():
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (10, 10, 30, 30))
    decoded = preprocess.decode_image(encode(image))
    pixels = np.asarray(decoded.image)
    assert decoded.image.mode == "RGB"
    assert tuple(pixels[0, 0]) == (255, 255, 255) and tuple(pixels[20, 20]) == (200, 0, 0)


def test_a_palette_png_with_a_transparent_colour_is_flattened_onto_white():
    image = Image.new("P", (40, 40), 0)
    image.putpalette([0, 0, 0, 30, 60, 90] + [0] * 762)
    image.paste(1, (10, 10, 30, 30))
    data = encode(image, transparency=0)
    assert Image.open(io.BytesIO(data)).mode == "P"
    pixels = np.asarray(preprocess.decode_image(data).image)
    assert tuple(pixels[0, 0]) == (255, 255, 255) and tuple(pixels[20, 20]) == (30, 60, 90)


def test_a_grey_image_with_alpha_stays_greyscale_on_white():
    image = Image.new("LA", (20, 20), (0, 0))
    image.paste((100, 255), (5, 5, 15, 15))
    pixels = np.asarray(preprocess.decode_image(encode(image)).image)
    assert pixels.ndim == 2 and pixels[0, 0] == 255 and pixels[10, 10] == 100


def test_a_one_bit_bmp_and_a_webp_decode():
    one_bit = preprocess.decode_image(encode(garment_on(255, mode="1"), "BMP"))
    assert one_bit.format == "BMP" and set(np.unique(np.asarray(one_bit.image))) == {0, 255}
    webp = preprocess.decode_image(encode(garment_on("white", mode="RGB", colour=(0, 0, 0)), "WEBP", lossless=True))
    assert webp.format == "WEBP" and webp.image.size == (300, 200)


@pytest.mark.parametrize("orientation, stored_as", [(6, Image.Transpose.ROTATE_90), (8, Image.Transpose.ROTATE_270)])
def test_an_exif_orientation_turns_the_picture_upright(orientation, stored_as):
    upright = garment_on(255, (60, 30), (0, 0, 10, 10))  # wide, black corner top-left
    exif = Image.Exif()
    exif[0x0112] = orientation
    decoded = preprocess.decode_image(encode(upright.transpose(stored_as), exif=exif))
    assert decoded.image.size == (60, 30)
    np.testing.assert_array_equal(np.asarray(decoded.image), np.asarray(upright))


def test_a_large_jpeg_is_decoded_at_working_size():
    photo = garment_on("white", (3000, 2000), (400, 300, 1200, 700), mode="RGB")
    decoded = preprocess.decode_image(encode(photo, "JPEG"))
    assert decoded.size == (3000, 2000) and max(decoded.image.size) <= preprocess.WORKING_SIZE


# --- Fashion-MNIST's conversion -------------------------------------------------------------------

def test_a_dark_garment_off_centre_on_white_ends_light_centred_and_28_long():
    conversion = preprocess.fashion_mnist_like(garment_on(255))
    result = conversion.result
    assert conversion.negated and result.shape == (28, 28) and result.dtype == np.uint8
    assert bright_box(result) == (7, 0, 14, 28)
    assert result[10:18].min() > 240 and result[:6].max() < 10 and result[22:].max() < 10


def test_a_light_garment_on_black_is_not_negated():
    conversion = preprocess.fashion_mnist_like(garment_on(0, size=(100, 100), box=(50, 10, 70, 90), colour=230))
    assert not conversion.negated
    top, left, height, width = bright_box(conversion.result)
    assert (top, height) == (0, 28) and width == 7 and left == 11
    assert conversion.result[:, :10].max() < 10


def test_a_garment_on_a_coloured_backdrop_ends_on_black():
    photo = garment_on((170, 200, 230), mode="RGB", colour=(60, 20, 20))
    result = preprocess.fashion_mnist_like(photo).result
    assert bright_box(result) == (7, 0, 14, 28)
    assert result[:6].max() < 10 and result[10:18].min() > 240


def test_a_dark_garment_on_a_mid_grey_blue_backdrop_is_still_negated():
    photo = garment_on((106, 104, 201), mode="RGB", colour=(8, 25, 43))  # the backdrop's luma is 116
    conversion = preprocess.fashion_mnist_like(photo)
    assert conversion.negated and bright_box(conversion.result) == (7, 0, 14, 28)


def test_a_light_garment_on_a_light_grey_backdrop_stays_light():
    conversion = preprocess.fashion_mnist_like(garment_on(200, colour=255))
    assert not conversion.negated and bright_box(conversion.result) == (7, 0, 14, 28)


def test_a_gradient_backdrop_is_trimmed_and_taken_away():
    shade = np.linspace(255, 175, 300, dtype=np.float32)[None, :, None].repeat(200, axis=0).repeat(3, axis=2)
    shade[30:70, 200:280] = 40
    result = preprocess.fashion_mnist_like(Image.fromarray(shade.astype(np.uint8))).result
    assert bright_box(result) == (7, 0, 14, 28)
    assert result[:6].max() < 10


def test_a_noisy_backdrop_does_not_stop_the_trim():
    noise = np.random.default_rng(0).normal(0, 8, size=(300, 400))
    photo = np.clip(235 + noise, 0, 255)
    photo[100:200, 150:200] = 30
    result = preprocess.fashion_mnist_like(Image.fromarray(photo.astype(np.uint8))).result
    top, left, height, width = bright_box(result)
    assert (top, height) == (0, 28) and 13 <= width <= 15


def test_every_step_is_kept_for_the_strip():
    conversion = preprocess.fashion_mnist_like(garment_on("white", mode="RGB", colour=(90, 30, 30)))
    codes = [code for code, _ in conversion.steps]
    assert codes == ["original", "trimmed", "negated", "stretched", "resized", "centred"]
    for _, picture in conversion.steps:
        assert picture.dtype == np.uint8 and max(picture.shape[:2]) <= preprocess.STRIP_SIZE
    assert conversion.steps[0][1].shape == (75, 112, 3)
    np.testing.assert_array_equal(conversion.steps[-1][1], conversion.result)


def test_is_blank_tells_an_empty_picture_from_a_garment():
    assert preprocess.is_blank(np.zeros((28, 28), np.uint8))
    assert preprocess.is_blank(np.full((28, 28), 12, np.uint8))
    garment = np.zeros((28, 28), np.uint8)
    garment[5:20, 5:20] = 200
    assert not preprocess.is_blank(garment)


@pytest.fixture(scope="module")
def dense_predictor():
    from fmnist import registry
    from fmnist.inference import Predictor

    return Predictor(registry.load_model(registry.SHIPPED_DIR / "dense.keras"))


def test_a_fashion_mnist_image_comes_back_essentially_unchanged(fmnist_data, dense_predictor):
    _, (x_test, _) = fmnist_data
    images = x_test[:200]
    results = np.stack([preprocess.upload_to_input(encode(Image.fromarray(image))).result for image in images])
    differences = np.abs(results.astype(np.int16) - images).mean(axis=(1, 2))
    assert differences.mean() < 3 and np.median(differences) == 0
    same = dense_predictor(results).argmax(axis=1) == dense_predictor(images).argmax(axis=1)
    assert same.mean() >= 0.95


# --- Drawings ---------------------------------------------------------------------------------------

def canvas(size=280, background=(0, 0, 0, 0)) -> np.ndarray:
    return np.tile(np.array(background, dtype=np.uint8), (size, size, 1))


def stroke(drawing: np.ndarray, colour, rows=slice(100, 120), cols=slice(60, 220)) -> np.ndarray:
    drawing = drawing.copy()
    drawing[rows, cols] = colour
    return drawing


@pytest.mark.parametrize("background", [(0, 0, 0, 0), (0, 0, 0, 255), (255, 255, 255, 255)])
def test_an_empty_drawing_gives_none(background):
    assert preprocess.drawing_to_input(canvas(background=background)) is None


def test_a_white_stroke_on_black_and_a_black_stroke_on_white_give_the_same_input():
    light = preprocess.drawing_to_input(stroke(canvas(background=(0, 0, 0, 255)), (255, 255, 255, 255)))
    dark = preprocess.drawing_to_input(stroke(canvas(background=(255, 255, 255, 255)), (0, 0, 0, 255)))
    on_glass = preprocess.drawing_to_input(stroke(canvas(), (0, 0, 0, 255)))
    assert not light.negated and dark.negated
    np.testing.assert_array_equal(light.result, dark.result)
    np.testing.assert_array_equal(light.result, on_glass.result)


def test_a_drawing_is_trimmed_fitted_to_28_and_centred():
    conversion = preprocess.drawing_to_input(stroke(canvas(), (200, 30, 30, 255)))
    assert bright_box(conversion.result) == (12, 0, 4, 28)
    assert conversion.result.max() == 255
    assert [code for code, _ in conversion.steps][-3:] == ["trimmed", "resized", "centred"]


def test_a_drawing_margin_leaves_free_pixels_round_the_longer_side():
    conversion = preprocess.drawing_to_input(stroke(canvas(), (0, 0, 0, 255)), margin=2)
    assert bright_box(conversion.result)[1:] == (2, 3, 24)


def test_a_2x2_drawing_puts_each_quadrants_stroke_in_its_tile():
    drawing = canvas(560, (255, 255, 255, 255))
    drawing = stroke(drawing, (0, 0, 0, 255), rows=slice(40, 240), cols=slice(380, 400))  # quadrant 1
    drawing = stroke(drawing, (0, 0, 0, 255), rows=slice(400, 420), cols=slice(40, 240))  # quadrant 2
    result, filled = preprocess.drawing_to_canvas(drawing)
    assert filled == [False, True, True, False]
    assert result.shape == (56, 56) and result.dtype == np.uint8
    assert not result[:28, :28].any() and not result[28:, 28:].any()
    assert bright_box(result[:28, 28:])[2] == 28 and bright_box(result[28:, :28])[3] == 28
