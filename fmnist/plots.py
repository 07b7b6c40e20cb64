"""Figures of the data: each function takes arrays (and the words to print), returns a Matplotlib
figure, and leaves where it goes to the caller (a Streamlit page, a notebook, a file).

Images are drawn pixel for pixel (``interpolation="nearest"``): no blur on a projector.
Figures are built with :class:`matplotlib.figure.Figure` rather than ``pyplot``, so nothing
is kept in a global figure list and nothing needs closing; a notebook shows them as they are.

Korean labels need a CJK font. Importing this module puts the first Korean-capable font it
finds (NanumGothic, Noto Sans CJK, then the Korean fonts macOS and Windows ship: Apple SD Gothic
Neo, AppleGothic, Malgun Gothic) behind Matplotlib's default font as a glyph fallback; on a
machine with none of them, English still renders and Korean falls back to boxes.
"""

from __future__ import annotations

import io
import math
import queue
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402



#: Korean-capable fonts by the family name Matplotlib gives them, first found first, each with the
#: files to register when Matplotlib's font cache missed them (installed after it was built).
#: Debian's fonts-nanum (`make fonts`) and fonts-noto-cjk (Matplotlib names a .ttc by its first
#: face: JP in Debian's file, whose Hangul is the KR face's), then what macOS and Windows ship.
KOREAN_FONTS = {
    "NanumGothic": ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",),
    "Noto Sans CJK KR": (),
    "Noto Sans CJK JP": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",),
    "Apple SD Gothic Neo": ("/System/Library/Fonts/AppleSDGothicNeo.ttc",),
    "AppleGothic": ("/System/Library/Fonts/Supplemental/AppleGothic.ttf",),
    "Malgun Gothic": (r"C:\Windows\Fonts\malgun.ttf",),
}
BAR_COLOUR = "#4c72b0"
HIGHLIGHT_COLOUR = "#dd8452"

# Outcome colours of a prediction, the tutorial's (step 8.5-8.6): blue is the truth (a hit),
# red a wrong answer, grey everything else. Missed is gold *and* hatched, so it stays apart from
# red for a colour-blind reader; an answer with no known truth gets a neutral highlight.
RIGHT_COLOUR = "blue"
WRONG_COLOUR = "red"
OTHER_COLOUR = "#777777"
MISSED_COLOUR = "#ffb000"
MISSED_HATCH = "///"
MISSED_EDGE = "#8a5a00"
PREDICTED_NEUTRAL = HIGHLIGHT_COLOUR
SECOND_BAR_COLOUR = "#55a868"
QUADRANT_LINE_COLOUR = "#00b4d8"


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


#: The widest PNG a figure becomes. Streamlit shrinks any image wider than 1,460 pixels again on
#: every run of the page that shows it (a Browse run spent 0.37 s of its 0.46 s doing so).
MAX_WIDTH_PX = 1400


def to_png(figure: Figure, dpi: int = 150, tight: bool = True) -> bytes:
    """The figure as PNG bytes (for caching a rendered figure, or a download), at most
    :data:`MAX_WIDTH_PX` wide.

    ``tight`` trims the margins to what is drawn, at the price of drawing the figure twice;
    a figure laid out with fixed margins (:func:`value_arrays`) needs none.
    """
    buffer = io.BytesIO()
    dpi = min(dpi, MAX_WIDTH_PX / figure.get_figwidth() / (1.1 if tight else 1.0))  # tight may add a little
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight" if tight else None)
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


def _pixel_top(image) -> float:
    """The top of an image's scale: 255 for raw pixels, 1 once scaled."""
    return 255 if np.asarray(image).max() > 1 else 1


def _percent(share: float) -> str:
    return f"{100 * share:2.0f}%"


def _class_ticks(ax, class_names) -> None:
    """Class names under ten bars or cells, slanted so all ten fit."""
    names = [str(name) for name in class_names]
    ax.set_xticks(range(len(names)), names, rotation=45, ha="right", rotation_mode="anchor")


