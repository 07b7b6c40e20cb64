"""The Lesson's steps: each one's live element and each question's reveal, made of the other
pages' pieces (the data figures, the test answers, the canvas bars, the drawing) and the
Lesson's own figures (``ui.lesson_figures``).

:data:`STEP_VIEWS` maps a step of ``fmnist.lesson.STEPS`` to the function that shows its live
element; :data:`REVEALS` maps each question to what computes its right answer from what the model
on screen really answers and shows it (``fmnist.lesson`` does the computing; an exit ticket's
answers are known in advance). Every figure has a text alternative saying what a sighted student
reads from it, with the figure's own numbers.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import streamlit as st

from fmnist import classroom, composite, data, evaluation, i18n, lesson, plots, registry
from ui import state
from ui.answers import Canvas, decision_bars, png, predictor_or_error, single_bars, threshold_ui, truth_text
from ui.challenge import challenge_ui
from ui.data_figures import counts_png, split_facts, tutorial_grid_png
from ui.dataset import dataset
from ui.lesson_figures import (calibration_png, conv_canvas, feature_maps_png, first_layer, heat_png, history_png,
                               normalisation_png, outline_probabilities, outlines_png, pixel_extremes, plain_file,
                               saliency_shares, train_and_test)
from ui.models import active_model_file, load_active_model, model_name, shipped_predictor
from ui.own_garment import drawing_and_answers
from ui.predict_parts import threshold_curve_png
from ui.test_answers import confusion_png, grid_png, test_predictions, test_predictions_of, tutorial_pair_png
from ui.text import class_names, lang, tr
from ui.widgets import CRISP, label_boxes

SCALE = 5  # a 56x56 canvas shown as 280x280 pixels: a phone's width


@st.cache_resource(show_spinner=False)
def versus_canvas() -> Canvas:
    """The canvas the softmax, threshold and saliency questions ask about: a Bag top-left and a
    Sneaker bottom-right, from the test set (the same for every student)."""
    _, (x_test, y_test) = dataset()
    quadrants = list(lesson.VERSUS_CLASSES)
    sources = composite.arrange(y_test, [lesson.VERSUS_CLASSES[q] for q in quadrants], quadrants, seed=0)
    return Canvas(composite.compose(x_test, sources[None])[0], composite.multi_hot(y_test, sources[None])[0],
                  tuple(composite.quadrant_classes(y_test, sources).tolist()))


def show_canvas(image: np.ndarray, key: str, alt: str | None = None) -> None:
    with st.container(key=f"{CRISP}_{key}"):
        st.image(composite.preview(image, SCALE), alt=alt or tr("compose.canvas_alt"), output_format="PNG")


def figure(picture: bytes, alt: str, caption: str | None = None, narrow: bool = False) -> None:
    """A figure with its text alternative (what a sighted student reads from it), and a caption."""
    (st.columns([3, 2])[0] if narrow else st).image(picture, alt=alt)
    if caption:
        st.caption(caption)


def plain(kind: str):
    """(Predictor, metadata) of the notebook's plain CNN of ``kind``, or None after a message."""
    try:
        return shipped_predictor(kind, "plain")
    except registry.ModelError:
        path = registry.shipped_path(kind, "plain")
        st.warning(tr("predict.plain_missing", path=f"models/{path.name}", kind=kind), icon=":material/info:")
        return None


def dense_file():
    """(path, modified) of the tutorial model in use, or None after a message."""
    try:
        file = active_model_file("dense")
        load_active_model("dense")
        return file
    except registry.ModelError as exc:
        st.error(tr("predict.model_missing", model=model_name("dense"), error=exc), icon=":material/error:")
        return None


def names_of(classes) -> str:
    return ", ".join(class_names()[c] for c in classes) or tr("lesson.nothing")


# --- Each step's live element ----------------------------------------------------------------------

def goals_view() -> None:
    canvas = versus_canvas()
    words, picture = st.columns([3, 2], gap="large")
    with words:
        for goal in ("classify", "versus", "insert"):
            st.markdown(f"- {tr(f'lesson.goals.goal_{goal}')}")
    with picture:
        show_canvas(canvas.image, "lesson_goals_canvas", tr("lesson.versus.canvas_alt"))
        st.caption(tr("lesson.goals.canvas_caption"))


