"""What the two prediction pages share: a model's answers drawn with the tutorial's charts, the
softmax and multi-label answers to one canvas side by side, and the words around them.

Predict (test pictures and composites) and Draw & upload (a garment of one's own) both call
these, so both pages look alike. Figures come from ``fmnist.plots`` and are rendered to PNG
here, cached by their plain inputs.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np
import streamlit as st

from fmnist import composite, i18n, plots, registry
from ui import state
from ui.models import active_predictor, active_tile_predictor, model_name
from ui.text import class_names, lang, tr

DPI = 110  # sharp enough on a projector, and half the rendering time of 150
OUTCOMES = ("hit", "false_alarm", "missed", "absent", "threshold")


@dataclass(frozen=True)
class Canvas:
    """A canvas to ask about, with what is known of it."""

    image: np.ndarray  # (56, 56) uint8
    truth: np.ndarray | None  # (10,) multi-hot, or None when unknown
    classes: tuple | None  # the class in each quadrant (-1 = empty), or None


def predictor_or_error(kind: str):
    """(Predictor, metadata) of the model in use for ``kind``, or None after an error on the page
    that names the file and what to do."""
    try:
        return active_predictor(kind)
    except registry.ModelError as exc:
        st.error(tr("predict.model_missing", model=model_name(kind), error=exc), icon=":material/error:")
        return None


def stored_threshold(metadata: dict) -> float:
    """The multi-label model's decision threshold from its JSON (0.5 when it has none)."""
    value = (metadata or {}).get("threshold")
    return float(value) if isinstance(value, (int, float)) and 0 < value < 1 else 0.5


def png(figure) -> bytes:
    return plots.to_png(figure, dpi=DPI)


@st.cache_data(show_spinner=False, max_entries=256)
def decision_png(probabilities: np.ndarray, decided: np.ndarray, truth: np.ndarray | None,
                 threshold: float | None, title: str, language: str) -> bytes:
    legend = {name: i18n.t(f"predict.outcome_{name}", language) for name in OUTCOMES}
    return png(plots.decision_bars(probabilities, decided, truth, i18n.class_names(language),
                                   threshold=threshold, title=title, legend=legend, width=6.0, height=3.6))


def inline(png_bytes: bytes) -> str:
    """A PNG as a data URL: it travels with the page's update instead of being fetched after it
    (the server answers that fetch only once the page's script has finished)."""
    return "data:image/png;base64," + base64.b64encode(png_bytes).decode("ascii")


def value_arrays_image(answers: dict, true_label: int | None) -> None:
    """Several models' bars for a picture of one's own, in one chart redrawn after every pen stroke."""
    png_bytes = plots.value_arrays_png(answers, true_label, class_names(), dpi=DPI)
    st.container(key="draw_bars").image(inline(png_bytes), width="stretch")


def answer_metric(probabilities: np.ndarray, label: str) -> None:
    """The top class as a big number: its name in the chosen language, its probability beside it."""
    top = int(np.argmax(probabilities))
    st.metric(label, class_names()[top], delta=f"{probabilities[top]:.0%}", delta_color="off", delta_arrow="off")


def garment_list(classes) -> str:
    """'Bag (↗ 1 top-right), Sneaker (↙ 2 bottom-left)' for the classes in each quadrant (-1 = empty)."""
    names = class_names()
    return ", ".join(tr("predict.in_quadrant", name=names[c], quadrant=tr(f"compose.quadrant_{q}"))
                     for q, c in enumerate(classes) if c >= 0)


def truth_text(truth: np.ndarray | None, classes=None) -> str:
    if truth is None:
        return tr("predict.on_canvas_unknown")
    if not np.any(truth):
        return tr("predict.on_canvas_none")
    if classes is not None:
        return tr("predict.on_canvas", garments=garment_list(classes))
    return tr("predict.on_canvas", garments=", ".join(class_names()[c] for c in np.flatnonzero(truth)))


def said_text(decided: np.ndarray) -> str:
    chosen = np.flatnonzero(decided)
    if not len(chosen):
        return tr("predict.says_nothing")
    return tr("predict.says", garments=", ".join(class_names()[c] for c in chosen))