def plot_image(ax, probabilities, true_label, image, class_names) -> None:
    """The tutorial's ``plot_image`` (step 8.5), drawn on ``ax``: the garment dark on white, under it
    "predicted name, its probability (true name)", blue when right and red when wrong.

    ``true_label=None`` (a drawing with no known truth) leaves out the truth and writes in black.
    """
    _bare(ax)
    _draw(ax, image, vmin=0, vmax=_pixel_top(image), cmap="binary")
    probabilities = np.asarray(probabilities, dtype=float)
    predicted = int(np.argmax(probabilities))
    answer = f"{class_names[predicted]} {_percent(probabilities.max())}"
    if true_label is None:
        ax.set_xlabel(answer, color="black")
        return
    colour = RIGHT_COLOUR if predicted == int(true_label) else WRONG_COLOUR
    ax.set_xlabel(f"{answer} ({class_names[int(true_label)]})", color=colour)


def plot_value_array(ax, probabilities, true_label, class_names=None):
    """The tutorial's ``plot_value_array`` (step 8.6), drawn on ``ax``: ten grey bars from 0 to 1,
    the predicted class red and the true class blue (blue wins: a right answer is one blue bar).

    ``true_label=None`` draws the predicted bar in :data:`PREDICTED_NEUTRAL`. ``class_names``
    label the bars (step 8.13); without them there are no x ticks, as in the tutorial's grid.
    Returns the bars (a ``BarContainer``).
    """
    probabilities = np.asarray(probabilities, dtype=float)
    ax.grid(False)
    ax.set_yticks([])
    bars = ax.bar(range(len(probabilities)), probabilities, color=OTHER_COLOUR)
    ax.set_ylim(0, 1)
    _colour_value_bars(bars, probabilities, true_label)
    if class_names is None:
        ax.set_xticks([])
    else:
        _class_ticks(ax, class_names)
    return bars


def _colour_value_bars(bars, probabilities, true_label) -> None:
    """Grey bars, the predicted one red (or neutral with no truth), the true one blue."""
    predicted = int(np.argmax(probabilities))
    for bar, height in zip(bars, probabilities):
        bar.set_height(height)
        bar.set_color(OTHER_COLOUR)
    if true_label is None:
        bars[predicted].set_color(PREDICTED_NEUTRAL)
    else:
        bars[predicted].set_color(WRONG_COLOUR)
        bars[int(true_label)].set_color(RIGHT_COLOUR)


def prediction_figure(probabilities, true_label, image, class_names, width: float = 7.5,
                      height: float = 3.0) -> Figure:
    """One picture and the model's ten answers side by side (the tutorial's steps 8.7-8.8)."""
    figure = Figure(figsize=(width, height), layout="constrained")
    image_ax, bars_ax = figure.subplots(1, 2, width_ratios=[1, 1.8])
    plot_image(image_ax, probabilities, true_label, image, class_names)
    plot_value_array(bars_ax, probabilities, true_label, class_names)
    bars_ax.set_yticks([0, 0.5, 1])
    bars_ax.spines[["top", "right"]].set_visible(False)
    return figure


