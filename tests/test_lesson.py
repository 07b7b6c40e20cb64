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


def test_softmax_naming_the_bag_or_the_sneaker_or_something_else():
    assert choice_text("versus", lesson.softmax_choice(one_hot(BAG))) == "Bag"
    assert choice_text("versus", lesson.softmax_choice(one_hot(SNEAKER))) == "Sneaker"
    for other in set(range(10)) - {BAG, SNEAKER}:
        assert choice_text("versus", lesson.softmax_choice(one_hot(other))) == "Something else"


def test_softmax_is_never_answered_both_even_when_bag_and_sneaker_tie_for_first():
    rng = np.random.default_rng(0)
    answers = {lesson.softmax_choice(p) for p in rng.dirichlet(np.ones(10), size=500)}
    tie = np.zeros(10)
    tie[[BAG, SNEAKER]] = 0.5
    answers.add(lesson.softmax_choice(tie))
    assert answers == {0, 1, 3}
    assert choice_text("versus", 2) == "Both"  # the choice no softmax model gives


@pytest.mark.parametrize(("total", "text"), [(1.0, "Exactly 1"), (1.015, "Exactly 1"), (0.6, "Less than 1"),
                                             (0.97, "Less than 1"), (1.7, "More than 1"), (3.2, "More than 1")])
def test_the_sum_of_the_ten_bars_against_one(total, text):
    probabilities = np.full(10, total / 10)
    assert choice_text("sigmoid", lesson.sum_choice(probabilities)) == text


@pytest.mark.parametrize(("accuracy", "text"), [(0.86, "About 88%"), (0.8711, "About 88%"), (0.52, "About half the time"),
                                                (0.72, "About 70%"), (0.97, "Almost always (99%)")])
def test_the_accuracy_is_placed_in_the_nearest_bucket(accuracy, text):
    assert choice_text("dense", lesson.accuracy_choice(accuracy)) == text


def test_the_class_most_often_wrong_among_the_four_choices():
    labels = np.repeat(np.arange(10), 10)
    predicted = labels.copy()
    wrong = {CLASS_NAMES.index("T-shirt/top"): 9,  # worst of all, but not one of the choices
             SHIRT: 5, CLASS_NAMES.index("Trouser"): 1, BAG: 2}
    for garment, count in wrong.items():
        predicted[np.flatnonzero(labels == garment)[:count]] = (garment + 1) % 10
    choice, errors = lesson.most_wrong_choice(labels, predicted)
    assert choice_text("errors", choice) == "Shirt"
    assert errors[SHIRT] == 0.5 and errors[SNEAKER] == 0.0 and errors[CLASS_NAMES.index("T-shirt/top")] == 0.9


def test_a_class_missing_from_the_labels_counts_as_never_wrong():
    labels = np.array([SHIRT, SHIRT, BAG])
    predicted = np.array([SHIRT, BAG, SHIRT])
    choice, errors = lesson.most_wrong_choice(labels, predicted)
    assert choice_text("errors", choice) == "Bag" and errors[SNEAKER] == 0.0


@pytest.mark.parametrize(("shares", "text"), [((0.1, 0.2, 0.1, 0.6), "Bottom-right"), ((0.7, 0.1, 0.1, 0.1), "Top-left"),
                                              ((0.2, 0.5, 0.2, 0.1), "Top-right"), ((0.1, 0.2, 0.4, 0.3), "Bottom-left")])
def test_the_brightest_quadrant_of_a_saliency_map(shares, text):
    assert choice_text("looked", lesson.quadrant_choice(np.array(shares))) == text
