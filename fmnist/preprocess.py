"""A garment of one's own: an uploaded file, a camera photo or a drawing, made into the
28x28 uint8 image the models take (a light garment on black, like Fashion-MNIST).

    decoded = decode_image(data)                # safe: refuses bombs, broken and odd files
    conversion = fashion_mnist_like(decoded.image)
    conversion.result                           # (28, 28) uint8, what the model sees
    conversion.steps                            # [("original", array), ("trimmed", array), ...]
    upload_to_input(data)                       # all of the above and the blank check

    drawing_to_input(rgba)                      # a canvas drawing -> Conversion, None if empty
    drawing_to_canvas(rgba)                     # a 2x2 drawing -> (56x56 canvas, filled quadrants)

An upload is untrusted bytes: :func:`decode_image` refuses it with :class:`ImageRejected`, whose
``reason`` is a short code and ``details`` the values a message needs, so a page can say what
is wrong in the user's language:

===============  =========================  ==================================================
reason           details                    when
===============  =========================  ==================================================
empty            (none)                     no bytes at all
too_big_file     size_mb, limit_mb          more bytes than ``max_bytes``
not_image        formats                    not a PNG, JPEG, WebP, BMP or GIF file
broken           format                     starts like one of those (``format`` says which:
                                            PNG, JPEG, WebP, BMP, GIF) but is truncated or corrupt
too_many_pixels  width, height, megapixels, the header claims more than ``max_pixels``
                 limit, limit_mp            (``limit``; in millions ``limit_mp``), refused
                                            before any pixel is decoded
too_small        width, height, min_px      a side shorter than 8 pixels
blank            (none)                     nothing garment-like left (:func:`upload_to_input`)
===============  =========================  ==================================================

Fashion-MNIST's own conversion (Xiao, Rasul and Vollgraf 2017, section 2) made Zalando's
product photos (a garment on a light background) into the dataset: trim the edges close to
the corner colour, resize the longest edge to 28, sharpen, extend the shortest edge to 28
and centre, negate, take 8-bit greyscale. :func:`fashion_mnist_like` runs the same steps with
Pillow, made robust to phone photos (gradient and noisy backdrops), and keeps a picture of
each step for a page to show in a strip. ``python bench/bench_upload.py`` measures how well
the shipped models recognise test images restyled as product photos after it.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image, ImageFilter, ImageOps, JpegImagePlugin

from .composite import EMPTY, QUADRANTS, compose
from .data import IMAGE_SIZE

MAX_BYTES = 5_000_000
MAX_PIXELS = 25_000_000
MIN_SIDE = 8
#: Pillow's names of the accepted formats, and how a message names them.
FORMATS = ("PNG", "JPEG", "WEBP", "BMP", "GIF")
FORMAT_NAMES = ("PNG", "JPEG", "WebP", "BMP", "GIF")
#: How each accepted format's files start (WebP: "RIFF", 4 bytes of length, "WEBP").
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF", b"BM": "BMP"}
#: Formats whose frames are an animation (a JPEG's extra MPO frames are thumbnails, not frames).
ANIMATED_FORMATS = ("GIF", "WEBP", "PNG")
#: Longest side an upload is decoded at: the garment ends 28 pixels long, so even 256 pixels
#: put the trim within a ninth of an output pixel.
WORKING_SIZE = 512
#: Longest side of the pictures kept in :attr:`Conversion.steps`.
STRIP_SIZE = 112
WHITE = (255, 255, 255)
#: ITU-R 601 luma weights, as Pillow's convert("L").
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)

#: The paper's trim tolerance: a pixel within 5% of the maximum intensity of the background
#: colour is background.
TRIM_FUZZ = 0.05
#: A gradient backdrop is believed only when at least this share of the picture's border lies
#: on it (on a 28x28 Fashion-MNIST image whose garment touches two corners, at most 84% does).
GRADIENT_BORDER = 0.8
#: Unsharp mask standing in for the paper's "Gaussian operator of radius and standard deviation
#: 1.0"; applied only when the picture was shrunk, as the paper's pictures all were.
SHARPEN = ImageFilter.UnsharpMask(radius=1.0, percent=100, threshold=0)
#: A result whose brightest and darkest pixels differ by less than this shows nothing (10%).
BLANK_CONTRAST = 25
#: A drawing's ink (its difference from the background) below this is no stroke.
INK_THRESHOLD = 32
#: Pixels left free on each side of a drawing's longer side. Fashion-MNIST garments fill the
#: frame (98% of the test images span all 28 pixels one way); bench/bench_upload.py measures
#: 0, 1 and 2.
DRAWING_MARGIN = 0


class ImageRejected(ValueError):
    """An upload that cannot be used: ``reason`` is a short code (see the module's table),
    ``details`` the numbers a message about it needs."""

    def __init__(self, reason: str, **details):
        self.reason = reason
        self.details = details
        told = ", ".join(f"{key}={value}" for key, value in details.items())
        super().__init__(f"{reason} ({told})" if told else reason)


@dataclass(frozen=True)
class Decoded:
    """A safely decoded upload.

    image:  RGB or L, the right way up (EXIF orientation applied), transparency flattened onto
            white, at most :data:`WORKING_SIZE` pixels on its longer side
    format: "PNG", "JPEG", "WEBP", "BMP" or "GIF"
    frames: how many frames the file holds; only the first is used (an animated GIF has several)
    size:   (width, height) as stored in the file
    """

    image: Image.Image
    format: str
    frames: int
    size: tuple[int, int]


@dataclass(frozen=True)
class Conversion:
    """A picture made into a model input, step by step.

    result:  (28, 28) uint8, a light garment on black
    steps:   (code, uint8 picture) in order, greyscale (h, w) or RGB (h, w, 3), each at most
             :data:`STRIP_SIZE` pixels; the last one, "centred", is ``result``. An upload's
             codes: "original", "trimmed", "negated" or "greyscale", "stretched" (only when
             it changed anything), "resized", "centred" (see :func:`fashion_mnist_like`); a
             drawing's: "original", "negated" or "greyscale", "stretched" (likewise),
             "trimmed", "resized", "centred" (see :func:`drawing_to_input`).
    negated: whether the picture was negated (a dark garment on a lighter background)
    frames:  how many frames the uploaded file held (only the first was used)
    """

    result: np.ndarray
    steps: list[tuple[str, np.ndarray]] = field(default_factory=list)
    negated: bool = False
    frames: int = 1


# --- Decoding an upload ---------------------------------------------------------------------

def _megabytes(count: float) -> float:
    return round(count / 1_000_000, 1)


def _format_name(fmt: str | None) -> str | None:
    """How a message names one of Pillow's :data:`FORMATS` ("WEBP" is "WebP")."""
    return FORMAT_NAMES[FORMATS.index(fmt)] if fmt in FORMATS else fmt


def _format_by_signature(data: bytes) -> str | None:
    """The accepted format a file's first bytes announce, or None."""
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "WEBP"
    return next((fmt for signature, fmt in SIGNATURES.items() if data.startswith(signature)), None)


def _webp_size(data: bytes) -> tuple[int, int] | None:
    """The (width, height) a WebP file's first chunk claims, as the container specification lays
    out its VP8X, VP8L and VP8 headers; None if the header is not one of those."""
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:  # extended: 24-bit canvas width and height, minus one
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:  # lossless: two 14-bit sides, minus one
        bits = int.from_bytes(data[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":  # lossy: after the start code
        return int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF
    return None


def _claimed_size(data: bytes) -> tuple[int, int]:
    """The (width, height) a header claims, read by its format's plugin alone: ``Image.open``
    would refuse it again. Only the header is read. Pillow's WebP plugin checks the size itself
    when it opens a file, so a WebP header is read here."""
    if _format_by_signature(data) == "WEBP" and _webp_size(data) is not None:
        return _webp_size(data)
    try:
        factory, _ = Image.OPEN[_format_by_signature(data)]
        return factory(io.BytesIO(data), "").size
    except Exception as exc:  # cannot happen for a header Image.open has just read
        raise ImageRejected("broken", format=_format_name(_format_by_signature(data))) from exc


def _too_many_pixels(size: tuple[int, int], max_pixels: int) -> ImageRejected:
    width, height = size
    return ImageRejected("too_many_pixels", width=width, height=height, megapixels=_megabytes(width * height),
                         limit=max_pixels, limit_mp=_megabytes(max_pixels))


def _open_lazily(data: bytes, max_pixels: int) -> Image.Image:
    """``Image.open``, which reads the header only, with Pillow's own decompression bomb
    check (an error past twice ``Image.MAX_IMAGE_PIXELS``, a warning past it) made a refusal."""
    try:
        # catch_warnings is process-wide before Python 3.14: two uploads at once can at worst
        # leave this one warning an error, which is what every caller wants anyway.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(_claimed_size(data), max_pixels) from exc
    except Exception as exc:  # UnidentifiedImageError, or whatever a plugin's header parser raises
        announced = _format_by_signature(data)
        if announced is None:
            raise ImageRejected("not_image", formats=", ".join(FORMAT_NAMES)) from exc
        raise ImageRejected("broken", format=_format_name(announced)) from exc


def _decode_smaller(image: Image.Image) -> None:
    """Let a large JPEG decode at 1/2, 1/4 or 1/8 scale, which its DCT gives for free: the
    largest reduction that keeps the longer side at least half of :data:`WORKING_SIZE`."""
    if isinstance(image, JpegImagePlugin.JpegImageFile) and max(image.size) > WORKING_SIZE:
        scale = (WORKING_SIZE // 2) / max(image.size)
        image.draft(image.mode, (max(1, int(image.width * scale)), max(1, int(image.height * scale))))


def decode_image(data: bytes, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> Decoded:
    """Decode an upload's bytes into a :class:`Decoded`, or refuse them with
    :class:`ImageRejected` (see the module's table of reasons).

    Checked in this order, each before the work the next one costs: the byte count
    (``empty``, ``too_big_file``), the format (``not_image``; a file that starts like a PNG,
    JPEG, WebP, BMP or GIF but does not open is ``broken``), the pixel count the header
    claims (``too_many_pixels``: ``Image.open`` reads the header only, so a 100-byte PNG
    claiming 40,000x40,000 is refused before a single pixel is decoded; a WebP's header is read
    before Pillow opens it, because the WebP decoder allocates its whole canvas at once), the size
    (``too_small``), then the pixels themselves (``broken``: truncated or corrupt). Any colour
    mode is accepted (:func:`flatten` says how it becomes RGB or L), EXIF orientation is
    applied, an animated file gives its first frame, and a large picture is decoded smaller:
    at most :data:`WORKING_SIZE` pixels on its longer side (a large JPEG at 1/2, 1/4 or 1/8
    scale straight from its DCT, so a 24-megapixel photo costs what a quarter-megapixel one does).
    """
    if not data:
        raise ImageRejected("empty")
    if len(data) > max_bytes:
        raise ImageRejected("too_big_file", size_mb=_megabytes(len(data)), limit_mb=_megabytes(max_bytes))
    data = bytes(data)
    if _format_by_signature(data) == "WEBP":  # the WebP decoder allocates its whole canvas when opened
        claimed = _webp_size(data)
        if claimed is not None and claimed[0] * claimed[1] > max_pixels:
            raise _too_many_pixels(claimed, max_pixels)
    image = _open_lazily(data, max_pixels)
    width, height = image.size
    if width * height > max_pixels:
        raise _too_many_pixels((width, height), max_pixels)
    if min(width, height) < MIN_SIDE:
        raise ImageRejected("too_small", width=width, height=height, min_px=MIN_SIDE)
    fmt = "JPEG" if isinstance(image, JpegImagePlugin.JpegImageFile) else image.format  # a phone's MPO is a JPEG
    try:
        frames = int(getattr(image, "n_frames", 1)) if fmt in ANIMATED_FORMATS else 1
        image.seek(0)
        _decode_smaller(image)
        image.load()
    except Exception as exc:  # truncated data, a corrupt stream: whatever the decoder raises
        raise ImageRejected("broken", format=_format_name(fmt)) from exc
    try:
        image = ImageOps.exif_transpose(image)
    except Exception:  # a malformed EXIF block is the camera's fault: keep the picture as stored
        pass
    return Decoded(image=shrink(flatten(image), WORKING_SIZE), format=fmt, frames=frames, size=(width, height))


def _to_8bit(pixels: np.ndarray, sixteen_bit: bool) -> np.ndarray:
    """Greyscale of more than 8 bits scaled to 0-255, not clipped: 0-65535 divided by 257.
    When the depth is not known (32-bit integer I, float F) it is read from the values:
    floats up to 1.0 are 0-1, values up to 255 already 8-bit, larger ones 16-bit."""
    x = np.asarray(pixels, dtype=np.float64)
    top = float(x.max()) if x.size else 0.0
    if sixteen_bit or top > 255:
        x = x / 257.0
    elif pixels.dtype.kind == "f" and top <= 1.0:
        x = x * 255.0
    return np.clip(np.rint(x), 0, 255).astype(np.uint8)


def flatten(image: Image.Image) -> Image.Image:
    """Any Pillow image as RGB, or as L when it is greyscale.

    Transparency (RGBA, LA, PA, a P, L or RGB image with a transparent colour) is flattened
    onto white: a transparent background is a product photo's background. CMYK, YCbCr, LAB,
    HSV and P become RGB; 1-bit becomes L (0 or 255); 16-bit greyscale (I;16) is scaled to 8
    bits rather than clipped, as are 32-bit integer (I) and float (F) (see :func:`_to_8bit`).
    """
    mode = image.mode
    if mode.startswith("I") or mode == "F":
        return Image.fromarray(_to_8bit(np.asarray(image), sixteen_bit=mode.startswith("I;16")), "L")
    greyscale = mode in ("1", "L", "LA", "La")
    if mode in ("RGBA", "RGBa", "LA", "La", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.alpha_composite(Image.new("RGBA", rgba.size, WHITE + (255,)), rgba).convert("RGB")
        return flat.convert("L") if greyscale else flat
    return image.convert("L" if greyscale else "RGB")


def shrink(image: Image.Image, longest: int) -> Image.Image:
    """The image with its longer side at most ``longest`` pixels, aspect kept (never enlarged)."""
    if max(image.size) <= longest:
        return image
    return image.resize(fit_size(*image.size, longest), Image.Resampling.LANCZOS, reducing_gap=3.0)


# --- Fashion-MNIST's own conversion -----------------------------------------------------------

def _picture(image: Image.Image) -> np.ndarray:
    """A small copy for the strip of steps."""
    return np.asarray(shrink(image, STRIP_SIZE), dtype=np.uint8).copy()


def _pixels(image: Image.Image) -> np.ndarray:
    """(h, w, channels) float32, one channel for a greyscale picture."""
    return np.asarray(image, dtype=np.float32).reshape(image.height, image.width, -1)


def _luma(pixels: np.ndarray) -> np.ndarray:
    return pixels[..., 0] if pixels.shape[-1] == 1 else pixels[..., :3] @ LUMA


def _border(values: np.ndarray) -> np.ndarray:
    """The values of an array's one-pixel frame, flattened."""
    return np.concatenate([values[0], values[-1], values[1:-1, 0], values[1:-1, -1]])


def _corner_patches(pixels: np.ndarray) -> list[np.ndarray]:
    """Top-left, top-right, bottom-left and bottom-right patches, each a 32nd of the shorter
    side wide (one pixel for a small picture), as (n, channels) arrays."""
    side = max(1, min(pixels.shape[:2]) // 32)
    patches = (pixels[:side, :side], pixels[:side, -side:], pixels[-side:, :side], pixels[-side:, -side:])
    return [patch.reshape(-1, pixels.shape[2]) for patch in patches]


def _close(pixels: np.ndarray, background: np.ndarray) -> np.ndarray:
    """Where a pixel is within :data:`TRIM_FUZZ` of the background: the root mean square of
    the channels' differences, as ImageMagick's fuzz measures colour distance."""
    return ((pixels - background) ** 2).mean(axis=-1) <= (TRIM_FUZZ * 255) ** 2


def backdrop_noise(image: Image.Image) -> float:
    """The backdrop's noise in grey levels: a robust standard deviation (1.48 times the median
    absolute deviation) of each corner patch's luma, the median over the four corners."""
    spreads = []
    for patch in _corner_patches(_pixels(image)):
        luma = _luma(patch)
        spreads.append(1.4826 * float(np.median(np.abs(luma - np.median(luma)))))
    return float(np.median(spreads))


def blur_radius(image: Image.Image) -> int:
    """How far to box-blur a picture before trimming: just enough that the backdrop's noise
    (:func:`backdrop_noise`) stays five standard deviations inside :data:`TRIM_FUZZ`, at most
    1% of its size. 0 for a clean picture (a studio photo, a Fashion-MNIST image)."""
    width_needed = 5 * backdrop_noise(image) / (TRIM_FUZZ * 255)  # a box this wide divides the noise by as much
    return min(math.ceil((width_needed - 1) / 2), max(image.size) // 100) if width_needed > 1 else 0


def background_model(image: Image.Image) -> np.ndarray:
    """The backdrop's colour at every pixel, (h, w, channels) float32.

    The paper's rule is one colour, the corners': here the median of the four corner patches.
    A photo lit from one side, or a studio sweep, has a gradient instead, which the bilinear
    interpolation between the four corner colours follows exactly when it is linear. The
    gradient is believed when at least :data:`GRADIENT_BORDER` of the picture's border lies
    close to it, and more than lies close to the flat colour: a garment touching a corner or
    an edge leaves most of the border to the flat colour.
    """
    pixels = _pixels(image)
    corners = np.stack([np.median(patch, axis=0) for patch in _corner_patches(pixels)]).astype(np.float32)
    flat = np.broadcast_to(np.median(corners, axis=0), pixels.shape)
    if np.all(corners == corners[0]):
        return flat
    down = np.linspace(0, 1, pixels.shape[0], dtype=np.float32)[:, None, None]
    across = np.linspace(0, 1, pixels.shape[1], dtype=np.float32)[None, :, None]
    gradient = ((corners[0] * (1 - across) + corners[1] * across) * (1 - down)
                + (corners[2] * (1 - across) + corners[3] * across) * down)
    border = _border(pixels)
    on_gradient = _close(border, _border(gradient)).mean()
    if on_gradient >= GRADIENT_BORDER and on_gradient > _close(border, _border(flat)).mean():
        return gradient
    return flat


def _eroded(mask: np.ndarray, size: int) -> np.ndarray:
    """A boolean mask eroded by a size x size square: what ``ImageFilter.MinFilter(size)``
    does, done as two one-dimensional running counts because the rank filter is ten times
    slower."""
    half = size // 2
    for axis in (0, 1):
        padding = [(half, half) if a == axis else (0, 0) for a in (0, 1)]
        counts = np.pad(mask, padding, mode="edge").cumsum(axis=axis, dtype=np.int32)
        counts = np.concatenate([np.zeros_like(counts.take([0], axis=axis)), counts], axis=axis)
        length = counts.shape[axis]
        window_sums = counts.take(range(size, length), axis=axis) - counts.take(range(length - size), axis=axis)
        mask = window_sums == size
    return mask


def garment_box(image: Image.Image, background: np.ndarray, blur: int = 0) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the pixels farther than :data:`TRIM_FUZZ` from the
    background, or None when every pixel is background.

    On a picture larger than 200 pixels, specks smaller than about 0.5% of its size (a stray
    noise pixel, a dust spot) are not garment: the mask is eroded by a square that size and
    the box grown back by its half. A small picture keeps every pixel, as the paper does.
    ``blur`` is the radius the picture was box-blurred by: the blur spread the garment's
    edges that far out, so the box is shrunk back by as much.
    """
    garment = ~_close(_pixels(image), background)
    speck = 2 * (max(image.size) // 200) + 1
    if speck > 1:
        garment = _eroded(garment, speck)
    rows, cols = np.flatnonzero(garment.any(axis=1)), np.flatnonzero(garment.any(axis=0))
    if len(rows) == 0:
        return None
    grow = speck // 2 - blur
    left, top = max(0, int(cols[0]) - grow), max(0, int(rows[0]) - grow)
    right, bottom = min(image.width, int(cols[-1]) + 1 + grow), min(image.height, int(rows[-1]) + 1 + grow)
    if right <= left or bottom <= top:  # a garment thinner than the blur: keep its blurred box
        return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1
    return left, top, right, bottom


def garment_light(image: Image.Image, background: np.ndarray) -> tuple[Image.Image, bool]:
    """The picture in 8-bit greyscale with its background made black, and whether it was
    negated.

    The garment is made light whichever way it differs from its backdrop: negated (each pixel
    the backdrop's luma minus its own, the paper's negation; on white exactly 255 minus the
    pixel) when its pixels darker than the backdrop outweigh those lighter, summed by how
    much; else each pixel's luma minus the backdrop's. So a dark garment on a light backdrop
    (a product photo) is negated, a light one on black (a Fashion-MNIST image saved as PNG, a
    drawing) comes back as it was, and a backdrop of middling grey, such as a saturated blue,
    does not decide it the wrong way.
    """
    picture, ground = _luma(_pixels(image)), _luma(background)
    difference = picture - ground
    negated = float(np.clip(-difference, 0, None).sum()) > float(np.clip(difference, 0, None).sum())
    light = -difference if negated else difference
    return Image.fromarray(np.clip(np.rint(light), 0, 255).astype(np.uint8), "L"), negated


def stretch(image: Image.Image) -> Image.Image:
    """Levels of a greyscale picture: its brightest pixel made 255, as in every Fashion-MNIST
    image (:func:`fmnist.data.image_peaks`). A picture already reaching 254, or with less
    contrast than :data:`BLANK_CONTRAST`, is returned as it is, so a blank one stays blank."""
    pixels = np.asarray(image, dtype=np.float32)
    top = float(pixels.max())
    if top < BLANK_CONTRAST or top >= 254:
        return image
    return Image.fromarray(np.clip(np.rint(pixels * (255 / top)), 0, 255).astype(np.uint8), "L")


def fit_size(width: int, height: int, longest: int = IMAGE_SIZE) -> tuple[int, int]:
    """(width, height) scaled so the longer side is ``longest``, aspect kept, each at least 1."""
    scale = longest / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def centre(image: Image.Image, size: int = IMAGE_SIZE) -> Image.Image:
    """A greyscale ``image`` in the middle of a black size x size canvas. An odd pixel of margin
    goes left and top, as in Fashion-MNIST (3,224 test images have one more free column on the
    left, 10 on the right)."""
    canvas = Image.new("L", (size, size), 0)
    canvas.paste(image, ((size - image.width + 1) // 2, (size - image.height + 1) // 2))
    return canvas


def fashion_mnist_like(image: Image.Image) -> Conversion:
    """Fashion-MNIST's conversion of a product photo (Xiao et al. 2017, section 2), any Pillow
    image in, every step kept (the codes of :attr:`Conversion.steps`):

    1. original: :func:`flatten` (RGB or L, transparency on white);
    2. trimmed: cropped to the pixels that differ from the background by more than 5% of the
       maximum intensity (:func:`garment_box`; nothing is cropped when nothing differs). The
       paper's background is the corner colour; to cope with phone photos,
       :func:`background_model` also follows a gradient, and the picture is blurred (for
       the trim only, :func:`blur_radius`) when its backdrop is noisy or textured;
    3. negated, or greyscale when not negated: 8-bit greyscale with the background made black
       (:func:`garment_light`). A dark garment on a light background (a product photo) is
       negated; a light one on a dark background (a Fashion-MNIST image saved as PNG, a light
       drawing on black) is not, so a Fashion-MNIST image comes back essentially as it was.
       The paper negates and takes the greyscale last; both are linear, so doing them before
       resizing gives the same pixels on a flat background, and lets a gradient be taken away;
    4. stretched, only when it changed anything: the brightest pixel made 255 (:func:`stretch`);
    5. resized: the longest edge to 28, the other in proportion, then sharpened
       (:data:`SHARPEN`) when the picture was shrunk, as the dataset's images were. The paper
       subsamples (keeps every n-th row and column); we use Pillow's Lanczos filter, which
       averages over the pixels it drops, because a photo's noise, fabric texture and JPEG
       blocks alias into speckles when subsampled: on the bench's product photos subsampling
       loses about 1% accuracy (a box filter does as well as Lanczos). A picture already 28
       pixels long is neither resized nor sharpened;
    6. centred: the shorter edge extended to 28 with black, the picture in the middle.
    """
    picture = flatten(image)
    steps = [("original", _picture(picture))]
    blur = blur_radius(picture)
    clean = picture.filter(ImageFilter.BoxBlur(blur)) if blur else picture
    background = background_model(clean)
    box = garment_box(clean, background, blur)
    if box is not None:
        picture = picture.crop(box)
        background = background[box[1]:box[3], box[0]:box[2]]
    steps.append(("trimmed", _picture(picture)))
    picture, negated = garment_light(picture, background)
    steps.append(("negated" if negated else "greyscale", _picture(picture)))
    stretched = stretch(picture)
    if stretched is not picture:
        picture = stretched
        steps.append(("stretched", _picture(picture)))
    size = fit_size(*picture.size)
    if size != picture.size:
        shrunk = max(picture.size) > IMAGE_SIZE
        picture = picture.resize(size, Image.Resampling.LANCZOS)
        if shrunk:
            picture = picture.filter(SHARPEN)
    steps.append(("resized", _picture(picture)))
    result = np.asarray(centre(picture), dtype=np.uint8).copy()
    steps.append(("centred", result))
    return Conversion(result=result, steps=steps, negated=negated)


def is_blank(image28: np.ndarray) -> bool:
    """True when a converted picture shows nothing garment-like: its brightest and darkest
    pixels differ by less than :data:`BLANK_CONTRAST` (a white page, an empty drawing)."""
    pixels = np.asarray(image28)
    return pixels.size == 0 or int(pixels.max()) - int(pixels.min()) < BLANK_CONTRAST


def upload_to_input(data: bytes, **limits) -> Conversion:
    """An upload's bytes as a model input: :func:`decode_image` (``limits`` are its
    ``max_bytes`` and ``max_pixels``), :func:`fashion_mnist_like`, then :func:`is_blank`.
    Raises :class:`ImageRejected`, with reason ``blank`` when nothing garment-like is left."""
    decoded = decode_image(data, **limits)
    conversion = fashion_mnist_like(decoded.image)
    if is_blank(conversion.result):
        raise ImageRejected("blank")
    return replace(conversion, frames=decoded.frames)


# --- Drawings ---------------------------------------------------------------------------------

def _rgb_and_alpha(rgba: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rgba = np.asarray(rgba)
    if rgba.ndim != 3 or rgba.shape[2] not in (3, 4) or min(rgba.shape[:2]) < 2:
        raise ValueError(f"a drawing is an (h, w, 4) RGBA array, got shape {rgba.shape}")
    rgb = rgba[..., :3].astype(np.float32)
    if rgba.shape[2] == 3:
        return rgb, np.ones(rgba.shape[:2], dtype=np.float32)
    return rgb, rgba[..., 3].astype(np.float32) / 255


def drawing_background(rgba: np.ndarray) -> float:
    """The grey (0-255) a drawing's strokes stand on: the median grey of the canvas's opaque
    border pixels. On a transparent canvas (its border mostly transparent) the strokes stand
    on nothing; then it is white for dark strokes and black for light ones."""
    rgb, alpha = _rgb_and_alpha(rgba)
    grey = rgb @ LUMA
    if np.median(_border(alpha)) >= 0.5:
        return float(np.nanmedian(_border(np.where(alpha >= 0.5, grey, np.nan))))
    strokes = grey[alpha >= 0.5]
    return 255.0 if strokes.size and np.median(strokes) < 127.5 else 0.0


def drawing_ink(rgba: np.ndarray, background: float) -> np.ndarray:
    """How much ink each pixel of a drawing holds, 0-255 float32: its grey's distance from the
    ``background`` grey, towards dark on a light background and towards light on a dark one,
    transparent pixels counting as background."""
    rgb, alpha = _rgb_and_alpha(rgba)
    flat = alpha * (rgb @ LUMA) + (1 - alpha) * background
    return np.clip(background - flat if background > 127.5 else flat - background, 0, 255)


def _flattened_drawing(rgba: np.ndarray, background: float) -> Image.Image:
    rgb, alpha = _rgb_and_alpha(rgba)
    flat = alpha[..., None] * rgb + (1 - alpha[..., None]) * background
    return Image.fromarray(np.rint(flat).astype(np.uint8), "RGB")


def drawing_to_input(rgba: np.ndarray, margin: int = DRAWING_MARGIN) -> Conversion | None:
    """A canvas drawing (an (h, w, 4) RGBA array, light strokes on dark or dark on light) as a
    model input, or None when nothing is drawn.

    Steps: greyscale with the background (:func:`drawing_background`) made black, negated
    when it is light (:func:`drawing_ink`), so a white stroke on black and a black stroke on
    white give the same input; stretched so the strongest ink is 255 (:func:`stretch`);
    trimmed to the bounding box of the ink above :data:`INK_THRESHOLD`; resized so the longer
    side is 28 - 2 * ``margin`` pixels, aspect kept; centred on black. Fashion-MNIST garments
    fill the frame, and on the bench a margin of 1 or 2 pixels costs 6 and 24 points of
    accuracy, so :data:`DRAWING_MARGIN` is 0.
    """
    background = drawing_background(rgba)
    ink = drawing_ink(rgba, background)
    strokes = ink > INK_THRESHOLD
    if not strokes.any():
        return None
    negated = background > 127.5
    steps = [("original", _picture(_flattened_drawing(rgba, background)))]
    picture = Image.fromarray(np.rint(ink).astype(np.uint8), "L")
    steps.append(("negated" if negated else "greyscale", _picture(picture)))
    stretched = stretch(picture)
    if stretched is not picture:
        picture = stretched
        steps.append(("stretched", _picture(picture)))
    rows, cols = np.flatnonzero(strokes.any(axis=1)), np.flatnonzero(strokes.any(axis=0))
    picture = picture.crop((int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1))
    steps.append(("trimmed", _picture(picture)))
    picture = picture.resize(fit_size(*picture.size, IMAGE_SIZE - 2 * margin), Image.Resampling.LANCZOS)
    steps.append(("resized", _picture(picture)))
    result = np.asarray(centre(picture), dtype=np.uint8).copy()
    steps.append(("centred", result))
    return Conversion(result=result, steps=steps, negated=negated)


def drawing_to_canvas(rgba: np.ndarray, margin: int = DRAWING_MARGIN) -> tuple[np.ndarray, list[bool]]:
    """A drawing on a 2x2 canvas (e.g. 560x560x4 RGBA) as a 56x56 uint8 model canvas.

    Each quadrant (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right, as in
    :mod:`fmnist.composite`) is converted on its own with :func:`drawing_to_input` into its
    28x28 tile (a stroke crossing into another quadrant is cut there); a quadrant with nothing
    drawn stays black. Returns the canvas and, per quadrant, whether it holds a drawing.
    """
    rgba = np.asarray(rgba)
    height, width = rgba.shape[:2]
    tiles, sources = [], np.full((1, QUADRANTS), EMPTY)
    for quadrant in range(QUADRANTS):
        row, col = divmod(quadrant, 2)
        part = rgba[row * height // 2:(row + 1) * height // 2, col * width // 2:(col + 1) * width // 2]
        conversion = drawing_to_input(part, margin)
        if conversion is not None:
            sources[0, quadrant] = len(tiles)
            tiles.append(conversion.result)
    images = np.stack(tiles) if tiles else np.zeros((0, IMAGE_SIZE, IMAGE_SIZE), dtype=np.uint8)
    return compose(images, sources)[0], [bool(source != EMPTY) for source in sources[0]]
