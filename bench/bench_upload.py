"""Uploads and drawings: how well the shipped models recognise Fashion-MNIST test images
restyled as a user's own pictures after ``fmnist.preprocess``, next to the plain images.

    python bench/bench_upload.py [--per-style 1000] [--seed 0]

The same ``--per-style`` test images (drawn with a seeded generator) in each style:

    dataset png  the 28x28 test image saved as PNG, nothing else (should change nothing)
    white        a product photo: the garment dark on white (the inverse of the dataset),
                 upscaled to 150-400 px, off-centre on a canvas 1.15-2 times larger,
                 saved as a JPEG of quality 60-90
    tinted       the same with the garment a random colour
    coloured     the same on a flat coloured backdrop: 70% a pastel one under a darker
                 garment, 30% a dark one under a light garment
    textured     the same on a light backdrop with a gradient (20-70 levels) and noise
                 (3-10 levels)

Each picture goes through ``upload_to_input`` from its bytes, as an upload would. The dense
model answers the 28x28 result; the single-garment canvas model answers it placed in a random
quadrant. Then canvas drawings made from the same images at margins 0, 1 and 2 px, and the
time of one upload and one drawing. Prints figures, asserts nothing; about 2 minutes on
2 cores.
"""

from __future__ import annotations

import argparse
import colorsys
import io
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from fmnist import composite, data, preprocess, registry  # noqa: E402
from fmnist.inference import Predictor  # noqa: E402

STYLES = ("dataset png", "white", "tinted", "coloured", "textured")


def random_colour(rng: np.random.Generator, value: tuple[float, float], saturation=(0.4, 1.0)) -> np.ndarray:
    hue = rng.random()
    rgb = colorsys.hsv_to_rgb(hue, rng.uniform(*saturation), rng.uniform(*value))
    return np.array(rgb, dtype=np.float32) * 255