def threshold_ui(metadata: dict, key: str) -> float:
    stored = stored_threshold(metadata)
    state.default(key, stored)
    return st.slider(tr("predict.threshold"), 0.05, 0.95, step=0.05, key=key,
                     help=tr("predict.threshold_help", stored=stored))


def decision_bars(probabilities: np.ndarray, truth: np.ndarray | None, threshold: float | None, name: str,
                  key: str, alt: str | None = None) -> np.ndarray:
    """A canvas model's answer as outcome-coloured bars under the model's ``name``, and what it
    says: the largest for a softmax (``threshold=None``), every class at or above ``threshold``
    for a multi-label model (drawn as a line); ``alt``, what a sighted reader reads from the bars.
    Returns ``probabilities``."""
    if threshold is None:
        decided = np.arange(len(probabilities)) == int(np.argmax(probabilities))
        title = f"{name}\n{tr('predict.single_title', total=float(probabilities.sum()))}"
    else:
        decided = probabilities >= threshold
        title = f"{name}\n{tr('predict.multi_title', total=float(probabilities.sum()))}"
    st.container(key=key).image(decision_png(probabilities, decided, truth, threshold, title, lang()),
                                width="stretch", alt=alt)
    st.markdown(said_text(decided))
    return probabilities


def single_bars(canvas: np.ndarray, truth: np.ndarray | None) -> np.ndarray | None:
    """The softmax canvas model's answer for ``canvas`` as outcome-coloured bars; its probabilities."""
    found = predictor_or_error("single")
    if found is None:
        return None
    return decision_bars(found[0](canvas), truth, None, model_name("single"), "single_bars")


def multi_bars(canvas: np.ndarray, truth: np.ndarray | None, threshold: float) -> np.ndarray | None:
    """The multi-label model's answer with the threshold drawn as a line."""
    found = predictor_or_error("multi")
    if found is None:
        return None
    return decision_bars(found[0](canvas), truth, threshold, model_name("multi"), "multi_bars")


def compare_hint(truth: np.ndarray | None, single: np.ndarray, multi: np.ndarray, threshold: float) -> None:
    """What the two models did with this many garments, in words made of their answers: what the
    softmax named (and its next bar), what the multi-label model said yes to."""
    if truth is None:
        return
    names = class_names()
    count = int(np.count_nonzero(truth))
    first, second = np.argsort(-single)[:2]
    said = np.flatnonzero(multi >= threshold)
    found = int(np.count_nonzero(said[np.asarray(truth)[said] > 0])) if len(said) else 0
    key = "predict.compare_none" if count == 0 else "predict.compare_one" if count == 1 else "predict.compare_many"
    st.info(tr(key, count=count, name=names[first], percent=float(single[first]), second_name=names[second],
               second=float(single[second]), found=found,
               said=", ".join(names[c] for c in said) if len(said) else tr("predict.says_no_garment")),
            icon=":material/lightbulb:")


def multi_threshold_ui(key: str) -> float:
    """The threshold slider of the multi-label model in use (its stored threshold to start with)."""
    found = predictor_or_error("multi")
    return threshold_ui(found[1] if found else {}, key)


def compare_ui(canvas: np.ndarray, truth: np.ndarray | None, threshold_key: str) -> None:
    """The same canvas into the softmax and the multi-label model, bars side by side, and what the
    difference means for this many garments."""
    threshold = multi_threshold_ui(threshold_key)
    left, right = st.columns(2, gap="large")
    with left:
        single = single_bars(canvas, truth)
    with right:
        multi = multi_bars(canvas, truth, threshold)
    if single is not None and multi is not None:
        compare_hint(truth, single, multi, threshold)


def tile_answers(canvas: np.ndarray, kind: str) -> np.ndarray | None:
    """What the canvas model answers for each quadrant (its shared tile network, averaged with the
    mirrored quadrant when the model does so): (4, 11) or (4, 10) probabilities."""
    try:
        predictor = active_tile_predictor(kind)
    except registry.ModelError:
        return None  # the bars beside it have said what is missing
    return predictor(composite.tiles(np.asarray(canvas)[None])[0])
