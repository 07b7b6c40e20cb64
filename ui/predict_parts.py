"""Predict's parts: the test answers' figures, the widgets that ask which model, which picture and
which canvas, the tutorial's single-picture walk-through, the evaluations and the notebook's plain
CNNs side by side. ``pages/predict.py`` draws its five tabs with them."""

from __future__ import annotations

import numpy as np
import streamlit as st

from fmnist import composite, evaluation, i18n, plots, registry
from fmnist.contract import CANVAS_KINDS
from ui import state
from ui.answers import Canvas, compare_hint, decision_bars, png, threshold_ui, truth_text
from ui.dataset import dataset
from ui.models import model_name, shipped_predictor
from ui.test_answers import confusion_png, test_predictions_of
from ui.text import class_names, lang, tr
from ui.widgets import CRISP, upscale

SOURCES = ("sent", "test", "build")
PAIRS = ("in_use", "plain")  # the side-by-side's two models: those in use, or the notebook's plain CNNs
SCALE = 6  # a 56x56 canvas shown as 336x336 pixels
ANY = -1  # "any class" in a selectbox (which shows None as no choice at all)


# --- Compute (cached, plain values in) -----------------------------------------------------

@st.cache_resource(show_spinner=False)
def multi_test_composites() -> composite.Composites:
    _, (x_test, y_test) = dataset()
    return evaluation.test_composites("multi", x_test, y_test)


@st.cache_data(show_spinner=False, max_entries=16)
def precision_recall_png(kind: str, file: tuple, language: str) -> bytes:
    found = test_predictions_of(kind, *file)
    precision, recall = evaluation.precision_recall(evaluation.confusion_matrix(found.labels, found.predicted))
    labels = (i18n.t("predict.precision", language), i18n.t("predict.recall", language))
    return png(plots.precision_recall_figure(precision, recall, i18n.class_names(language), labels=labels))


@st.cache_data(show_spinner=False, max_entries=16)
def threshold_curve_png(file: tuple, stored: float, language: str) -> bytes:
    found = test_predictions_of("multi", *file)
    thresholds = np.round(np.arange(0.05, 0.96, 0.05), 2)
    sweep = evaluation.threshold_sweep(found.probabilities, found.labels, thresholds)
    names = {"exact_match": "predict.exact_match", "micro_f1": "predict.micro_f1", "macro_f1": "predict.macro_f1",
             "hamming_loss": "predict.hamming"}
    curves = {i18n.t(key, language): sweep[name] for name, key in names.items()}
    return png(plots.threshold_curve(thresholds, curves, stored=stored,
                                     xlabel=i18n.t("predict.threshold", language),
                                     stored_label=i18n.t("predict.curve_stored", language),
                                     title=i18n.t("predict.curve_title", language)))


# --- Ask -----------------------------------------------------------------------------------

def kind_ui(key: str, kinds: tuple, label_key: str = "predict.which_model") -> str:
    labels = {kind: model_name(kind) for kind in kinds}
    return st.segmented_control(tr(label_key), kinds, default=kinds[0], required=True, key=key,
                                format_func=labels.get)


def _random_index(key: str, count: int) -> None:
    state.put(key, int(np.random.default_rng().integers(count)))


def index_ui(key: str, count: int, label_key: str, random_key: str) -> int:
    state.default(key, 0)
    number, button = st.columns([3, 2], vertical_alignment="bottom")
    button.button(tr(random_key), key=f"{key}_random", on_click=_random_index, args=(key, count),
                  icon=":material/casino:", width="stretch")
    return int(number.number_input(tr(label_key), 0, count - 1, key=key))


def grid_filters_ui() -> dict:
    names = class_names()
    classes = {ANY: tr("predict.any"), **dict(enumerate(names))}
    size, mistakes = st.columns([3, 2])
    with size:
        rows_col, cols_col = st.columns(2)
        rows = rows_col.slider(tr("predict.rows"), 1, 8, 5, key="predict_rows")
        cols = cols_col.slider(tr("predict.cols"), 1, 5, 3, key="predict_cols")
    with mistakes:
        only_mistakes = st.toggle(tr("predict.only_mistakes"), key="predict_mistakes")
        orders = {"dataset": tr("predict.order_dataset"), "unsure": tr("predict.order_unsure")}
        order = st.segmented_control(tr("predict.order"), tuple(orders), default="dataset", required=True,
                                     format_func=orders.get, key="predict_order")
    true_col, predicted_col = st.columns(2)
    true_class = true_col.selectbox(tr("predict.true_class"), tuple(classes), format_func=classes.get,
                                    key="predict_true")
    predicted_class = predicted_col.selectbox(tr("predict.predicted_class"), tuple(classes), format_func=classes.get,
                                              key="predict_predicted")
    return dict(rows=rows, cols=cols, mistakes_only=only_mistakes, true_class=None if true_class == ANY else true_class,
                predicted_class=None if predicted_class == ANY else predicted_class, least_confident=order == "unsure")


