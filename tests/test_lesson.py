"""The lesson's plain functions on hand-made inputs: a step number from a link, and each question's
right answer worked out from what a model answered (the page tests then only check the wiring)."""

from __future__ import annotations

import numpy as np
import pytest

from fmnist import i18n, lesson
from fmnist.data import CLASS_NAMES

LAST = len(lesson.STEPS) - 1
BAG, SNEAKER, SHIRT = CLASS_NAMES.index("Bag"), CLASS_NAMES.index("Sneaker"), CLASS_NAMES.index("Shirt")


def choice_text(step_id: str, choice: int) -> str:
    return i18n.t(f"lesson.{step_id}.choice_{choice}", "en")


def one_hot(index: int) -> np.ndarray:
    return np.eye(10, dtype="float32")[index]


@pytest.mark.parametrize(("given", "index"), [("5", 4), (5, 4), (" 5 ", 4), ("1", 0), ("0", 0), ("-3", 0),
                                              (str(LAST + 1), LAST), ("999", LAST), ("abc", 0), ("", 0),
                                              (None, 0), ("2.5", 0)])
def test_a_step_number_from_a_link_becomes_an_index_within_the_lesson(given, index):
    assert lesson.clamp_step(given) == index


def test_a_step_number_that_is_no_number_gives_the_default():
    assert lesson.clamp_step("abc", default=3) == 3
    assert lesson.clamp_step("4", default=3) == 3  # a number wins over the default


def bars(**at) -> np.ndarray:
    """Ten probabilities, zero but where named: bars(bag=0.5, sneaker=0.5)."""
    p = np.zeros(10)
    for name, value in at.items():
        p[{"bag": BAG, "sneaker": SNEAKER, "shirt": SHIRT}[name]] = value
    return p


@pytest.mark.parametrize(("probabilities", "text"), [
    (bars(bag=0.5, sneaker=0.5), "About half on the Bag and half on the Sneaker"),
    (bars(bag=0.35, sneaker=0.6), "About half on the Bag and half on the Sneaker"),
    (bars(bag=0.97, sneaker=0.03), "Nearly all on one of the two"),
    (bars(bag=0.02, sneaker=0.9), "Nearly all on one of the two"),
    (bars(bag=0.9, sneaker=0.95), "Nearly all on both"),  # ten sigmoids can; ten softmax bars cannot
    (bars(bag=0.2, sneaker=0.2, shirt=0.6), "Something else"),
    (bars(shirt=1.0), "Something else"),
])
def test_what_the_bars_do_with_a_bag_and_a_sneaker(probabilities, text):
    assert choice_text("versus", lesson.softmax_choice(probabilities)) == text


def test_bars_that_sum_to_one_can_never_be_nearly_all_on_both():
    rng = np.random.default_rng(0)
    answers = {lesson.softmax_choice(p) for p in rng.dirichlet(np.full(10, 0.2), size=2000)}
    answers.add(lesson.softmax_choice(bars(bag=0.5, sneaker=0.5)))
    assert 2 not in answers and {0, 1, 3} <= answers


@pytest.mark.parametrize(("train", "test", "text"), [(0.90, 0.87, "Less often"), (0.88, 0.875, "About as often"),
                                                     (0.85, 0.87, "More often"), (0.90, 0.891, "About as often")])
def test_test_accuracy_against_training_accuracy(train, test, text):
    assert choice_text("dense", lesson.generalisation_choice(train, test)) == text


def test_the_class_most_often_wrong_among_the_four_choices():
    labels = np.repeat(np.arange(10), 10)
    predicted = labels.copy()
    wrong = {CLASS_NAMES.index("Trouser"): 9,  # worst of all, but not one of the choices
             SHIRT: 5, CLASS_NAMES.index("Coat"): 2, CLASS_NAMES.index("T-shirt/top"): 1}
    for garment, count in wrong.items():
        predicted[np.flatnonzero(labels == garment)[:count]] = (garment + 1) % 10
    choice, errors = lesson.most_wrong_choice(labels, predicted)
    assert choice_text("errors", choice) == "Shirt"
    assert errors[SHIRT] == 0.5 and errors[SNEAKER] == 0.0 and errors[CLASS_NAMES.index("Trouser")] == 0.9


def test_a_class_missing_from_the_labels_counts_as_never_wrong():
    labels = np.array([SHIRT, SHIRT, BAG])
    predicted = np.array([SHIRT, BAG, SHIRT])
    choice, errors = lesson.most_wrong_choice(labels, predicted)
    assert choice_text("errors", choice) == "Shirt" and errors[CLASS_NAMES.index("Coat")] == 0.0


@pytest.mark.parametrize(("probabilities", "text"), [
    (bars(bag=0.9, sneaker=0.85), "Any of the three"),  # every threshold names exactly the two
    (bars(bag=0.9, sneaker=0.3), "0.2"),  # only 0.2 keeps the unsure sneaker
    (bars(bag=0.9, sneaker=0.6, shirt=0.4), "0.5"),  # 0.2 adds a shirt, 0.8 drops the sneaker
    (bars(bag=0.9, sneaker=0.95, shirt=0.7), "0.8"),
])
def test_the_threshold_that_names_exactly_the_garments_on_the_canvas(probabilities, text):
    truth = np.zeros(10)
    truth[[BAG, SNEAKER]] = 1
    assert choice_text("sigmoid", lesson.threshold_choice(probabilities, truth)) == text


@pytest.mark.parametrize(("shares", "text"), [((0.7, 0.1, 0.1, 0.1), "On the Bag"), ((0.1, 0.1, 0.1, 0.7), "On the Sneaker"),
                                              ((0.1, 0.6, 0.2, 0.1), "On the empty quadrants"),
                                              ((0, 0, 0, 0), "Nowhere: there is no ankle boot")])
def test_where_a_saliency_map_is_brightest_on_the_bag_and_sneaker_canvas(shares, text):
    quadrant_classes = (BAG, -1, -1, SNEAKER)
    assert choice_text("looked", lesson.map_choice(np.array(shares), quadrant_classes)) == text


@pytest.mark.parametrize(("share", "text"), [(0.97, "About 95% of the time"), (0.66, "About 70% of the time"),
                                             (0.5, "About 45% of the time"), (0.1, "About 20% of the time")])
def test_how_often_the_sure_answers_on_outlines_are_right(share, text):
    assert choice_text("own", lesson.confidence_choice(share)) == text


def test_the_mistakes_grid_starts_where_it_shows_mistakes():
    labels = np.zeros(40, dtype=int)
    predicted = labels.copy()
    predicted[[20, 25, 30]] = 1  # the first three mistakes fit in 15 images from 16 on
    assert lesson.mistakes_window(labels, predicted, size=15, at_least=3) == 16
    assert lesson.mistakes_window(labels, labels, size=15, at_least=3) == 0  # none anywhere: the start


def test_confident_mistakes_are_wrong_sure_and_surest_first():
    probabilities = np.array([bars(bag=0.95, shirt=0.05), bars(shirt=0.99, bag=0.01), bars(sneaker=0.6, bag=0.4),
                              bars(sneaker=0.92, bag=0.08)])
    labels = np.array([SHIRT, SHIRT, BAG, BAG])
    assert lesson.confident_mistakes(probabilities, labels).tolist() == [0, 3]  # 2 is wrong but unsure, 1 right
