"""Every metric against a small case worked by hand; predictions and test figures of the shipped models."""

import json
import math
import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import composite, evaluation, registry  # noqa: E402

SHIRT, TSHIRT = 6, 0


@pytest.fixture(scope="module")
def shipped():
    return {kind: registry.load_model(registry.shipped_path(kind)) for kind in ("dense", "single", "multi")}


# --- Multi-class -------------------------------------------------------------------------------

def test_accuracy_counts_the_rows_whose_top_class_is_the_label():
    probs = np.array([[0.7, 0.2, 0.1], [0.4, 0.5, 0.1], [0.1, 0.3, 0.6]])
    assert evaluation.accuracy(probs, np.array([0, 1, 1])) == pytest.approx(2 / 3)


def test_cross_entropy_is_the_mean_minus_log_of_the_true_class_clipped_at_1e_minus_7():
    probs = np.array([[0.5, 0.5, 0.0], [0.25, 0.75, 0.0]])
    assert evaluation.cross_entropy(probs, np.array([0, 0])) == pytest.approx((math.log(2) + math.log(4)) / 2)
    assert evaluation.cross_entropy(probs, np.array([2, 2])) == pytest.approx(-math.log(1e-7), rel=1e-6)


def test_confusion_matrix_has_true_classes_in_rows_and_answers_in_columns():
    true = np.array([0, 0, 1, 2, 2, 2])
    predicted = np.array([0, 1, 1, 2, 0, 2])
    np.testing.assert_array_equal(evaluation.confusion_matrix(true, predicted, classes=3),
                                  [[1, 1, 0], [0, 1, 0], [1, 0, 2]])


def test_precision_reads_columns_and_recall_reads_rows_and_a_class_never_predicted_has_precision_0():
    matrix = np.array([[1, 1, 0, 0], [0, 1, 0, 0], [1, 0, 2, 0], [0, 1, 0, 0]])  # class 3: never predicted
    precision, recall = evaluation.precision_recall(matrix)
    np.testing.assert_allclose(precision, [1 / 2, 1 / 3, 1, 0])
    np.testing.assert_allclose(recall, [1 / 2, 1, 2 / 3, 0])


def test_most_confused_lists_off_diagonal_pairs_largest_first_and_leaves_out_zeros():
    matrix = np.array([[9, 1, 4], [0, 9, 0], [4, 2, 9]])
    assert evaluation.most_confused(matrix, k=3) == [(0, 2, 4), (2, 0, 4), (2, 1, 2)]
    assert evaluation.most_confused(matrix, k=10) == [(0, 2, 4), (2, 0, 4), (2, 1, 2), (0, 1, 1)]


# --- Multi-label -------------------------------------------------------------------------------

TRUTH = np.array([[1, 0, 0], [0, 1, 1], [0, 0, 0]])
PROBS = np.array([[0.9, 0.2, 0.1], [0.3, 0.8, 0.4], [0.1, 0.1, 0.6]])
# at 0.5: row 0 right; row 1 misses class 2; row 2 claims class 2 on an empty canvas