def value_arrays(answers, true_label, class_names, width: float = 5.6, row_height: float = 1.7) -> Figure:
    """Several models' answers to one picture, one row of the tutorial's bars each, titled by model
    (``answers``: title -> ten probabilities), the class names once under the last row.

    Laid out with fixed margins, so it renders in one pass (``to_png(..., tight=False)``): this is
    the chart a drawing redraws after every stroke, and constrained layout and a tight bounding
    box tripled its time.
    """
    rows = len(answers)
    height = row_height * rows + 1.0
    figure = Figure(figsize=(width, height))
    axes = figure.subplots(rows, 1, sharex=True, squeeze=False)[:, 0]
    for ax, (title, probabilities) in zip(axes, answers.items()):
        plot_value_array(ax, probabilities, true_label, class_names)
        ax.set_yticks([0, 0.5, 1])
        ax.tick_params(labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(str(title), loc="left", fontsize=10)
    for ax in axes[:-1]:
        ax.tick_params(labelbottom=False)
    figure.subplots_adjust(left=0.07, right=0.98, top=1 - 0.3 / height, bottom=0.95 / height, hspace=0.45)
    return figure


class _BarsOnAxes:
    """A :func:`value_arrays` figure drawn once without its bars, kept as pixels: each answer only
    draws the twenty bars over a copy of it (matplotlib's blitting)."""

    def __init__(self, titles, class_names, dpi: int):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.figure = value_arrays({title: np.zeros(len(class_names)) for title in titles}, None, class_names)
        self.figure.set_dpi(dpi)
        self.canvas = FigureCanvasAgg(self.figure)
        self.spines = [spine for ax in self.figure.axes for spine in ax.spines.values() if spine.get_visible()]
        moving = [bar for ax in self.figure.axes for bar in ax.patches] + self.spines
        for artist in moving:  # the axis lines lie over the bars: drawn with them
            artist.set_visible(False)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        for artist in moving:
            artist.set_visible(True)

    def png(self, answers, true_label) -> bytes:
        from PIL import Image

        self.canvas.restore_region(self.background)
        for ax, probabilities in zip(self.figure.axes, answers.values()):
            _colour_value_bars(ax.patches, np.asarray(probabilities, dtype=float), true_label)
            for bar in ax.patches:
                ax.draw_artist(bar)
        for spine in self.spines:
            spine.axes.draw_artist(spine)
        pixels = Image.frombuffer("RGBA", self.canvas.get_width_height(), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        pixels.convert("RGB").save(buffer, format="PNG", compress_level=3)
        return buffer.getvalue()


_VALUE_ARRAYS: dict[tuple, queue.SimpleQueue] = {}


def value_arrays_png(answers, true_label, class_names, dpi: int = 110) -> bytes:
    """:func:`value_arrays` as PNG bytes, for a chart redrawn again and again (after every pen
    stroke, for every student): the axes, ticks and names are drawn once per titles, class
    names and dpi, and each call draws only the bars over them.

    Building and drawing the whole figure cost 150-200 ms a call on 2 CPU cores, all of it
    holding the interpreter lock the other sessions wait for; drawing twenty bars over a kept
    copy costs a few milliseconds. The kept figures come from a pool, so two sessions drawing
    at once never share one.
    """
    pool = _VALUE_ARRAYS.setdefault((tuple(answers), tuple(map(str, class_names)), dpi), queue.SimpleQueue())
    try:
        drawing = pool.get_nowait()
    except queue.Empty:
        drawing = _BarsOnAxes(tuple(answers), class_names, dpi)
    try:
        return drawing.png(answers, true_label)
    finally:
        pool.put(drawing)


def prediction_grid(images, probabilities, true_labels, class_names, rows: int = 5,
                    cols: int = 3) -> Figure:
    """The tutorial's grid of answers (step 8.9): ``rows x cols`` cells, each a picture beside its
    ten bars, so ``2 * cols`` columns of axes. Cells past the last image stay blank;
    ``true_labels=None`` for pictures with no known truth.
    """
    images = np.asarray(images)
    figure = Figure(figsize=(2.7 * cols, 1.75 * rows), layout="constrained")
    # Pictures a little wider than their bars, so a caption like "Ankle boot 99% (Ankle boot)"
    # stays under its picture.
    axes = figure.subplots(rows, 2 * cols, squeeze=False, width_ratios=[1.2, 1] * cols)
    for cell in range(rows * cols):
        row, col = divmod(cell, cols)
        image_ax, bars_ax = axes[row, 2 * col], axes[row, 2 * col + 1]
        if cell >= len(images):
            image_ax.set_axis_off()
            bars_ax.set_axis_off()
            continue
        truth = None if true_labels is None else true_labels[cell]
        plot_image(image_ax, probabilities[cell], truth, images[cell], class_names)
        image_ax.xaxis.label.set_fontsize(7)
        plot_value_array(bars_ax, probabilities[cell], truth)
    return figure


OUTCOME_COLOURS = {
    "hit": RIGHT_COLOUR,          # present and decided
    "false_alarm": WRONG_COLOUR,  # decided but absent
    "missed": MISSED_COLOUR,      # present but not decided
    "absent": OTHER_COLOUR,       # absent and not decided
    "decided": PREDICTED_NEUTRAL,  # no truth known
    "not_decided": OTHER_COLOUR,
}


def outcomes(decided, truth) -> list[str]:
    """Each class's outcome, a key of :data:`OUTCOME_COLOURS`, from 10 booleans each.

    With ``truth=None`` a class is only "decided" or "not_decided".
    """
    decided = np.asarray(decided, dtype=bool)
    if truth is None:
        return ["decided" if d else "not_decided" for d in decided]
    table = {(True, True): "hit", (True, False): "false_alarm", (False, True): "missed",
             (False, False): "absent"}
    return [table[bool(d), bool(t)] for d, t in zip(decided, np.asarray(truth, dtype=bool))]


def _outcome_patch(outcome: str, label: str) -> Patch:
    hatch = MISSED_HATCH if outcome == "missed" else None
    edge = MISSED_EDGE if outcome == "missed" else OUTCOME_COLOURS[outcome]
    return Patch(facecolor=OUTCOME_COLOURS[outcome], edgecolor=edge, hatch=hatch, label=label)


def decision_bars(probabilities, decided, truth, class_names, threshold: float | None = None,
                  title: str = "", legend: dict | None = None, width: float = 6.5,
                  height: float = 3.2) -> Figure:
    """Any model's ten answers as bars coloured by outcome against the truth: blue a hit, red a
    false alarm, hatched gold a miss, grey absent and not decided. ``decided`` and ``truth`` are 10
    booleans (softmax: the argmax; multi-label: p >= threshold); ``truth=None`` draws the decided
    bars in :data:`PREDICTED_NEUTRAL`.

    ``threshold`` draws a dashed line at that height. ``legend`` maps "hit", "false_alarm",
    "missed", "absent" (with ``truth=None``: "decided", "not_decided") to the words to show, and
    "threshold" to the word beside the line. The legend shows every outcome it has words for,
    whether it occurs or not, so two models' figures side by side have the same layout.
    """
    probabilities = np.asarray(probabilities, dtype=float)
    legend = legend or {}
    kinds = outcomes(decided, truth)
    figure = Figure(figsize=(width, height), layout="constrained")
    ax = figure.add_subplot()
    bars = ax.bar(range(len(probabilities)), probabilities,
                  color=[OUTCOME_COLOURS[kind] for kind in kinds])
    for bar, kind in zip(bars, kinds):
        if kind == "missed":
            bar.set_hatch(MISSED_HATCH)
            bar.set_edgecolor(MISSED_EDGE)
    # The white behind a value keeps it legible where the threshold line crosses it.
    ax.bar_label(bars, labels=[f"{p:.2f}" if p > 0.02 else "" for p in probabilities],
                 fontsize=8, padding=1.5,
                 bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.3})
    ax.set_ylim(0, 1.05)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1])
    _class_ticks(ax, class_names)
    ax.spines[["top", "right"]].set_visible(False)
    keys = ("decided", "not_decided") if truth is None else ("hit", "false_alarm", "missed", "absent")
    handles = [_outcome_patch(key, legend[key]) for key in keys if key in legend]
    if threshold is not None:
        # Labelled in the legend row rather than beside the line, where a tall bar may stand;
        # the row keeps its height, so a figure with a threshold lines up with one without.
        words = f"{legend.get('threshold', '')} {threshold:.2f}".strip()
        handles.append(ax.axhline(threshold, color="black", linestyle="--", linewidth=1, label=words))
    if handles:
        figure.legend(handles=handles, loc="outside lower center", ncol=len(handles), frameon=False,
                      fontsize=9, handlelength=1.6, columnspacing=1.2)
    if title:
        ax.set_title(title, fontsize=11)
    return figure