def data_view() -> None:
    dataset()
    train, test = split_facts("train"), split_facts("test")
    columns = st.columns(4)
    columns[0].metric(tr("browse.train_count"), f"{train.count:,}")
    columns[1].metric(tr("browse.test_count"), f"{test.count:,}")
    columns[2].metric(tr("browse.shape"), f"{train.shape[1]} × {train.shape[2]}")
    columns[3].metric(tr("browse.range"), f"{train.pixel_min}–{train.pixel_max}")
    counts = train.counts_per_class
    figure(counts_png("train", lang()), tr("lesson.data.counts_alt", low=min(counts), high=max(counts)))


def pixels_view() -> None:
    dataset()
    index = int(st.number_input(tr("browse.norm_index"), 0, split_facts("train").count - 1, 0,
                                key="lesson_pixels_index"))
    image = dataset()[0][0][index]
    dim = data.dimmed(image)
    darkest, peak = pixel_extremes("train")
    figure(normalisation_png(index, lang()),
           tr("lesson.pixels.alt", low=int(dim.min()), high=int(dim.max())),
           tr("lesson.pixels.caption", count=split_facts("train").count, darkest=darkest, peak=peak,
              gap=(255 - peak) / 255 if darkest == 0 else 1.0, low=int(dim.min()), high=int(dim.max()),
              low_share=dim.min() / 255, high_share=dim.max() / 255))


def grid_view() -> None:
    dataset()
    # a column, not st.image(width=...): Streamlit would decode and shrink the PNG again on every run
    st.columns([3, 2])[0].image(tutorial_grid_png("train", lang()), alt=tr("lesson.grid.alt"))


def dense_view() -> None:
    try:
        model, metadata = load_active_model("dense")
    except registry.ModelError as exc:  # a missing or broken model: said, and the lesson goes on
        st.error(tr("predict.model_missing", model=model_name("dense"), error=exc), icon=":material/error:")
        return
    table, curves = st.columns([2, 3], gap="medium")
    rows = [(type(layer).__name__, str(tuple(layer.output.shape[1:])), f"{layer.count_params():,}")
            for layer in model.layers]
    table.table({tr("lesson.dense.layer"): [r[0] for r in rows], tr("lesson.dense.shape"): [r[1] for r in rows],
                 tr("lesson.dense.params"): [r[2] for r in rows]}, hide_index=True)
    table.caption(tr("lesson.dense.trained", epochs=(metadata or {}).get("epochs", "?"),
                     total=f"{model.count_params():,}"))
    history = (metadata or {}).get("history") or {}
    with curves:
        if history.get("loss") and history.get("accuracy"):
            figure(history_png(history, False, lang()),
                   tr("lesson.dense.curves_alt", epochs=len(history["loss"]), first=history["loss"][0],
                      last=history["loss"][-1], start=history["accuracy"][0], end=history["accuracy"][-1]),
                   tr("lesson.dense.curves_caption"))
        else:
            st.info(tr("lesson.dense.no_history"), icon=":material/info:")
        file = dense_file()
        if file is not None:
            with st.spinner(tr("lesson.dense.measuring")):
                found = train_and_test(*file)
            st.metric(tr("lesson.dense.train_metric"), f"{found.train:.1%}",
                      help=tr("lesson.dense.train_help", count=found.train_count))


def index_input(key: str, count: int) -> int:
    return int(st.number_input(tr("predict.index"), 0, count - 1, 0, key=key))


def one_view() -> None:
    found, file = test_predictions("dense")
    if found is None:
        return
    ask, show = st.columns([1, 3], gap="large")
    names = class_names()
    with ask:
        index = index_input("lesson_one_index", len(found.labels))
    with show:
        truth, said = names[int(found.labels[index])], names[int(found.predicted[index])]
        percent = float(found.probabilities[index].max())
        st.image(tutorial_pair_png("dense", file, index, lang()),
                 alt=tr("lesson.one.pair_alt", index=index, truth=truth, predicted=said, percent=percent))
        st.caption(tr("predict.pair_caption", index=index, truth=truth, predicted=said, percent=percent))
    calibration = evaluation.calibration(found.probabilities, found.labels)
    sure, right = evaluation.confident_answers(found.probabilities, found.labels, lesson.SURE_AT)
    gap = lesson.calibration_gap(calibration)
    words = dict(sure=sure, right=right / max(sure, 1), wrong=sure - right, gap=gap)
    figure(calibration_png(*file, False, lang()), tr("lesson.one.calibration_alt", **words),
           tr("lesson.one.honest" if gap <= lesson.HONEST else "lesson.one.not_honest", **words))


