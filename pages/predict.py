"""Predict: what the models in use answer, how good they are, and why softmax and multi-label differ.

Ask (widgets, ``*_ui``), compute (``fmnist.evaluation``, ``fmnist.saliency``; every test answer of
a model is computed once per model file and server), show (``fmnist.plots`` figures as PNG, cached
by plain values). Five tabs that run only when open, so a rerun costs one tab's work.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from pages._warm_up import read_data_early

read_data_early()  # on a fresh server, while Matplotlib and the rest are imported below

from fmnist import composite, data, evaluation, i18n, plots, registry  # noqa: E402
from fmnist.contract import CANVAS_KINDS, KINDS  # noqa: E402
from pages._answers import (compare_hint, compare_ui, decision_bars, multi_bars, multi_threshold_ui,  # noqa: E402
                            png, predictor_or_error, stored_threshold, tile_answers, threshold_ui, truth_text)
from pages._shell import require_shell  # noqa: E402
from pages._test_answers import (confusion_png, grid_png, saliency_png, test_predictions,  # noqa: E402
                                 test_predictions_of, tutorial_pair_png)
from pages._state import received_canvas, sent_canvas  # noqa: E402
from pages._ui import (CRISP, active_model_file, class_names, crisp_images, dataset, lang,  # noqa: E402
                       load_active_model, model_name, shipped_predictor, tr, upscale)

require_shell()

TABS = ("tutorial", "evaluation", "multi", "compare", "saliency")
TAB_KEY = "predict_tab"
SOURCES = ("sent", "test", "build")
PAIRS = ("in_use", "plain")  # the side-by-side's two models: those in use, or the notebook's plain CNNs
SCALE = 6  # a 56x56 canvas shown as 336x336 pixels
ANY = -1  # "any class" in a selectbox (which shows None as no choice at all)
#: widget values kept while their tab is closed (Streamlit forgets a widget that is not drawn)
KEPT = ("predict_tutorial_kind", "predict_index", "predict_rows", "predict_cols", "predict_mistakes",
        "predict_true", "predict_predicted", "predict_order", "predict_eval_kind", "predict_normalise",
        "predict_source", "predict_composite", "predict_count", "predict_seed", "predict_threshold",
        "predict_saliency_kind", "predict_saliency_class", "predict_pair", "predict_plain_threshold")


def keep_widget_values() -> None:
    for key in KEPT:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


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
    st.session_state[key] = int(np.random.default_rng().integers(count))


def index_ui(key: str, count: int, label_key: str, random_key: str) -> int:
    st.session_state.setdefault(key, 0)
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


@dataclass(frozen=True)
class Canvas:
    """A canvas to ask about, with what is known of it."""

    image: np.ndarray  # (56, 56) uint8
    truth: np.ndarray | None  # (10,) multi-hot, or None when unknown
    classes: tuple | None  # the class in each quadrant (-1 = empty), or None


def canvas_source_ui() -> str:
    """Where the canvas to ask about comes from: Compose, the test composites, or built here."""
    labels = {source: tr(f"predict.source_{source}") for source in SOURCES}
    default = "sent" if sent_canvas() else "test"
    return st.segmented_control(tr("predict.source"), SOURCES, default=default, required=True,
                                format_func=labels.get, key="predict_source")


def canvas_ui(source: str) -> Canvas:
    """The canvas itself: the one sent from Compose, a test composite by number, or one built here."""
    sent = sent_canvas()
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
    st.session_state.setdefault("predict_composite", int(np.flatnonzero(composites.object_counts == 3)[0]))
    index = index_ui("predict_composite", len(composites), "predict.composite_index", "predict.random")
    return Canvas(composites.images[index], composites.labels[index],
                  tuple(composite.quadrant_classes(y_test, composites.sources[index]).tolist()))


def show_canvas(canvas: Canvas, key: str) -> None:
    with st.container(key=f"{CRISP}_{key}"):
        st.image(composite.preview(canvas.image, SCALE), alt=tr("compose.canvas_alt"), output_format="PNG")
    st.markdown(truth_text(canvas.truth, canvas.classes))


# --- Show: the tutorial's views --------------------------------------------------------------

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
        compare_hint(truth)


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
    st.session_state.setdefault("predict_saliency_class", default)
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
keep_widget_values()
st.title(tr("predict.title"))
st.write(tr("predict.intro"))
dataset()  # a clear message and a stop, if the data is missing
shown = {name: tr(f"predict.tab_{name}") for name in TABS}
if received_canvas():  # Compose sent a canvas: open on softmax against multi-label, showing it
    st.session_state[TAB_KEY] = shown["compare"]
    st.session_state["predict_source"] = "sent"
if st.session_state.get(TAB_KEY) not in shown.values():
    st.session_state.pop(TAB_KEY, None)  # the language changed: start at the first tab
contents = {"tutorial": tutorial_tab, "evaluation": evaluation_tab, "multi": multi_tab, "compare": compare_tab,
            "saliency": saliency_tab}
for tab, name in zip(st.tabs(list(shown.values()), key=TAB_KEY, on_change="rerun"), TABS):
    with tab:
        if tab.open:
            contents[name]()