def confusion_matrix_figure(matrix, class_names, normalise: bool = False, title: str = "",
                            xlabel: str = "", ylabel: str = "") -> Figure:
    """A confusion matrix as a heat map with its number in each cell: counts, or with
    ``normalise`` each row's shares (a row sums to 1; an empty row stays 0). Rows are the truth
    as given. A zero is written "0"; the text is white on dark cells and black on light ones.
    """
    counts = np.asarray(matrix, dtype=float)
    if normalise:
        totals = counts.sum(axis=1, keepdims=True)
        shown = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
        texts = [["0" if v == 0 else f"{v:.2f}" for v in row] for row in shown]
    else:
        shown = counts
        texts = [[f"{int(round(v))}" for v in row] for row in shown]
    figure = Figure(figsize=(6.6, 5.8), layout="constrained")
    ax = figure.add_subplot()
    heat = ax.imshow(shown, cmap="Blues", vmin=0, vmax=1 if normalise else max(1.0, shown.max()),
                     interpolation="nearest")
    for (row, col), value in np.ndenumerate(shown):
        red, green, blue, _ = heat.cmap(heat.norm(value))
        dark = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5
        ax.text(col, row, texts[row][col], ha="center", va="center", fontsize=8,
                color="white" if dark else "black")
    _class_ticks(ax, class_names)
    ax.set_yticks(range(len(class_names)), [str(name) for name in class_names])
    ax.tick_params(length=0)
    figure.colorbar(heat, ax=ax, shrink=0.8)
    if title:
        ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    return figure