def textured_background(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """A light background that is not flat: a linear gradient in a random direction, darker
    by up to 20-70 levels at one side, with Gaussian noise of 3-10 levels."""
    angle = rng.uniform(0, 2 * np.pi)
    rows, cols = np.mgrid[0:height, 0:width].astype(np.float32)
    ramp = np.cos(angle) * cols / width + np.sin(angle) * rows / height
    ramp = (ramp - ramp.min()) / max(float(np.ptp(ramp)), 1e-6)
    base = 255 - rng.uniform(20, 70) * ramp - rng.uniform(0, 15)
    tint = random_colour(rng, (0.9, 1.0), (0.0, 0.15)) / 255
    grey = base + rng.normal(0, rng.uniform(3, 10), size=(height, width))
    return grey[..., None] * tint


def product_photo(image28: np.ndarray, style: str, rng: np.random.Generator, side: int | None = None) -> bytes:
    """One test image restyled as an uploaded product photo, as JPEG bytes (PNG for "dataset
    png"); ``side`` asks for a square photo of that many pixels, the garment 60% of it."""
    if style == "dataset png":
        buffer = io.BytesIO()
        Image.fromarray(image28).save(buffer, format="PNG")
        return buffer.getvalue()
    garment = int(0.6 * side) if side else int(rng.integers(150, 401))
    enlarged = Image.fromarray(image28).resize((garment, garment), Image.Resampling.BICUBIC)
    alpha = np.asarray(enlarged, dtype=np.float32) / 255
    height, width = (int(garment * rng.uniform(1.15, 2.0)) for _ in range(2))
    if side:
        height = width = side
    top, left = rng.integers(0, height - alpha.shape[0] + 1), rng.integers(0, width - alpha.shape[1] + 1)
    colour = np.zeros(3, dtype=np.float32)
    background = np.full((height, width, 3), 255, dtype=np.float32)
    if style == "tinted":
        colour = random_colour(rng, (0.2, 0.8))
    elif style == "coloured":
        if rng.random() < 0.7:  # a light pastel backdrop under a darker garment
            background[:] = random_colour(rng, (0.75, 1.0), (0.1, 0.5))
            colour = random_colour(rng, (0.0, 0.5))
        else:  # a dark backdrop under a light garment
            background[:] = random_colour(rng, (0.0, 0.35), (0.2, 0.8))
            colour = random_colour(rng, (0.8, 1.0), (0.0, 0.4))
    elif style == "textured":
        background = textured_background(height, width, rng)
        colour = random_colour(rng, (0.0, 0.5))
    photo = background.copy()
    window = photo[top:top + alpha.shape[0], left:left + alpha.shape[1]]
    window[:] = window * (1 - alpha[..., None]) + colour * alpha[..., None]
    buffer = io.BytesIO()
    Image.fromarray(np.clip(np.rint(photo), 0, 255).astype(np.uint8)).save(
        buffer, format="JPEG", quality=int(rng.integers(60, 91)))
    return buffer.getvalue()


def drawing(image28: np.ndarray, rng: np.random.Generator, light_on_dark: bool) -> np.ndarray:
    """A test image as a 280x280 RGBA canvas drawing: enlarged to 120-260 px somewhere on the
    canvas, white on an opaque black canvas or black on a transparent one."""
    side = int(rng.integers(120, 261))
    ink = np.asarray(Image.fromarray(image28).resize((side, side), Image.Resampling.BICUBIC), dtype=np.uint8)
    top, left = rng.integers(0, 281 - side, size=2)
    canvas = np.zeros((280, 280, 4), dtype=np.uint8)
    if light_on_dark:
        canvas[..., 3] = 255
        canvas[top:top + side, left:left + side, :3] = ink[..., None]
    else:
        canvas[top:top + side, left:left + side, 3] = ink
    return canvas


def accuracy(predictor: Predictor, images: np.ndarray, labels: np.ndarray) -> float:
    return float((predictor(images).argmax(axis=1) == labels).mean())


def on_canvases(images: np.ndarray, quadrants: np.ndarray) -> np.ndarray:
    return np.stack([composite.place_in_quadrant(image, q) for image, q in zip(images, quadrants)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-style", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    _, (x_test, y_test) = data.load_data()
    rng = np.random.default_rng(args.seed)
    chosen = np.sort(rng.choice(len(x_test), size=args.per_style, replace=False))
    images, labels = x_test[chosen], y_test[chosen]
    quadrants = rng.integers(0, composite.QUADRANTS, size=len(chosen))
    dense = Predictor(registry.load_model(ROOT / "models" / "dense.keras"))
    single = Predictor(registry.load_model(ROOT / "models" / "single.keras"))
    plain_dense = accuracy(dense, images, labels)
    plain_single = accuracy(single, on_canvases(images, quadrants), labels)

    print(f"{args.per_style} Fashion-MNIST test images per style, seed {args.seed}; accuracy after "
          f"upload_to_input (plain test images: dense {plain_dense:.3f}, single {plain_single:.3f})")
    print(f"{'style':<12} {'dense':>7} {'single':>7} {'blank':>6} {'negated':>8} {'ms/upload':>10}")
    totals = []
    for style in STYLES:
        results, rejected, negated, seconds = [], 0, 0, 0.0
        for image in images:
            photo = product_photo(image, style, rng)
            start = time.perf_counter()
            try:
                conversion = preprocess.upload_to_input(photo)
            except preprocess.ImageRejected:
                conversion = None
            seconds += time.perf_counter() - start
            if conversion is None:
                rejected += 1
                results.append(np.zeros((28, 28), dtype=np.uint8))
            else:
                negated += conversion.negated
                results.append(conversion.result)
        results = np.stack(results)
        right_dense = accuracy(dense, results, labels)
        right_single = accuracy(single, on_canvases(results, quadrants), labels)
        if style != "dataset png":
            totals.append((right_dense, right_single))
        print(f"{style:<12} {right_dense:>7.3f} {right_single:>7.3f} {rejected:>6} {negated:>8} "
              f"{1000 * seconds / len(images):>10.2f}")
    mean_dense, mean_single = np.mean(totals, axis=0)
    print(f"{'all photos':<12} {mean_dense:>7.3f} {mean_single:>7.3f}   (plain: {plain_dense:.3f} {plain_single:.3f})")

    print("\ndrawings (280x280 RGBA, half white on black, half black on transparent), dense model:")
    drawings = [drawing(image, rng, light_on_dark=bool(i % 2)) for i, image in enumerate(images)]
    for margin in (0, 1, 2):
        converted = [preprocess.drawing_to_input(canvas, margin=margin) for canvas in drawings]
        results = np.stack([c.result if c is not None else np.zeros((28, 28), np.uint8) for c in converted])
        print(f"  margin {margin} px: {accuracy(dense, results, labels):.3f}")

    photo = product_photo(images[0], "white", np.random.default_rng(args.seed), side=1000)
    times = []
    for _ in range(20):
        start = time.perf_counter()
        preprocess.upload_to_input(photo)
        times.append(time.perf_counter() - start)
    print(f"\nupload_to_input, one 1000x1000 JPEG ({len(photo) / 1000:.0f} kB): "
          f"{1000 * statistics.median(times):.1f} ms median of {len(times)}")
    canvas = drawings[0]
    times = []
    for _ in range(20):
        start = time.perf_counter()
        preprocess.drawing_to_input(canvas)
        times.append(time.perf_counter() - start)
    print(f"drawing_to_input, one 280x280 drawing: {1000 * statistics.median(times):.1f} ms median of {len(times)}")


if __name__ == "__main__":
    main()