def canvas_source_ui() -> str:
    """Where the canvas to ask about comes from: Compose, the test composites, or built here."""
    labels = {source: tr(f"predict.source_{source}") for source in SOURCES}
    default = "sent" if state.sent_canvas() else "test"
    return st.segmented_control(tr("predict.source"), SOURCES, default=default, required=True,
                                format_func=labels.get, key="predict_source")


def canvas_ui(source: str) -> Canvas:
    """The canvas itself: the one sent from Compose, a test composite by number, or one built here."""
    sent = state.sent_canvas()
    if source == "sent" and sent:
        return Canvas(np.asarray(sent["image"], dtype=np.uint8), np.asarray(sent["labels"]),
                      tuple(sent.get("sources_classes") or ()) or None)
    if source == "sent":
        st.info(tr("predict.sent_none"), icon=":material/info:")
    _, (x_test, y_test) = dataset()
    if source == "build":
        names = class_names()
        options = {ANY: tr("compose.any_class"), **dict(enumerate(names))}
        count = st.slider(tr("compose.count"), 0, composite.QUADRANTS, 2, key="predict_count")
        seed = st.slider(tr("compose.seed"), 0, 100, 0, key="predict_seed", help=tr("compose.seed_help"))
        chosen = [st.selectbox(tr("compose.garment_class", number=i + 1), tuple(options), format_func=options.get,
                               key=f"predict_class_{i}") for i in range(count)]
        sources = composite.arrange(y_test, [None if c == ANY else c for c in chosen], [None] * count, seed)
        return Canvas(composite.compose(x_test, sources[None])[0], composite.multi_hot(y_test, sources[None])[0],
                      tuple(composite.quadrant_classes(y_test, sources).tolist()))
    composites = multi_test_composites()
    # the first composite with three garments: a canvas with something to say about
    state.default("predict_composite", int(np.flatnonzero(composites.object_counts == 3)[0]))
    index = index_ui("predict_composite", len(composites), "predict.composite_index", "predict.random")
    return Canvas(composites.images[index], composites.labels[index],
                  tuple(composite.quadrant_classes(y_test, composites.sources[index]).tolist()))


def show_canvas(canvas: Canvas, key: str) -> None:
    with st.container(key=f"{CRISP}_{key}"):
        st.image(composite.preview(canvas.image, SCALE), alt=tr("compose.canvas_alt"), output_format="PNG")
    st.markdown(truth_text(canvas.truth, canvas.classes))


def walkthrough(kind: str, image: np.ndarray, probabilities: np.ndarray) -> None:
    """The tutorial's single-picture path (its steps 8.10-8.14) on this picture."""
    batch = (1, *image.shape) if kind == "dense" else (1, *image.shape, 1)
    top = int(np.argmax(probabilities))
    names = class_names()
    with st.expander(tr("predict.walk"), expanded=False):
        st.code("img = test_images[i]\nimg.shape", language="python")
        st.markdown(tr("predict.walk_shape", shape=f"`{tuple(image.shape)}`"))
        expand = "np.expand_dims(img, 0)" if kind == "dense" else "np.expand_dims(img, (0, -1))"
        st.code(f"img = {expand}\nimg.shape", language="python")
        st.markdown(tr("predict.walk_batch", shape=f"`{batch}`"))
        st.code("predictions_single = model.predict(img / 255)", language="python")
        st.markdown(tr("predict.walk_probs", total=float(probabilities.sum())))
        st.dataframe({tr("predict.col_class"): [f"{i} {name}" for i, name in enumerate(names)],
                      tr("predict.col_probability"): [f"{p:.6f}" for p in probabilities]},
                     hide_index=True, height=388)
        st.code("np.argmax(predictions_single[0])", language="python")
        st.markdown(tr("predict.walk_argmax", label=top, name=names[top]))