def precision_recall_figure(precision, recall, class_names, labels=("precision", "recall"),
                            title: str = "") -> Figure:
    """Each class's precision and recall as a pair of bars, from 0 to 1."""
    precision, recall = np.asarray(precision, dtype=float), np.asarray(recall, dtype=float)
    positions = np.arange(len(precision))
    figure = Figure(figsize=(7.0, 3.4), layout="constrained")
    ax = figure.add_subplot()
    ax.bar(positions - 0.2, precision, 0.4, color=BAR_COLOUR, label=labels[0])
    ax.bar(positions + 0.2, recall, 0.4, color=SECOND_BAR_COLOUR, label=labels[1])
    ax.set_ylim(0, 1)
    ax.yaxis.grid(True, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    _class_ticks(ax, class_names)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", bbox_to_anchor=(1, 1), ncol=2, frameon=False, fontsize=9,
              borderaxespad=0.2)
    if title:
        ax.set_title(title, loc="left")
    return figure


def threshold_curve(thresholds, curves, stored: float | None = None, xlabel: str = "",
                    stored_label: str = "", title: str = "") -> Figure:
    """Metrics against the decision threshold, one line per entry of ``curves`` (name -> values),
    and a dotted vertical line at the ``stored`` threshold, labelled above the plot."""
    thresholds = np.asarray(thresholds, dtype=float)
    figure = Figure(figsize=(6.8, 3.4), layout="constrained")
    ax = figure.add_subplot()
    for name, values in curves.items():
        ax.plot(thresholds, np.asarray(values, dtype=float), label=str(name), linewidth=1.8)
    ax.set_xlim(thresholds.min(), thresholds.max())
    ax.set_ylim(0, 1)
    ax.grid(True, color="#dddddd", linewidth=0.8)
    ax.spines[["top", "right"]].set_visible(False)
    if stored is not None:
        ax.axvline(stored, color="black", linestyle=":", linewidth=1.4)
        ax.text(stored, 1.01, f"{stored_label} {stored:.2f}".strip(), transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=8)
    figure.legend(loc="outside right upper", frameon=False, fontsize=9)
    if xlabel:
        ax.set_xlabel(xlabel)
    if title:
        figure.suptitle(title)
    return figure


