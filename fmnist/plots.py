"""Figures of the data: each function takes arrays (and the words to print), returns a Matplotlib
figure, and leaves where it goes to the caller (a Streamlit page, a notebook, a file).

Images are drawn pixel for pixel (``interpolation="nearest"``): no blur on a projector.
Figures are built with :class:`matplotlib.figure.Figure` rather than ``pyplot``, so nothing
is kept in a global figure list and nothing needs closing; a notebook shows them as they are.

Korean labels need a CJK font. Importing this module puts the first Korean-capable font it
finds (NanumGothic, then Noto Sans CJK KR) behind Matplotlib's default font as a glyph
fallback; on a machine with neither, English still renders and Korean falls back to boxes.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402



KOREAN_FONTS = {
    "NanumGothic": ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",),
    "Noto Sans CJK KR": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                         "/System/Library/Fonts/AppleSDGothicNeo.ttc"),
}
BAR_COLOUR = "#4c72b0"
HIGHLIGHT_COLOUR = "#dd8452"


def _font_families() -> list[str]:
    """Matplotlib's default font, then one Korean-capable font that is really installed.

    A font file present on disk but missing from Matplotlib's font cache (installed after the
    cache was built) is registered first, so ``apt-get install fonts-nanum`` is enough.
    """
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    families = [font_manager.fontManager.defaultFamily["ttf"]]
    for family, paths in KOREAN_FONTS.items():
        if family not in known:
            for path in paths:
                if Path(path).is_file():
                    try:
                        font_manager.fontManager.addfont(path)
                    except (OSError, RuntimeError, ValueError):
                        continue
                    known = {entry.name for entry in font_manager.fontManager.ttflist}
                    break
        if family in known:
            families.append(family)
            break
    return families


FONT_FAMILIES = _font_families()
matplotlib.rcParams["font.family"] = FONT_FAMILIES


def has_korean_font() -> bool:
    return len(FONT_FAMILIES) > 1


def to_png(figure: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (for caching a rendered figure, or a download)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def _bare(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def _draw(ax, image: np.ndarray, vmin: float = 0, vmax: float = 255, cmap: str = "gray"):
    return ax.imshow(image, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")


def bar_chart(values, names, title: str = "", ylabel: str = "", highlight: int | None = None,
              width: float = 7.0, height: float = 3.2) -> Figure:
    """Bars with a count on top of each; ``names`` label the bars (class names, object counts)."""
    values = np.asarray(values)
    figure = Figure(figsize=(width, height), layout="constrained")
    ax = figure.add_subplot()
    colours = [HIGHLIGHT_COLOUR if i == highlight else BAR_COLOUR for i in range(len(values))]
    bars = ax.bar(range(len(values)), values, color=colours)
    ax.bar_label(bars, labels=[f"{int(v):,}" for v in values], fontsize=8, padding=2)
    ax.set_xticks(range(len(values)), [str(n) for n in names], rotation=30 if len(values) > 5 else 0,
                  ha="right" if len(values) > 5 else "center")
    ax.set_ylim(0, max(1, values.max()) * 1.15)
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(title)
    if ylabel:
        ax.set_ylabel(ylabel)
    return figure


def image_with_colorbar(image: np.ndarray, title: str = "", label: str = "") -> Figure:
    """One image with a colour bar of its pixel values (the tutorial's step 4.1)."""
    figure = Figure(figsize=(4.2, 3.6), layout="constrained")
    ax = figure.add_subplot()
    shown = _draw(ax, image, vmin=0, vmax=255 if np.asarray(image).max() > 1 else 1)
    figure.colorbar(shown, ax=ax, label=label or None)
    if title:
        ax.set_title(title)
    return figure


def labelled_grid(images: np.ndarray, captions, cols: int = 5, cell: float = 1.6,
                  vmax: float | None = 255, title: str = "", fontsize: float = 10) -> Figure:
    """Images in a grid with a caption under each (the tutorial's 5x5 grid, step 4.3).

    ``vmax=None`` stretches each image to its own range (mean images).
    """
    images = np.asarray(images)
    n = len(images)
    cols = max(1, min(cols, n))
    rows = max(1, math.ceil(n / cols))
    figure = Figure(figsize=(cols * cell, rows * (cell + 0.3)), layout="constrained")
    axes = figure.subplots(rows, cols, squeeze=False)
    for i, ax in enumerate(axes.flat):
        _bare(ax)
        if i >= n:
            ax.set_axis_off()
            continue
        _draw(ax, images[i], vmax=images[i].max() if vmax is None else vmax)
        ax.set_xlabel(str(captions[i]), fontsize=fontsize)
    if title:
        figure.suptitle(title)
    return figure


def class_sprite(rows: np.ndarray, names, title: str = "", fontsize: float = 13) -> Figure:
    """(10, k, 28, 28) images: one row per class, the class name at its left."""
    rows = np.asarray(rows)
    count, per_row = rows.shape[:2]
    figure = Figure(figsize=(1.6 + per_row * 0.62, count * 0.66), layout="constrained")
    axes = figure.subplots(count, 1, squeeze=False)[:, 0]
    for ax, strip, name in zip(axes, rows, names):
        _bare(ax)
        ax.set_frame_on(False)
        _draw(ax, np.concatenate(list(strip), axis=1))
        ax.set_ylabel(str(name), rotation=0, ha="right", va="center", fontsize=fontsize)
    if title:
        figure.suptitle(title)
    return figure


def normalisation_comparison(variants, hist_label: str = "", count_label: str = "") -> Figure:
    """Each (title, image) in ``variants`` above the histogram of its pixel values.

    The image is drawn over its own scale (0-255 for raw pixels, 0-1 once scaled), so raw and
    x/255 look the same while their numbers differ by 255.
    """
    n = len(variants)
    figure = Figure(figsize=(3.3 * n, 5.6), layout="constrained")
    axes = figure.subplots(2, n, squeeze=False, height_ratios=[3, 2])
    for col, (title, image) in enumerate(variants):
        image = np.asarray(image)
        top = 255 if image.max() > 1 else 1
        _bare(axes[0, col])
        shown = _draw(axes[0, col], image, vmin=0, vmax=top)
        figure.colorbar(shown, ax=axes[0, col], fraction=0.046)
        axes[0, col].set_title(title, fontsize=11)
        hist = axes[1, col]
        hist.hist(image.ravel(), bins=32, range=(0, top), color=BAR_COLOUR)
        hist.set_yscale("log")
        hist.spines[["top", "right"]].set_visible(False)
        if hist_label:
            hist.set_xlabel(hist_label)
        if count_label and col == 0:
            hist.set_ylabel(count_label)
    return figure


def image_count(figure: Figure) -> int:
    """How many images a figure draws (for tests and sanity checks)."""
    return sum(len(ax.images) for ax in figure.axes)


__all__ = ["bar_chart", "class_sprite", "image_count", "image_with_colorbar", "labelled_grid",
           "normalisation_comparison", "to_png", "has_korean_font"]