def _confident_mistake(key: str, found: np.ndarray) -> None:
    state.put(key, int(np.random.default_rng().choice(found)))


def errors_view() -> None:
    found, file = test_predictions("dense")
    if found is None:
        return
    start = lesson.mistakes_window(found.labels, found.predicted)
    shown = tuple(range(start, min(start + 15, len(found.labels))))
    wrong = [i for i in shown if found.predicted[i] != found.labels[i]]
    names = class_names()
    mistakes = ", ".join(tr("lesson.errors.mistake", index=i, truth=names[int(found.labels[i])],
                            predicted=names[int(found.predicted[i])]) for i in wrong)
    grid, confident = st.columns([3, 2], gap="large")
    with grid:
        figure(grid_png("dense", file, shown, 3, lang()),
               tr("lesson.errors.grid_alt", first=shown[0], last=shown[-1], count=len(wrong), mistakes=mistakes),
               tr("lesson.errors.grid_caption", first=shown[0], last=shown[-1], count=len(wrong)))
    with confident:
        candidates = lesson.confident_mistakes(found.probabilities, found.labels)
        key = "lesson_errors_confident"
        st.button(tr("lesson.errors.show_confident"), key=f"{key}_button", on_click=_confident_mistake,
                  args=(key, candidates), icon=":material/casino:", disabled=not len(candidates))
        index = st.session_state.get(key)
        if index is not None:
            truth, said = names[int(found.labels[index])], names[int(found.predicted[index])]
            percent = float(found.probabilities[index].max())
            st.image(tutorial_pair_png("dense", file, index, lang()),
                     alt=tr("lesson.one.pair_alt", index=index, truth=truth, predicted=said, percent=percent))
            st.caption(tr("lesson.errors.confident_caption", index=index, truth=truth, predicted=said,
                          percent=percent, count=len(candidates), at_least=lesson.CONFIDENT))


def single_view() -> None:
    (x_train, y_train), _ = dataset()
    names = class_names()
    ask, show, bars = st.columns([2, 2, 3], gap="medium")
    with ask:
        label = st.selectbox(tr("compose.class"), range(data.NUM_CLASSES), format_func=names.__getitem__,
                             key="lesson_single_class")
        labels = {q: tr(f"compose.quadrant_{q}") for q in range(composite.QUADRANTS)}
        quadrant = st.radio(tr("compose.quadrant"), tuple(labels), format_func=labels.get, key="lesson_single_quadrant")
    index = int(data.indices_of_class(y_train, label, 1)[0])
    canvas = composite.place_in_quadrant(x_train[index], quadrant)
    truth = np.eye(data.NUM_CLASSES, dtype=np.uint8)[label]
    with show:
        show_canvas(canvas, "lesson_single_canvas")
    with bars:
        single_bars(canvas, truth)
        found = predictor_or_error("single")
        if found is not None:
            everywhere = found[0](np.stack([composite.place_in_quadrant(x_train[index], q)
                                            for q in range(composite.QUADRANTS)]))
            st.caption(tr("lesson.single.caption", name=names[label], low=float(everywhere[:, label].min()),
                          high=float(everywhere[:, label].max())))


def multi_view() -> None:
    (x_train, y_train), _ = dataset()
    ask, show = st.columns([2, 3], gap="large")
    with ask:
        count = st.slider(tr("compose.count"), 0, composite.QUADRANTS, 2, key="lesson_multi_count")
        seed = st.slider(tr("compose.seed"), 0, 100, 0, key="lesson_multi_seed", help=tr("compose.seed_help"))
    sources = composite.arrange(y_train, [None] * count, [None] * count, seed)
    canvas = composite.compose(x_train, sources[None])[0]
    hot = composite.multi_hot(y_train, sources[None])[0]
    with show:
        show_canvas(canvas, "lesson_multi_canvas")
    st.markdown(f"**{tr('compose.multi_hot')}**")
    label_boxes(hot, class_names(), caption=f"`{hot.tolist()}`")