def test_multi_label_scores_on_a_hand_worked_example():
    scores = evaluation.multi_label_scores(PROBS, TRUTH, 0.5)
    assert scores["exact_match"] == pytest.approx(1 / 3)
    # pooled: TP 2 (classes 0, 1), FP 1, FN 1
    assert scores["micro_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    assert scores["precision"] == pytest.approx(2 / 3) and scores["recall"] == pytest.approx(2 / 3)
    # per class F1: 1, 1, 0 (class 2: TP 0, FP 1, FN 1)
    assert scores["macro_f1"] == pytest.approx(2 / 3)
    assert scores["hamming_loss"] == pytest.approx(2 / 9)


def test_macro_f1_counts_a_class_neither_present_nor_claimed_as_right():
    truth = np.array([[1, 0], [1, 0]])
    probs = np.array([[0.9, 0.1], [0.2, 0.1]])  # class 1: no positives, no predictions
    scores = evaluation.multi_label_scores(probs, truth, 0.5)
    assert scores["macro_f1"] == pytest.approx((2 / 3 + 1) / 2)  # class 0: TP 1, FN 1


def test_empty_canvases_answered_empty_score_a_perfect_f1_without_dividing_by_zero():
    scores = evaluation.multi_label_scores(np.full((3, 10), 0.1), np.zeros((3, 10)), 0.5)
    assert scores["exact_match"] == 1 and scores["micro_f1"] == 1 and scores["macro_f1"] == 1
    assert scores["hamming_loss"] == 0 and scores["precision"] == 0 and scores["recall"] == 0


def test_scores_by_count_scores_each_garment_count_on_its_own():
    by_count = evaluation.scores_by_count(PROBS, TRUTH, np.array([1, 2, 0]), 0.5)
    assert list(by_count) == [0, 1, 2]
    assert by_count[0]["exact_match"] == 0 and by_count[1]["exact_match"] == 1 and by_count[2]["exact_match"] == 0
    assert by_count[2]["recall"] == pytest.approx(1 / 2)


def test_threshold_sweep_gives_every_score_at_every_threshold():
    sweep = evaluation.threshold_sweep(PROBS, TRUTH, [0.35, 0.5, 0.95])
    np.testing.assert_allclose(sweep["threshold"], [0.35, 0.5, 0.95])
    np.testing.assert_allclose(sweep["exact_match"], [2 / 3, 1 / 3, 1 / 3])  # at 0.35 row 1 is right too
    np.testing.assert_allclose(sweep["recall"], [1, 2 / 3, 0])
    assert set(sweep) >= {"micro_f1", "macro_f1", "hamming_loss", "precision"}


def test_choose_threshold_takes_the_lowest_threshold_of_the_best_exact_match():
    # the best exact-match, 2/3, is reached at 0.35-0.40 (row 1 caught) and again at 0.65-0.90 (row 2's 0.6 dropped)
    assert evaluation.choose_threshold(PROBS, TRUTH) == 0.35
    assert evaluation.choose_threshold(np.array([[0.97, 0.01]]), np.array([[1, 0]])) == 0.05


def test_binary_cross_entropy_averages_over_every_decision():
    probs = np.array([[0.5, 0.25]])
    assert evaluation.binary_cross_entropy(probs, np.array([[1, 0]])) == pytest.approx(
        (math.log(2) - math.log(0.75)) / 2)


# --- Predictions on the test split ------------------------------------------------------------

def test_test_composites_are_the_same_every_time_and_single_uses_the_first_test_images(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    first = evaluation.test_composites("multi", x_test, y_test, 50)
    np.testing.assert_array_equal(first.images, evaluation.test_composites("multi", x_test, y_test, 50).images)
    single = evaluation.test_composites("single", x_test, y_test, 20)
    np.testing.assert_array_equal(single.labels, y_test[:20])
    assert (single.object_counts == 1).all()
    with pytest.raises(ValueError):
        evaluation.test_composites("dense", x_test, y_test)


def test_predict_scales_pixels_and_adds_the_channel_axis_for_canvas_models(shipped, fmnist_data):
    _, (x_test, y_test) = fmnist_data
    probs = evaluation.predict(shipped["dense"], x_test[:7], batch_size=3)
    np.testing.assert_allclose(probs, np.asarray(shipped["dense"](x_test[:7].astype("float32") / 255)), atol=1e-6)
    canvases = evaluation.test_composites("multi", x_test, y_test, 5).images
    probs = evaluation.predict(shipped["multi"], canvases)
    expected = np.asarray(shipped["multi"](canvases[..., None].astype("float32") / 255))
    np.testing.assert_allclose(probs, expected, atol=1e-6)
    assert evaluation.predict(shipped["single"], canvases[:0]).shape == (0, 10)


def test_test_predictions_keep_what_the_model_saw(shipped, fmnist_data):
    _, (x_test, y_test) = fmnist_data
    dense = evaluation.test_predictions(shipped["dense"], "dense", fmnist_data, size=30)
    assert dense.images.shape == (30, 28, 28) and dense.images.dtype == np.uint8
    assert dense.sources is None and dense.counts is None
    np.testing.assert_array_equal(dense.labels, y_test[:30])
    np.testing.assert_array_equal(dense.predicted, dense.probabilities.argmax(axis=1))

    multi = evaluation.test_predictions(shipped["multi"], "multi", fmnist_data, size=30)
    canvases = evaluation.test_composites("multi", x_test, y_test, 30)
    assert multi.images.shape == (30, 56, 56) and multi.labels.shape == (30, 10) and len(multi) == 30
    np.testing.assert_array_equal(multi.images, canvases.images)
    np.testing.assert_array_equal(multi.sources, canvases.sources)
    np.testing.assert_array_equal(multi.counts, canvases.object_counts)
    np.testing.assert_array_equal(multi.labels, composite.multi_hot(y_test, multi.sources))  # sources index x_test
    with pytest.raises(ValueError):
        evaluation.test_predictions(shipped["multi"], "triple", fmnist_data, size=3)


def test_choose_examples_filters_mistakes_and_classes_and_puts_the_least_sure_first():
    probs = np.array([[0.9, 0.1], [0.4, 0.6], [0.3, 0.7], [0.55, 0.45]])
    found = evaluation.TestPredictions("dense", np.zeros((4, 28, 28), np.uint8), np.array([0, 0, 1, 1]), probs)
    np.testing.assert_array_equal(evaluation.choose_examples(found), [0, 1, 2, 3])
    np.testing.assert_array_equal(evaluation.choose_examples(found, mistakes_only=True), [1, 3])
    np.testing.assert_array_equal(evaluation.choose_examples(found, true_class=1, predicted_class=1), [2])
    np.testing.assert_array_equal(evaluation.choose_examples(found, least_confident=True), [3, 1, 2, 0])
    with pytest.raises(ValueError):
        evaluation.choose_examples(evaluation.TestPredictions("multi", found.images, np.eye(4, 2), probs))


def test_evaluate_is_the_metrics_of_the_test_predictions_with_every_key_of_the_shipped_json(shipped, fmnist_data):
    predictions = evaluation.test_predictions(shipped["multi"], "multi", fmnist_data, size=200)
    metrics = evaluation.evaluate(shipped["multi"], "multi", fmnist_data, threshold=0.5, size=200)
    assert metrics == evaluation.metrics_from(predictions, 0.5)
    shipped_keys = json.loads(registry.shipped_path("multi").with_suffix(".json").read_text())["test"]
    assert set(shipped_keys) <= set(metrics)
    assert {"macro_f1", "hamming_loss", "loss"} <= set(metrics)
    assert metrics["test_images"] == 200 and metrics["threshold"] == 0.5
    assert set(metrics["exact_match_by_count"]) <= {"0", "1", "2", "3", "4"}
    single = evaluation.evaluate(shipped["single"], "single", fmnist_data, size=100)
    assert set(single) == {"accuracy", "loss", "test_images"}


def test_the_shipped_dense_model_reproduces_its_json_and_confuses_shirts_with_t_shirts(shipped, fmnist_data):
    predictions = evaluation.test_predictions(shipped["dense"], "dense", fmnist_data)
    metrics = evaluation.metrics_from(predictions)
    shipped_json = json.loads(registry.shipped_path("dense").with_suffix(".json").read_text())
    assert metrics["accuracy"] == shipped_json["test"]["accuracy"]
    matrix = evaluation.confusion_matrix(predictions.labels, predictions.predicted)
    assert matrix.sum() == 10000 and np.trace(matrix) == 8764
    top = evaluation.most_confused(matrix, k=5)
    # Shirt taken for T-shirt/top shares the largest count (130) with Coat -> Pullover and Shirt -> Pullover
    assert (SHIRT, TSHIRT, top[0][2]) in top
    precision, recall = evaluation.precision_recall(matrix)
    assert recall.argmin() == SHIRT  # the class the tutorial's model finds worst
