"""Predict: what the models in use answer, how good they are, and why softmax and multi-label differ.

Ask (which model, which picture or canvas: ``ui.predict_parts``), compute (``fmnist.evaluation``,
``fmnist.saliency``; every test answer of a model is computed once per model file and server:
``ui.test_answers``), show (``fmnist.plots`` figures as PNG, cached by plain values). Five tabs that
run only when open, so a rerun costs one tab's work.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from fmnist import data, evaluation, plots, registry
from fmnist.contract import KINDS
from ui import state
from ui.answers import (compare_ui, multi_bars, multi_threshold_ui, png, predictor_or_error, stored_threshold,
                        threshold_ui, tile_answers, truth_text)
from ui.dataset import dataset
from ui.models import active_model_file, load_active_model, model_name
from ui.predict_parts import (canvas_source_ui, canvas_ui, class_evaluation, grid_filters_ui, index_ui, kind_ui,
                              multi_label_evaluation, pair_ui, plain_pair_ui, show_canvas, walkthrough)
from ui.test_answers import grid_png, saliency_png, test_predictions, tutorial_pair_png
from ui.text import class_names, lang, tr
from ui.widgets import crisp_images, lazy_tabs, upscale

TABS = ("tutorial", "evaluation", "multi", "compare", "saliency")
TAB_KEY = "predict_tab"
#: widget values kept while their tab is closed (Streamlit forgets a widget that is not drawn)
KEPT = ("predict_tutorial_kind", "predict_index", "predict_rows", "predict_cols", "predict_mistakes",
        "predict_true", "predict_predicted", "predict_order", "predict_eval_kind", "predict_normalise",
        "predict_source", "predict_composite", "predict_count", "predict_seed", "predict_threshold",
        "predict_saliency_kind", "predict_saliency_class", "predict_pair", "predict_plain_threshold")


# --- Show: the tutorial's views --------------------------------------------------------------

def tutorial_tab() -> None:
    kind = kind_ui("predict_tutorial_kind", ("dense", "single"))
    found, file = test_predictions(kind)
    if found is None:
        return
    caption = "predict.on_images" if kind == "dense" else "predict.on_canvases"
    st.caption(tr(caption, model=model_name(kind)))
    st.subheader(tr("predict.one_image"))
    picture, steps = st.columns([3, 2], gap="large")
    with steps:
        index = index_ui("predict_index", len(found.labels), "predict.index", "predict.random")
    with picture:
        st.image(tutorial_pair_png(kind, file, index, lang()))
        names = class_names()
        st.caption(tr("predict.pair_caption", index=index, truth=names[int(found.labels[index])],
                      predicted=names[int(found.predicted[index])],
                      percent=float(found.probabilities[index].max())))
    with steps:
        walkthrough(kind, found.images[index], found.probabilities[index])

    st.subheader(tr("predict.grid"))
    filters = grid_filters_ui()
    rows, cols = filters.pop("rows"), filters.pop("cols")
    matching = evaluation.choose_examples(found, **filters)
    if not len(matching):
        st.info(tr("predict.grid_none"))
        return
    shown = matching[:rows * cols]
    st.image(grid_png(kind, file, tuple(int(i) for i in shown), cols, lang()))
    st.caption(tr("predict.grid_caption", shown=len(shown), total=len(matching), all=len(found.labels)))


# --- Show: evaluation ------------------------------------------------------------------------

def evaluation_tab() -> None:
    kind = kind_ui("predict_eval_kind", KINDS)
    found, file = test_predictions(kind)
    if found is None:
        return
    caption = "predict.on_images" if kind == "dense" else "predict.on_canvases"
    st.caption(tr(caption, model=model_name(kind)))
    if kind != "multi":
        class_evaluation(kind, found, file)
        return
    st.caption(tr("predict.multi_on_evaluation"))
    metadata = registry.read_metadata(file[0]) or {}
    multi_label_evaluation(found, file, threshold_ui(metadata, "predict_threshold"), stored_threshold(metadata))


# --- Show: canvases --------------------------------------------------------------------------

def multi_tab() -> None:
    source = canvas_source_ui()
    ask, answer = st.columns([2, 3], gap="large")
    with ask:
        canvas = canvas_ui(source)
        tiles = tile_answers(canvas.image, "multi")
        if tiles is not None:
            st.image(png(plots.tile_answers_figure(canvas.image, tiles, class_names(), tr("predict.empty"))))
            st.caption(tr("predict.tiles_caption"))
    with answer:
        st.markdown(truth_text(canvas.truth, canvas.classes))
        multi_bars(canvas.image, canvas.truth, multi_threshold_ui("predict_threshold"))
    found, file = test_predictions("multi")
    if found is not None:
        metadata = registry.read_metadata(file[0]) or {}
        multi_label_evaluation(found, file, st.session_state.get("predict_threshold", stored_threshold(metadata)),
                               stored_threshold(metadata))


def compare_tab() -> None:
    st.markdown(tr("predict.compare_intro"))
    pair = pair_ui()
    source = canvas_source_ui()
    ask, show = st.columns([1, 2], gap="large")
    with ask:
        canvas = canvas_ui(source)
    with show:
        show_canvas(canvas, "predict_compare_canvas")
    if pair == "plain":
        plain_pair_ui(canvas.image, canvas.truth)
    else:
        compare_ui(canvas.image, canvas.truth, "predict_threshold")
    st.subheader(tr("predict.recipe_title"))
    st.markdown(tr("predict.recipe_table"))
    really = "predict.really_plain" if pair == "plain" else "predict.really"
    with st.expander(tr(f"{really}_title"), expanded=True):
        st.markdown(tr(really))


def saliency_tab() -> None:
    st.markdown(tr("predict.saliency_intro"))
    kind = kind_ui("predict_saliency_kind", ("multi", "single", "dense"))
    try:
        file = active_model_file(kind)
        load_active_model(kind)
    except registry.ModelError as exc:
        st.error(tr("predict.model_missing", model=model_name(kind), error=exc), icon=":material/error:")
        return
    ask, show = st.columns([2, 3])
    with ask:
        if kind == "dense":
            (_, _), (x_test, y_test) = dataset()
            index = index_ui("predict_index", len(x_test), "predict.index", "predict.random")
            image, truth = x_test[index], np.eye(data.NUM_CLASSES, dtype=np.uint8)[y_test[index]]
            st.image(upscale(image, 8), output_format="PNG")
            st.markdown(truth_text(truth))
        else:
            canvas = canvas_ui(canvas_source_ui())
            image, truth = canvas.image, canvas.truth
            show_canvas(canvas, "predict_saliency_canvas")
    predictor, _ = predictor_or_error(kind) or (None, None)
    if predictor is None:
        return
    probabilities = predictor(image)
    names = class_names()
    default = int(np.flatnonzero(truth)[0]) if truth is not None and truth.any() else int(np.argmax(probabilities))
    state.default("predict_saliency_class", default)
    with ask:
        label = st.selectbox(tr("predict.saliency_class"), range(data.NUM_CLASSES), format_func=names.__getitem__,
                             key="predict_saliency_class")
    picture, shares = saliency_png(kind, file, np.asarray(image, dtype=np.uint8), int(label), lang())
    with show:
        st.image(picture)
        st.markdown(tr("predict.saliency_answer", name=names[label], percent=float(probabilities[label])))
        if shares and max(shares) > 0:
            hottest = int(np.argmax(shares))
            st.markdown(tr("predict.hottest", quadrant=tr(f"compose.quadrant_{hottest}"), share=shares[hottest]))


# --- The page ----------------------------------------------------------------------------------

crisp_images()
st.title(tr("predict.title"))
st.write(tr("predict.intro"))
dataset()  # a clear message and a stop, if the data is missing
sent = state.received_canvas()  # Compose sent a canvas: open on softmax against multi-label, showing it
if sent:
    state.put("predict_source", "sent")
lazy_tabs({name: tr(f"predict.tab_{name}") for name in TABS}, TAB_KEY,
          {"tutorial": tutorial_tab, "evaluation": evaluation_tab, "multi": multi_tab, "compare": compare_tab,
           "saliency": saliency_tab}, kept=KEPT, open_on="compare" if sent else None)