def conv_view() -> None:
    try:
        file = plain_file("single")
    except registry.ModelError:
        plain("single")  # says what is missing
        return
    canvas = conv_canvas()
    maps, kernels, edges = first_layer(*file, canvas)
    words = dict(filters=maps.shape[-1], edges=int(edges.sum()), size=f"{kernels.shape[0]}x{kernels.shape[1]}")
    figure(feature_maps_png(*file, canvas, lang()), tr("lesson.conv.alt", **words), tr("lesson.conv.caption", **words))


def versus_view() -> None:
    canvas = versus_canvas()
    show_canvas(canvas.image, "lesson_versus_canvas", tr("lesson.versus.canvas_alt"))
    st.markdown(truth_text(canvas.truth))


def sigmoid_view() -> None:
    canvas = versus_canvas()
    found = plain("multi")
    picture, bars = st.columns([2, 3], gap="large")
    with picture:
        show_canvas(canvas.image, "lesson_sigmoid_canvas", tr("lesson.versus.canvas_alt"))
        st.markdown(truth_text(canvas.truth))
    if found is None:
        return
    predictor, metadata = found
    stored = float(metadata.get("threshold", 0.5))
    with bars:
        probabilities = predictor(canvas.image)
        decision_bars(probabilities, canvas.truth, stored, tr("predict.plain_multi_name"), "lesson_sigmoid_bars",
                      alt=tr("lesson.sigmoid.bars_alt", threshold=stored, bars=_bars_text(probabilities)))


def _bars_text(probabilities: np.ndarray, at_least: float = 0.05) -> str:
    names = class_names()
    order = np.argsort(-probabilities)
    return ", ".join(f"{names[c]} {probabilities[c]:.0%}" for c in order if probabilities[c] >= at_least)


def looked_view() -> None:
    canvas = versus_canvas()
    try:
        file = plain_file("multi")
    except registry.ModelError:
        plain("multi")
        return
    bag = lesson.VERSUS_CLASSES[0]
    heat, shares = saliency_shares(*file, canvas.image, bag)
    name = class_names()[bag]
    title = tr("lesson.looked.map_title", name=name)
    figure(heat_png(canvas.image, heat, title), tr("lesson.looked.alt", name=name, share=float(shares[0])),
           narrow=True)


def own_view() -> None:
    drawing_and_answers("lesson_draw", ask_truth=False)
    st.markdown(f"**{tr('lesson.own.outlines_title')}**")
    figure(outlines_png(lang()), tr("lesson.own.outlines_alt", count=lesson.OUTLINE_EXAMPLES),
           tr("lesson.own.outlines_caption"))


def summary_view() -> None:
    file = dense_file()
    if file is None:
        return
    found = train_and_test(*file)
    st.markdown(f"1. {tr('lesson.summary.point_test', train=found.train, test=found.test)}")
    canvas = versus_canvas()
    single, multi = plain("single"), plain("multi")
    if single is not None and multi is not None:
        p_single, p_multi = single[0](canvas.image), multi[0](canvas.image)
        threshold = float(multi[1].get("threshold", 0.5))
        top = int(np.argmax(p_single))
        st.markdown(f"2. {tr('lesson.summary.point_outputs', name=class_names()[top], percent=float(p_single[top]), names=names_of(np.flatnonzero(p_multi >= threshold)), threshold=threshold)}")
    tests = test_predictions("dense")[0]
    if tests is not None:
        sure, right = evaluation.confident_answers(tests.probabilities, tests.labels, lesson.SURE_AT)
        drawn, drawn_right = evaluation.confident_answers(outline_probabilities(*file), tests.labels, lesson.SURE_AT)
        st.markdown(f"3. {tr('lesson.summary.point_confidence', test=right / max(sure, 1), outlines=drawn_right / max(drawn, 1))}")


