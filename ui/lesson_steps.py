"""The Lesson's steps: each one's live element and each question's reveal, made of the other
pages' pieces (the data figures, the test answers, the canvas bars, the drawing).

:data:`STEP_VIEWS` maps a step of ``fmnist.lesson.STEPS`` to the function that shows its live
element; :func:`question_ui` asks a step's question in the way the session's role asks it (on
one's own, as a student of a class, as its teacher) and, once revealed, shows what the model in
use really answers: the right choice is computed (``fmnist.lesson``), never written in advance.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import streamlit as st

from fmnist import classroom, composite, data, evaluation, i18n, lesson, plots, registry
from ui.answers import (Canvas, compare_ui, multi_bars, multi_threshold_ui, png, predictor_or_error, single_bars,
                        truth_text)
from ui.challenge import challenge_ui
from ui.data_figures import counts_png, normalisation_png, split_facts, tutorial_grid_png
from ui.dataset import dataset
from ui.models import active_model_file, load_active_model, model_name
from ui.own_garment import drawing_and_answers
from ui.test_answers import confusion_png, grid_png, saliency_png, test_predictions, tutorial_pair_png
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


def show_canvas(image: np.ndarray, key: str) -> None:
    with st.container(key=f"{CRISP}_{key}"):
        st.image(composite.preview(image, SCALE), alt=tr("compose.canvas_alt"), output_format="PNG")


# --- Each step's live element ----------------------------------------------------------------------

def goals_view() -> None:
    canvas = versus_canvas()
    words, picture = st.columns([3, 2], gap="large")
    with words:
        for goal in ("classify", "versus", "insert"):
            st.markdown(f"- {tr(f'lesson.goals.goal_{goal}')}")
    with picture:
        show_canvas(canvas.image, "lesson_goals_canvas")
        st.caption(tr("lesson.goals.canvas_caption"))


def data_view() -> None:
    dataset()
    train, test = split_facts("train"), split_facts("test")
    columns = st.columns(4)
    columns[0].metric(tr("browse.train_count"), f"{train.count:,}")
    columns[1].metric(tr("browse.test_count"), f"{test.count:,}")
    columns[2].metric(tr("browse.shape"), f"{train.shape[1]} × {train.shape[2]}")
    columns[3].metric(tr("browse.range"), f"{train.pixel_min}–{train.pixel_max}")
    st.image(counts_png("train", lang()))


def pixels_view() -> None:
    dataset()
    index = st.number_input(tr("browse.norm_index"), 0, split_facts("train").count - 1, 0, key="lesson_pixels_index")
    st.image(normalisation_png("train", lang(), int(index)))


def grid_view() -> None:
    dataset()
    # a column, not st.image(width=...): Streamlit would decode and shrink the PNG again on every run
    st.columns([3, 2])[0].image(tutorial_grid_png("train", lang()))


def dense_view() -> None:
    try:
        model, metadata = load_active_model("dense")
    except registry.ModelError as exc:  # a missing or broken model: said, and the lesson goes on
        st.error(tr("predict.model_missing", model=model_name("dense"), error=exc), icon=":material/error:")
        return
    rows = [(layer.name, type(layer).__name__, str(tuple(layer.output.shape[1:])), f"{layer.count_params():,}")
            for layer in model.layers]
    st.table({tr("lesson.dense.layer"): [r[1] for r in rows], tr("lesson.dense.shape"): [r[2] for r in rows],
              tr("lesson.dense.params"): [r[3] for r in rows]}, hide_index=True)
    st.caption(tr("lesson.dense.trained", epochs=(metadata or {}).get("epochs", "?"),
                  total=f"{model.count_params():,}"))


def index_input(key: str, count: int) -> int:
    return int(st.number_input(tr("predict.index"), 0, count - 1, 0, key=key))


def one_view() -> None:
    found, file = test_predictions("dense")
    if found is None:
        return
    ask, show = st.columns([1, 3], gap="large")
    with ask:
        index = index_input("lesson_one_index", len(found.labels))
    with show:
        st.image(tutorial_pair_png("dense", file, index, lang()))
        names = class_names()
        st.caption(tr("predict.pair_caption", index=index, truth=names[int(found.labels[index])],
                      predicted=names[int(found.predicted[index])], percent=float(found.probabilities[index].max())))


def errors_view() -> None:
    found, file = test_predictions("dense")
    if found is None:
        return
    st.image(grid_png("dense", file, tuple(range(15)), 3, lang()))
    st.caption(tr("lesson.errors.grid_caption"))


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


def versus_view() -> None:
    canvas = versus_canvas()
    show_canvas(canvas.image, "lesson_versus_canvas")
    st.markdown(truth_text(canvas.truth))


def own_view() -> None:
    drawing_and_answers("lesson_draw", ask_truth=False)


def show_step(step_id: str, role: str, view: classroom.ClassView | None) -> None:
    """A step's live element; the challenge's depends on the class and the role."""
    if step_id == "train":
        challenge_ui(role, view)
    else:
        STEP_VIEWS[step_id]()


STEP_VIEWS = {"goals": goals_view, "data": data_view, "pixels": pixels_view, "grid": grid_view, "dense": dense_view,
              "one": one_view, "errors": errors_view, "single": single_view, "multi": multi_view,
              "versus": versus_view, "sigmoid": versus_view, "looked": versus_view, "own": own_view}


# --- The questions' reveals: the model in use answers --------------------------------------------

def dense_accuracy():
    found, _ = test_predictions("dense")
    if found is None:
        return None, None
    accuracy = evaluation.accuracy(found.probabilities, found.labels)

    def show():
        st.metric(tr("predict.accuracy"), f"{accuracy:.1%}")
        st.caption(tr("lesson.dense.reveal", count=len(found.labels)))
    return lesson.accuracy_choice(accuracy), show


@st.cache_data(show_spinner=False, max_entries=8)
def error_rates_png(errors: np.ndarray, highlight: int, language: str) -> bytes:
    return png(plots.bar_chart(np.round(errors * 100), i18n.class_names(language), highlight=highlight,
                               ylabel=i18n.t("lesson.errors.ylabel", language), width=7.0, height=3.0))


def most_wrong():
    found, file = test_predictions("dense")
    if found is None:
        return None, None
    choice, errors = lesson.most_wrong_choice(found.labels, found.predicted)

    def show():
        left, right = st.columns(2)
        left.image(error_rates_png(errors, lesson.MOST_WRONG_CLASSES[choice], lang()))
        right.image(confusion_png("dense", file, False, lang()))
        st.caption(tr("lesson.errors.reveal"))
    return choice, show


def softmax_names():
    canvas = versus_canvas()
    found = predictor_or_error("single")
    if found is None:
        return None, None

    def show():
        compare_ui(canvas.image, canvas.truth, "lesson_versus_threshold")
    return lesson.softmax_choice(found[0](canvas.image)), show


def sum_to_one():
    canvas = versus_canvas()
    found = predictor_or_error("multi")
    if found is None:
        return None, None
    probabilities = found[0](canvas.image)

    def show():
        st.metric(tr("lesson.sigmoid.sum"), f"{float(probabilities.sum()):.2f}")
        multi_bars(canvas.image, canvas.truth, multi_threshold_ui("lesson_sigmoid_threshold"))
        st.caption(tr("lesson.sigmoid.reveal"))
    return lesson.sum_choice(probabilities), show


def brightest_quadrant():
    canvas = versus_canvas()
    try:
        file = active_model_file("multi")
        load_active_model("multi")
    except registry.ModelError as exc:
        st.error(tr("predict.model_missing", model=model_name("multi"), error=exc), icon=":material/error:")
        return None, None
    bag = lesson.VERSUS_CLASSES[0]
    picture, shares = saliency_png("multi", file, canvas.image, bag, lang())

    def show():
        st.columns([2, 3])[0].image(picture)
        st.caption(tr("lesson.looked.reveal"))
    return lesson.quadrant_choice(np.asarray(shares)), show


REVEALS = {"dense_accuracy": dense_accuracy, "most_wrong": most_wrong, "softmax_names": softmax_names,
           "sum_to_one": sum_to_one, "brightest_quadrant": brightest_quadrant}

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