def class_evaluation(kind: str, found: evaluation.TestPredictions, file: tuple) -> None:
    names = class_names()
    matrix = evaluation.confusion_matrix(found.labels, found.predicted)
    accuracy, loss, mistakes = st.columns(3)
    accuracy.metric(tr("predict.accuracy"), f"{evaluation.accuracy(found.probabilities, found.labels):.1%}")
    loss.metric(tr("predict.loss"), f"{evaluation.cross_entropy(found.probabilities, found.labels):.3f}",
                help=tr("predict.loss_help"))
    mistakes.metric(tr("predict.mistakes"), f"{int(matrix.sum() - np.trace(matrix)):,} / {int(matrix.sum()):,}")

    st.subheader(tr("predict.confusion"))
    shares = {False: tr("predict.confusion_counts"), True: tr("predict.confusion_shares")}
    normalise = st.segmented_control(tr("predict.confusion"), (False, True), default=False, required=True,
                                     format_func=shares.get, key="predict_normalise", label_visibility="collapsed")
    figure, pairs = st.columns([3, 2])
    with figure:
        st.image(confusion_png(kind, file, bool(normalise), lang()))
        st.caption(tr("predict.confusion_caption"))
    with pairs:
        st.markdown(f"**{tr('predict.confused')}**")
        for truth, predicted, count in evaluation.most_confused(matrix, k=3):
            st.markdown(tr("predict.confused_pair", truth=names[truth], predicted=names[predicted], count=count))
            examples = np.flatnonzero((found.labels == truth) & (found.predicted == predicted))[:5]
            with st.container(key=f"{CRISP}_confused_{truth}_{predicted}"):
                st.image([upscale(found.images[i], 2 if kind == "dense" else 1) for i in examples],
                         caption=[f"#{i}" for i in examples], output_format="PNG")
    st.subheader(tr("predict.per_class"))
    st.image(precision_recall_png(kind, file, lang()))
    st.caption(tr("predict.per_class_caption"))


def multi_label_evaluation(found: evaluation.TestPredictions, file: tuple, threshold: float, stored: float) -> None:
    st.subheader(tr("predict.over_test", count=len(found.labels)))
    counts = found.counts
    by_count = evaluation.scores_by_count(found.probabilities, found.labels, counts, threshold)
    overall = evaluation.multi_label_scores(found.probabilities, found.labels, threshold)
    rows = [(str(n), int(np.count_nonzero(counts == n)), by_count[n]) for n in sorted(by_count)]
    rows.append((tr("predict.all"), len(counts), overall))
    st.dataframe({
        tr("predict.col_garments"): [row[0] for row in rows],
        tr("predict.col_canvases"): [row[1] for row in rows],
        tr("predict.exact_match"): [row[2]["exact_match"] for row in rows],
        tr("predict.micro_f1"): [row[2]["micro_f1"] for row in rows],
        tr("predict.macro_f1"): [row[2]["macro_f1"] for row in rows],
        tr("predict.hamming"): [row[2]["hamming_loss"] for row in rows],
    }, hide_index=True, column_config={tr(f"predict.{name}"): st.column_config.NumberColumn(format="%.3f")
                                       for name in ("exact_match", "micro_f1", "macro_f1", "hamming")})
    st.caption(tr("predict.metrics_caption", threshold=threshold))
    st.image(threshold_curve_png(file, stored, lang()))


def pair_ui() -> str:
    """Which two models answer side by side: those in use, or the notebook's plain CNNs."""
    labels = {pair: tr(f"predict.pair_{pair}") for pair in PAIRS}
    return st.segmented_control(tr("predict.pair"), PAIRS, default="in_use", required=True, format_func=labels.get,
                                key="predict_pair", help=tr("predict.pair_help"))


def plain_pair_ui(canvas: np.ndarray, truth: np.ndarray | None) -> None:
    """The notebook's two plain CNNs (``models/plain_*.keras``) on the same canvas, as
    ``compare_ui`` shows the models in use; a missing file is said, and the other still answers."""
    found = {}
    for kind in CANVAS_KINDS:
        try:
            found[kind] = shipped_predictor(kind, "plain")
        except registry.ModelError:
            path = registry.shipped_path(kind, "plain")
            st.warning(tr("predict.plain_missing", path=f"models/{path.name}", kind=kind), icon=":material/info:")
    threshold = threshold_ui(found["multi"][1], "predict_plain_threshold") if "multi" in found else None
    answers = {}
    for column, kind in zip(st.columns(2, gap="large"), CANVAS_KINDS):
        if kind in found:
            with column:
                answers[kind] = decision_bars(found[kind][0](canvas), truth, threshold if kind == "multi" else None,
                                              tr(f"predict.plain_{kind}_name"), f"plain_{kind}_bars")
    if len(answers) == 2:
        compare_hint(truth, answers["single"], answers["multi"], threshold)