def show_step(step_id: str, role: str, view: classroom.ClassView | None) -> None:
    """A step's live element; the challenge's and the exit ticket's depend on the class and the role."""
    if step_id == "train":
        challenge_ui(role, view)
    elif step_id == "ticket":
        return  # the exit ticket's questions are the step's own (ui.lesson_questions.ticket_ui)
    else:
        STEP_VIEWS[step_id]()


STEP_VIEWS = {"goals": goals_view, "data": data_view, "pixels": pixels_view, "grid": grid_view, "dense": dense_view,
              "one": one_view, "errors": errors_view, "single": single_view, "multi": multi_view, "conv": conv_view,
              "versus": versus_view, "sigmoid": sigmoid_view, "looked": looked_view, "own": own_view,
              "summary": summary_view}


# --- The questions' reveals: the model on screen answers -------------------------------------------

def train_vs_test():
    file = dense_file()
    if file is None:
        return None, None
    found = train_and_test(*file)
    metadata = load_active_model("dense")[1] or {}
    history = metadata.get("history") or {}

    def show():
        train, test = st.columns(2)
        train.metric(tr("lesson.dense.train_metric"), f"{found.train:.1%}")
        test.metric(tr("predict.accuracy"), f"{found.test:.1%}", delta=f"{100 * (found.test - found.train):+.1f}",
                    delta_color="off")
        if history.get("val_accuracy"):
            figure(history_png(history, True, lang()),
                   tr("lesson.dense.validation_alt", epochs=len(history["val_accuracy"]),
                      train=history["accuracy"][-1], validation=history["val_accuracy"][-1]), narrow=False)
        st.caption(tr("lesson.dense.reveal", train_count=found.train_count, test_count=found.test_count))
    return lesson.generalisation_choice(found.train, found.test), show


@st.cache_data(show_spinner=False, max_entries=8)
def error_rates_png(errors: np.ndarray, highlight: int, language: str) -> bytes:
    return png(plots.bar_chart(np.round(errors * 100), i18n.class_names(language), highlight=highlight,
                               ylabel=i18n.t("lesson.errors.ylabel", language), width=7.0, height=3.0))


def most_wrong():
    found, file = test_predictions("dense")
    if found is None:
        return None, None
    choice, errors = lesson.most_wrong_choice(found.labels, found.predicted)
    worst = lesson.MOST_WRONG_CLASSES[choice]
    names = class_names()

    def show():
        left, right = st.columns(2)
        left.image(error_rates_png(errors, worst, lang()),
                   alt=tr("lesson.errors.rates_alt", worst=names[worst], share=float(errors[worst]),
                          best=names[int(np.argmin(errors))], low=float(errors.min())))
        (truth, predicted, count), = evaluation.most_confused(evaluation.confusion_matrix(found.labels, found.predicted), 1)
        right.image(confusion_png("dense", file, False, lang()),
                    alt=tr("lesson.errors.confusion_alt", truth=names[truth], predicted=names[predicted], count=count))
        st.caption(tr("lesson.errors.reveal"))
    return choice, show


def softmax_two():
    canvas = versus_canvas()
    found = plain("single")
    if found is None:
        return None, None
    probabilities = found[0](canvas.image)

    def show():
        left, right = st.columns(2, gap="large")
        with left:
            decision_bars(probabilities, canvas.truth, None, tr("predict.plain_single_name"), "lesson_versus_bars",
                          alt=tr("lesson.versus.bars_alt", bars=_bars_text(probabilities)))
        tiles = predictor_or_error("single")
        if tiles is not None:
            split = tiles[0](canvas.image)
            bag, sneaker = lesson.VERSUS_CLASSES[0], lesson.VERSUS_CLASSES[3]
            with right:
                st.info(tr("lesson.versus.tiles", model=model_name("single"), bag=float(split[bag]),
                           sneaker=float(split[sneaker])), icon=":material/grid_view:")
    return lesson.softmax_choice(probabilities), show