def _quadrant_lines(ax, height: int, width: int) -> None:
    """The lines between the four 28x28 quadrants of a canvas."""
    style = {"color": QUADRANT_LINE_COLOUR, "linewidth": 1.2}
    ax.axhline(height / 2 - 0.5, **style)
    ax.axvline(width / 2 - 0.5, **style)


def heatmap_overlay(image, heat, title: str = "", grid: bool = False, alpha: float = 0.55) -> Figure:
    """A picture in grey under a saliency map (values 0-1, any resolution: it is stretched over
    the picture) in the perceptual "inferno" colour map, with its colour bar. ``grid`` draws
    the quadrant lines of a 56x56 canvas."""
    image = np.asarray(image)
    height, width = image.shape[:2]
    figure = Figure(figsize=(4.4, 3.7), layout="constrained")
    ax = figure.add_subplot()
    _bare(ax)
    _draw(ax, image, vmin=0, vmax=_pixel_top(image))
    shown = ax.imshow(np.asarray(heat, dtype=float), cmap="inferno", vmin=0, vmax=1, alpha=alpha,
                      interpolation="nearest", extent=(-0.5, width - 0.5, height - 0.5, -0.5))
    figure.colorbar(shown, ax=ax, fraction=0.046)
    if grid:
        _quadrant_lines(ax, height, width)
    if title:
        ax.set_title(title)
    return figure


def tile_answer(probabilities, class_names, empty_label: str, threshold: float | None = None):
    """One quadrant's answer as (words, probability or None).

    Eleven softmax outputs: the top one, index 10 meaning empty. Ten sigmoid outputs: the top
    class, or ``empty_label`` (with no probability) when none reaches ``threshold`` (0.5).
    """
    probabilities = np.asarray(probabilities, dtype=float)
    top = int(np.argmax(probabilities))
    share = float(probabilities[top])
    if len(probabilities) > len(class_names):
        return (empty_label if top >= len(class_names) else str(class_names[top])), share
    if share < (0.5 if threshold is None else threshold):
        return empty_label, None
    return str(class_names[top]), share


def tile_answers_figure(canvas, tile_probabilities, class_names, empty_label: str,
                        threshold: float | None = None) -> Figure:
    """A 56x56 canvas with its quadrant lines and, at the foot of each quadrant, that tile's
    answer (see :func:`tile_answer`); an empty answer is written in grey."""
    canvas = np.asarray(canvas)
    height, width = canvas.shape[:2]
    figure = Figure(figsize=(4.2, 4.2), layout="constrained")
    ax = figure.add_subplot()
    _bare(ax)
    _draw(ax, canvas, vmin=0, vmax=_pixel_top(canvas))
    _quadrant_lines(ax, height, width)
    for quadrant, probabilities in enumerate(np.asarray(tile_probabilities, dtype=float)):
        words, share = tile_answer(probabilities, class_names, empty_label, threshold)
        row, col = divmod(quadrant, 2)
        ax.text((col + 0.5) * width / 2 - 0.5, (row + 1) * height / 2 - 1.5,
                words if share is None else f"{words} {_percent(share).strip()}",
                ha="center", va="bottom", fontsize=9,
                color="#555555" if share is None or words == empty_label else "black",
                bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})
    return figure



# --- The Lesson's figures --------------------------------------------------------------------

CURVE_COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52")
CURVE_MARKERS = ("o", "s", "^", "D")