def threshold_exact():
    canvas = versus_canvas()
    found = plain("multi")
    if found is None:
        return None, None
    predictor, metadata = found
    probabilities = predictor(canvas.image)
    stored = float(metadata.get("threshold", 0.5))

    def show():
        left, right = st.columns(2, gap="large")
        with left:
            threshold = threshold_ui(metadata, "lesson_sigmoid_threshold")
            decision_bars(probabilities, canvas.truth, threshold, tr("predict.plain_multi_name"),
                          "lesson_sigmoid_reveal_bars",
                          alt=tr("lesson.sigmoid.bars_alt", threshold=threshold, bars=_bars_text(probabilities)))
        with right:
            file = plain_file("multi")
            tests = test_predictions_of("multi", *file)
            sweep = evaluation.threshold_sweep(tests.probabilities, tests.labels, evaluation.THRESHOLD_GRID)
            best = int(np.argmax(sweep["exact_match"]))
            words = dict(best=float(evaluation.THRESHOLD_GRID[best]), share=float(sweep["exact_match"][best]),
                         stored=stored, count=len(tests))
            figure(threshold_curve_png(file, stored, lang()), tr("lesson.sigmoid.curve_alt", **words),
                   tr("lesson.sigmoid.reveal", **words))
    return lesson.threshold_choice(probabilities, canvas.truth), show


def map_absent_class():
    canvas = versus_canvas()
    try:
        file = plain_file("multi")
    except registry.ModelError:
        plain("multi")
        return None, None
    absent = lesson.ABSENT_CLASS
    heat, shares = saliency_shares(*file, canvas.image, absent)
    found = plain("multi")
    probability = 0.0 if found is None else float(found[0](canvas.image)[absent])
    name = class_names()[absent]
    bag, sneaker = (next(q for q, c in enumerate(canvas.classes) if c == lesson.VERSUS_CLASSES[k]) for k in (0, 3))

    def show():
        words = dict(name=name, percent=probability, bag=float(shares[bag]), sneaker=float(shares[sneaker]),
                     empty=float(sum(s for q, s in enumerate(shares) if canvas.classes[q] < 0)))
        figure(heat_png(canvas.image, heat, tr("lesson.looked.map_title", name=name)),
               tr("lesson.looked.reveal_alt", **words), tr("lesson.looked.reveal", **words), narrow=True)
    return lesson.map_choice(shares, canvas.classes), show


def outline_confidence():
    file = dense_file()
    found = test_predictions("dense")[0]
    if file is None or found is None:
        return None, None
    drawn = outline_probabilities(*file)
    sure, right = evaluation.confident_answers(drawn, found.labels, lesson.SURE_AT)
    test_sure, test_right = evaluation.confident_answers(found.probabilities, found.labels, lesson.SURE_AT)
    share = right / max(sure, 1)

    def show():
        words = dict(sure=sure, share=share, test=test_right / max(test_sure, 1),
                     accuracy=evaluation.accuracy(drawn, found.labels),
                     test_accuracy=evaluation.accuracy(found.probabilities, found.labels))
        figure(calibration_png(*file, True, lang()), tr("lesson.own.calibration_alt", **words),
               tr("lesson.own.reveal", **words))
    return lesson.confidence_choice(share), show


def known(question_id: str):
    """An exit ticket's question: its answer is known; the reveal says why."""
    step = lesson.TICKET[question_id]
    question = next(q for q in step.ticket if q.id == question_id)
    return question.answer, lambda: st.caption(tr(f"{lesson.text_prefix(step, question)}.reveal"))


REVEALS = {"train_vs_test": train_vs_test, "most_wrong": most_wrong, "softmax_two": softmax_two,
           "threshold_exact": threshold_exact, "map_absent_class": map_absent_class,
           "outline_confidence": outline_confidence,
           **{question_id: (lambda question_id=question_id: known(question_id)) for question_id in lesson.TICKET}}

#: What shows a revealed question's answer: the page calls it below the step, full width.
Reveal = Callable[[], None]


def reveal(question: lesson.Question, choices: list[str], chosen: int | None) -> None:
    correct, show = REVEALS[question.id]()
    if correct is None:
        return
    st.success(tr("lesson.answer_is", answer=choices[correct]), icon=":material/check_circle:")
    if chosen is not None:
        st.markdown(tr("lesson.you_right" if chosen == correct else "lesson.you_wrong", answer=choices[chosen]))
    show()