def calibration_figure(band_labels, series, xlabel: str = "", ylabel: str = "", ideal_label: str = "",
                       width: float = 7.0, height: float = 3.4) -> Figure:
    """How often a model's answers are right, by how sure it was: for each series (name, share right
    per band, mean confidence per band, answers per band), one bar per confidence band with the share
    of right answers written on it; a black tick marks the band's mean
    confidence (where the bar would end if its confidence were honest); the count of answers is in
    brackets under the share. A band with no answer is left empty. Several series stand side by side in each band, each with its own hatching."""
    labels = [str(label) for label in band_labels]
    n = max(1, len(series))
    figure = Figure(figsize=(width, height), layout="constrained")
    ax = figure.add_subplot()
    step = 0.8 / n
    hatches = ("", "//", "..", "xx")
    for s, (name, right, confidence, count) in enumerate(series):
        right = np.asarray(right, dtype=float)
        confidence = np.asarray(confidence, dtype=float)
        count = np.asarray(count)
        x = np.arange(len(labels)) - 0.4 + step * (s + 0.5)
        shown = np.where(count > 0, right, 0.0)
        bars = ax.bar(x, shown, width=step * 0.92, color=CURVE_COLOURS[s % len(CURVE_COLOURS)],
                      hatch=hatches[s % len(hatches)], edgecolor="white", label=str(name))
        ax.bar_label(bars, labels=[f"{100 * r:.0f}%\n({int(c):,})" if c else "" for r, c in zip(right, count)],
                     fontsize=7, padding=2)
        for xi, c, conf in zip(x, count, confidence):
            if c:
                ax.hlines(conf, xi - step * 0.46, xi + step * 0.46, color="black", linewidth=2)
    ax.plot([], [], color="black", linewidth=2, label=ideal_label or "—")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylim(0, 1.18)
    ax.set_yticks(np.linspace(0, 1, 6), [f"{v:.0%}" for v in np.linspace(0, 1, 6)])
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    return figure


def history_figure(curves, epoch_label: str = "", loss_label: str = "", accuracy_label: str = "",
                   width: float = 7.0, height: float = 3.0) -> Figure:
    """Training curves per epoch, loss on the left and accuracy on the right: ``curves`` is a list of
    (legend, "loss" or "accuracy", values per epoch); each curve has its own colour and marker."""
    figure = Figure(figsize=(width, height), layout="constrained")
    loss_ax, accuracy_ax = figure.subplots(1, 2)
    for i, (name, panel, values) in enumerate(curves):
        ax = loss_ax if panel == "loss" else accuracy_ax
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(1, len(values) + 1), values, label=str(name), color=CURVE_COLOURS[i % len(CURVE_COLOURS)],
                marker=CURVE_MARKERS[i % len(CURVE_MARKERS)], linewidth=1.8)
    for ax, label in ((loss_ax, loss_label), (accuracy_ax, accuracy_label)):
        ax.grid(True, color="#dddddd", linewidth=0.8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.xaxis.get_major_locator().set_params(integer=True)
        if epoch_label:
            ax.set_xlabel(epoch_label)
        if label:
            ax.set_title(label, loc="left", fontsize=10)
        if ax.lines:
            ax.legend(fontsize=8, frameon=False)
    accuracy_ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    return figure


def feature_maps_figure(image, maps, kernels, edges=None, titles=None, cols: int = 4, cell: float = 1.45,
                        picture_title: str = "") -> Figure:
    """A picture, then each filter's feature map (``maps``: (H, W, filters)) in a grid, each map on its
    own scale (black 0, white its strongest answer), so every filter's pattern shows however weak;
    the filter's own 3x3 weights sit above the map's right corner (red above 0, blue below).
    ``edges`` marks edge filters with a dashed orange frame; ``titles`` names each map."""
    image, maps, kernels = np.asarray(image), np.asarray(maps, dtype=float), np.asarray(kernels, dtype=float)
    filters = maps.shape[-1]
    rows = math.ceil(filters / cols)
    figure = Figure(figsize=(cell * (cols + 2), (cell + 0.35) * rows), layout="constrained")
    grid = figure.add_gridspec(rows, cols + 2)
    picture = figure.add_subplot(grid[:min(rows, 2), :2])
    _bare(picture)
    _draw(picture, image, vmin=0, vmax=_pixel_top(image))
    if picture_title:
        picture.set_title(picture_title, fontsize=9)
    reach = max(float(np.abs(kernels).max()), 1e-6)
    for f in range(filters):
        ax = figure.add_subplot(grid[f // cols, 2 + f % cols])
        _bare(ax)
        ax.imshow(maps[..., f], cmap="gray", vmin=0, vmax=max(float(maps[..., f].max()), 1e-6),
                  interpolation="nearest")
        inset = ax.inset_axes((0.72, 1.02, 0.28, 0.28))
        _bare(inset)
        inset.imshow(kernels[..., f], cmap="RdBu_r", vmin=-reach, vmax=reach, interpolation="nearest")
        if edges is not None and edges[f]:
            for spine in ax.spines.values():
                spine.set_linestyle("--")
                spine.set_edgecolor(HIGHLIGHT_COLOUR)
                spine.set_linewidth(1.6)
        if titles is not None:
            ax.set_title(str(titles[f]), fontsize=8, pad=2, loc="left")
    return figure


def normalisation_cases(cases, column_titles, hist_label: str = "", count_label: str = "") -> Figure:
    """Each (row title, uint8 picture) in ``cases`` as x/255 and as min-max, both drawn on the same
    scale (black 0 to white 1, one colour bar), and the two sets of numbers as histograms on one
    shared axis from 0 to 1: where the two ways differ, the pictures and the histograms differ."""
    from .data import min_max, scale_255

    rows = len(cases)
    figure = Figure(figsize=(9.6, 2.6 * rows), layout="constrained")
    axes = figure.subplots(rows, 3, squeeze=False, width_ratios=[2, 2, 3])
    shown = None
    for row, (title, image) in enumerate(cases):
        variants = (scale_255(image), min_max(image))
        for col, values in enumerate(variants):
            ax = axes[row, col]
            _bare(ax)
            shown = _draw(ax, values, vmin=0, vmax=1)
            ax.set_title(f"{column_titles[col]}", fontsize=9)
            if col == 0:
                ax.set_ylabel(str(title), fontsize=9)
        hist = axes[row, 2]
        for col, values in enumerate(variants):
            hist.hist(values.ravel(), bins=40, range=(0, 1), histtype="step", linewidth=1.8,
                      color=CURVE_COLOURS[col], linestyle="-" if col == 0 else "--", label=str(column_titles[col]))
        hist.set_xlim(0, 1)
        hist.set_yscale("log")
        hist.spines[["top", "right"]].set_visible(False)
        hist.legend(fontsize=8, frameon=False)
        if hist_label:
            hist.set_xlabel(hist_label)
        if count_label:
            hist.set_ylabel(count_label)
    figure.colorbar(shown, ax=axes[:, :2].ravel().tolist(), fraction=0.03)
    return figure


def image_count(figure: Figure) -> int:
    """How many images a figure draws (for tests and sanity checks)."""
    return sum(len(ax.images) for ax in figure.axes)


__all__ = ["bar_chart", "class_sprite", "image_count", "image_with_colorbar", "labelled_grid",
           "normalisation_comparison", "to_png", "value_arrays", "value_arrays_png", "has_korean_font",
           "plot_image", "plot_value_array", "prediction_figure", "prediction_grid", "outcomes",
           "decision_bars", "confusion_matrix_figure", "precision_recall_figure", "threshold_curve",
           "heatmap_overlay", "tile_answer", "tile_answers_figure", "calibration_figure", "history_figure",
           "feature_maps_figure", "normalisation_cases",
           "MISSED_COLOUR", "OUTCOME_COLOURS", "PREDICTED_NEUTRAL"]
