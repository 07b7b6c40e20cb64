"""Every sentence of the Lesson (and of Predict's captions) that states a fact about a model is
checked here against the shipped models, one test per claim, named after its text key; and every
question's answer is computed from the model on screen and must not be a coin toss: its margin
from the next choice is measured against the noise of the figure that decides it.

Sentences whose figures are computed where they are shown (the captions with ``{…}``) are not
here: they cannot be wrong about the model they are computed from. The shipped models' stored
test answers (``models/*.answers.npz``) are read where they suffice; a model is loaded only for
what needs it (its weights, pictures it has not answered)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import ROOT
from fmnist import (answer_files, challenge, composite, data, evaluation, features, lesson, models, recipes,
                    registry, saliency, training)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
BAG, SNEAKER = lesson.VERSUS_CLASSES[0], lesson.VERSUS_CLASSES[3]
MANY = 200  # canvases of a kind, for a claim about what a model "usually" does


# --- The shipped models, loaded once --------------------------------------------------------------

_models: dict = {}


def model(name: str):
    if name not in _models:
        _models[name] = registry.load_model(ROOT / "models" / f"{name}.keras")
    return _models[name]


def metadata(name: str) -> dict:
    return json.loads((ROOT / "models" / f"{name}.json").read_text())


def answers(name: str, fmnist_data) -> evaluation.TestPredictions:
    kind = name.removeprefix("plain_")
    found = answer_files.read(ROOT / "models" / f"{name}.keras", kind, fmnist_data)
    assert found is not None, f"models/{name}.answers.npz is missing or stale: python -m fmnist answers"
    return found


def predict(name: str, images) -> np.ndarray:
    return evaluation.predict(model(name), np.asarray(images))


@pytest.fixture(scope="module")
def versus(fmnist_data):
    """The Bag-and-Sneaker canvas of the lesson's steps goals, versus, sigmoid and looked."""
    _, (x_test, y_test) = fmnist_data
    quadrants = list(lesson.VERSUS_CLASSES)
    sources = composite.arrange(y_test, [lesson.VERSUS_CLASSES[q] for q in quadrants], quadrants, seed=0)
    return (composite.compose(x_test, sources[None])[0], composite.multi_hot(y_test, sources[None])[0],
            composite.quadrant_classes(y_test, sources))


@pytest.fixture(scope="module")
def bag_and_sneaker(fmnist_data):
    """MANY canvases of a test bag top left and a test sneaker bottom right."""
    _, (x_test, y_test) = fmnist_data
    sources = np.stack([composite.arrange(y_test, [BAG, SNEAKER], [0, 3], seed=seed) for seed in range(MANY)])
    return composite.compose(x_test, sources)


@pytest.fixture(scope="module")
def in_every_quadrant(fmnist_data):
    """MANY test garments, each in each of the four quadrants: (MANY, 4, 56, 56)."""
    _, (x_test, _) = fmnist_data
    return np.stack([[composite.place_in_quadrant(x_test[i], q) for q in range(composite.QUADRANTS)]
                     for i in range(MANY)])


@pytest.fixture(scope="module")
def train_test(fmnist_data):
    """The tutorial model's accuracy on the training images it learned from, and on the test images."""
    train, count = lesson.training_accuracy(model("dense"), metadata("dense")["config"], fmnist_data)
    found = answers("dense", fmnist_data)
    return train, count, evaluation.accuracy(found.probabilities, found.labels), len(found)


@pytest.fixture(scope="module")
def outlines(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    return predict("dense", data.outlines(x_test)), y_test


def validation_threshold(name: str, fmnist_data) -> float:
    """The threshold that scores best on the validation canvases, as training chooses it."""
    (x_train, y_train), _ = fmnist_data
    held_out = training.split_train(y_train)[1]
    validation = training.validation_canvases("multi", x_train[held_out], y_train[held_out])
    return evaluation.choose_threshold(predict(name, validation.images), validation.labels)


def last_layer(name: str):
    return model(name).layers[-1]


# --- 1 goals, 2 data, 3 pixels, 4 grid -------------------------------------------------------------

def test_lesson_goals_say_a_model_that_gives_one_answer_names_one_garment_of_two(versus):
    for name in ("plain_single", "single"):
        probabilities = predict(name, versus[0][None])[0]
        assert np.count_nonzero(probabilities == probabilities.max()) == 1


def test_lesson_data_body_sixty_thousand_and_ten_thousand_images_of_28x28_pixels_every_class_alike(fmnist_data):
    (x_train, y_train), (x_test, y_test) = fmnist_data
    assert x_train.shape == (60_000, 28, 28) and x_test.shape == (10_000, 28, 28)
    assert x_train.min() == 0 and x_train.max() == 255
    assert set(np.bincount(y_train)) == {6_000} and set(np.bincount(y_test)) == {1_000}


def test_lesson_data_say_the_model_learns_only_from_training_images_and_is_tested_on_others(fmnist_data):
    (_, y_train), _ = fmnist_data
    config = metadata("dense")["config"]
    pool = training.training_pool(y_train, config["seed"], config["train_size"])
    held_out = training.split_train(y_train)[1]
    assert len(pool) == config["train_size"] and not set(pool) & set(held_out)


def test_lesson_pixels_body_every_training_picture_runs_from_black_to_white_so_the_two_agree(fmnist_data):
    (x_train, _), _ = fmnist_data
    flat = x_train.reshape(len(x_train), -1)
    assert flat.min(axis=1).max() == 0 and flat.max(axis=1).min() >= 254
    # where the darkest pixel is 0, min-max divides by the brightest instead of 255: at most 1 - 254/255
    assert np.abs(data.min_max(x_train[13]) - data.scale_255(x_train[13])).max() < 0.004
    dim = data.dimmed(x_train[0])
    assert np.abs(data.min_max(dim) - data.scale_255(dim)).max() > 0.3  # the dim photo: they differ


def test_lesson_pixels_say_normalising_keeps_the_histograms_shape_only_the_axis_changes(fmnist_data):
    (x_train, _), _ = fmnist_data
    dim = data.dimmed(x_train[0])
    scaled, stretched = data.scale_255(dim), data.min_max(dim)
    slope, offset = np.polyfit(scaled.ravel(), stretched.ravel(), 1)
    assert np.allclose(stretched, slope * scaled + offset, atol=1e-5)  # one straight line: same shape


# --- 5 dense ---------------------------------------------------------------------------------------

def test_lesson_dense_body_flatten_784_dense_128_and_10_softmax_five_epochs_5000_kept_apart():
    layers = model("dense").layers
    assert [type(layer).__name__ for layer in layers] == ["Flatten", "Dense", "Dense"]
    assert layers[0].output.shape[1:] == (784,)
    assert (layers[1].units, layers[1].activation.__name__) == (128, "relu")
    assert (layers[2].units, layers[2].activation.__name__) == (10, "softmax")
    meta = metadata("dense")
    assert meta["epochs"] == 5 and len(meta["history"]["loss"]) == 5
    assert meta["config"]["train_size"] + recipes.VALIDATION_SIZE == 60_000 and recipes.VALIDATION_SIZE == 5_000


def test_lesson_dense_say_the_dense_network_gets_most_garments_right(train_test):
    assert train_test[2] > 0.5


def test_lesson_dense_ask_the_first_dense_layer_has_784_x_128_plus_128_weights():
    assert model("dense").layers[1].count_params() == 784 * 128 + 128 == 100_480


def test_lesson_dense_myth_in_the_last_epoch_training_accuracy_rose_and_validation_accuracy_stood_still():
    history = metadata("dense")["history"]
    assert history["accuracy"][-1] - history["accuracy"][-2] > 0.005
    assert abs(history["val_accuracy"][-1] - history["val_accuracy"][-2]) < 0.002


def test_lesson_dense_question_less_often_on_test_images_and_not_within_noise(train_test):
    train, train_count, test, test_count = train_test
    assert lesson.generalisation_choice(train, test) == 2  # "less often"
    noise = np.hypot(lesson.binomial_se(train, train_count), lesson.binomial_se(test, test_count))
    margin = (train - test) - lesson.SAME_BAND  # past the edge of "about as often"
    assert margin > 2 * noise, (train, test, margin, noise)


# --- 6 one, 7 errors -------------------------------------------------------------------------------

def test_lesson_one_body_the_ten_probabilities_add_up_to_1(fmnist_data):
    assert np.allclose(answers("dense", fmnist_data).probabilities.sum(axis=1), 1, atol=1e-4)


def test_lesson_one_say_a_confident_answer_can_be_wrong_and_confidence_is_honest_on_test_images(fmnist_data):
    found = answers("dense", fmnist_data)
    sure, right = evaluation.confident_answers(found.probabilities, found.labels, 0.95)
    assert sure - right > 0
    assert lesson.calibration_gap(evaluation.calibration(found.probabilities, found.labels)) <= lesson.HONEST


def test_lesson_one_myth_answers_given_at_95_to_99_percent_are_right_about_95_times_in_100(fmnist_data):
    found = answers("dense", fmnist_data)
    calibration = evaluation.calibration(found.probabilities, found.labels)
    band = list(calibration.lower).index(0.95)
    assert calibration.upper[band] == 0.99 and 0.93 <= calibration.right[band] <= 0.97


def test_lesson_errors_body_confident_mistakes_are_wrong_answers_at_90_percent_or_more_and_there_are_some(fmnist_data):
    found = answers("dense", fmnist_data)
    chosen = lesson.confident_mistakes(found.probabilities, found.labels)
    assert lesson.CONFIDENT == 0.9 and len(chosen) >= 20
    assert np.all(found.probabilities[chosen].max(axis=1) >= 0.9) and np.all(found.predicted[chosen] != found.labels[chosen])


def test_lesson_errors_grid_caption_the_grid_shows_red(fmnist_data):
    found = answers("dense", fmnist_data)
    start = lesson.mistakes_window(found.labels, found.predicted)
    shown = slice(start, start + 15)
    assert np.sum(found.predicted[shown] != found.labels[shown]) >= 3
    assert lesson.mistakes_window(found.labels, found.predicted) == min(
        s for s in range(len(found) - 14) if np.sum(found.predicted[s:s + 15] != found.labels[s:s + 15]) >= 3)


def test_lesson_errors_question_the_shirt_is_wrong_most_often_far_beyond_noise(fmnist_data):
    found = answers("dense", fmnist_data)
    choice, errors = lesson.most_wrong_choice(found.labels, found.predicted)
    rates = errors[list(lesson.MOST_WRONG_CLASSES)]
    first, second = np.sort(rates)[::-1][:2]
    per_class = np.bincount(found.labels).min()
    noise = np.hypot(lesson.binomial_se(first, per_class), lesson.binomial_se(second, per_class))
    assert lesson.MOST_WRONG_CLASSES[choice] == 6 and first - second > 3 * noise


def test_lesson_errors_myth_mistakes_are_not_spread_evenly(fmnist_data):
    found = answers("dense", fmnist_data)
    errors = lesson.error_rates(found.labels, found.predicted)
    assert errors.max() >= 5 * errors.min()


# --- 8 single, 9 multi, 10 conv -------------------------------------------------------------------

def test_lesson_single_body_the_tile_network_answers_the_same_in_every_quadrant(in_every_quadrant):
    answered = predict("single", in_every_quadrant.reshape(-1, 56, 56)).reshape(MANY, 4, -1)
    assert np.abs(answered - answered[:, :1]).max() < 1e-5


def test_lesson_single_myth_the_plain_cnn_changes_its_answer_for_some_garments_between_quadrants(in_every_quadrant):
    answered = predict("plain_single", in_every_quadrant.reshape(-1, 56, 56)).reshape(MANY, 4, -1).argmax(axis=2)
    changed = np.mean((answered != answered[:, :1]).any(axis=1))
    assert changed > 0.01


def test_lesson_multi_body_a_class_that_appears_twice_is_a_single_1(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    trousers = np.flatnonzero(y_test == 1)[:2]
    hot = composite.multi_hot(y_test, np.array([[trousers[0], trousers[1], -1, -1]]))[0]
    assert hot.tolist() == [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]


def test_lesson_conv_body_the_plain_cnns_first_layer_has_16_filters_of_3x3_weights_and_a_relu():
    kernels, bias = features.first_filters(model("plain_single"))
    assert kernels.shape == (3, 3, 16) and bias.shape == (16,)
    assert features.first_conv(model("plain_single")).activation.__name__ == "relu"


def test_lesson_conv_caption_edge_filters_answer_almost_nothing_on_an_even_patch_dark_or_bright(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    sources = composite.arrange(y_test, list(lesson.CONV_CLASSES), list(range(4)), seed=0)
    canvas = composite.compose(x_test, sources[None])[0]
    plain = model("plain_single")
    maps = features.feature_maps(plain, canvas)
    kernels, bias = features.first_filters(plain)
    edges = features.edge_filters(kernels)
    even = {level: features.convolve(np.full((9, 9), level, np.uint8), kernels, bias)[4, 4] for level in (0, 200)}
    change = np.abs(even[200] - even[0])  # what an even patch's brightness changes in each filter's answer
    assert 0 < edges.sum() < len(edges)
    for f in np.flatnonzero(edges):
        assert maps[..., f].max() > 0 and change[f] <= 0.1 * maps[..., f].max(), f


def test_lesson_conv_myth_the_first_layer_looks_at_3x3_pixels_at_a_time():
    assert features.first_conv(model("plain_single")).kernel_size == (3, 3)


# --- 11 versus, 12 sigmoid, 13 looked -------------------------------------------------------------

def test_lesson_versus_body_the_notebooks_cnn_ends_in_dense_10_softmax(versus):
    layer = last_layer("plain_single")
    assert (type(layer).__name__, layer.units, layer.activation.__name__) == ("Dense", 10, "softmax")
    assert np.isclose(predict("plain_single", versus[0][None]).sum(), 1, atol=1e-4)


def test_lesson_versus_question_nearly_all_on_one_garment_and_not_a_coin_toss(versus):
    probabilities = predict("plain_single", versus[0][None])[0]
    assert lesson.softmax_choice(probabilities) == 1
    assert lesson.softmax_margin(probabilities) >= 0.1, probabilities[[BAG, SNEAKER]]


def test_lesson_versus_tiles_the_tile_networks_softmax_splits_two_sure_garments_about_half_each(bag_and_sneaker):
    pair = predict("single", bag_and_sneaker)[:, [BAG, SNEAKER]]
    assert np.mean(np.all((pair >= lesson.HALF[0]) & (pair <= lesson.HALF[1]), axis=1)) >= 0.9
    assert any(isinstance(layer, models.OneGarment) for layer in model("single").layers)


def test_lesson_versus_myth_the_notebooks_softmax_usually_bets_nearly_all_on_one_never_on_both(bag_and_sneaker):
    pair = predict("plain_single", bag_and_sneaker)[:, [BAG, SNEAKER]]
    assert np.mean(pair.max(axis=1) >= lesson.SURE) > 0.5
    assert not np.any(pair.min(axis=1) >= lesson.SURE)


def test_lesson_sigmoid_body_the_notebooks_multi_label_cnn_ends_in_ten_sigmoids():
    layer = last_layer("plain_multi")
    assert (type(layer).__name__, layer.units, layer.activation.__name__) == ("Dense", 10, "sigmoid")


def test_lesson_sigmoid_question_exactly_one_threshold_names_the_two_garments_with_a_margin(versus):
    probabilities = predict("plain_multi", versus[0][None])[0]
    truth = versus[1].astype(bool)
    exact = [np.array_equal(probabilities >= t, truth) for t in lesson.THRESHOLDS]
    assert sum(exact) == 1 and lesson.threshold_choice(probabilities, truth) == exact.index(True) == 1
    assert lesson.threshold_margin(probabilities) >= 0.05


def test_lesson_sigmoid_say_a_lower_threshold_finds_more_and_more_false_alarms_and_the_stored_one_is_validations(fmnist_data):
    found = answers("plain_multi", fmnist_data)
    truth = found.labels.astype(bool)
    thresholds = evaluation.THRESHOLD_GRID
    said = [found.probabilities >= t for t in thresholds]
    found_garments = [np.sum(s & truth) for s in said]
    false_alarms = [np.sum(s & ~truth) for s in said]
    assert found_garments == sorted(found_garments, reverse=True) and found_garments[0] > found_garments[-1]
    assert false_alarms == sorted(false_alarms, reverse=True) and false_alarms[0] > false_alarms[-1]
    assert metadata("plain_multi")["threshold"] == pytest.approx(validation_threshold("plain_multi", fmnist_data))


def test_lesson_sigmoid_myth_a_higher_threshold_is_not_safer_neither_too_high_nor_too_low(fmnist_data):
    found = answers("plain_multi", fmnist_data)
    exact = {t: evaluation.multi_label_scores(found.probabilities, found.labels, t)["exact_match"]
             for t in (0.2, 0.8, metadata("plain_multi")["threshold"])}
    stored = exact.pop(metadata("plain_multi")["threshold"])
    assert all(share < stored - 0.05 for share in exact.values()), (exact, stored)


def test_lesson_looked_body_the_map_lights_only_ink_that_pushed_the_probability_up(versus):
    canvas = versus[0]
    assert saliency.DEFAULT_METHOD == "gradient_x_input"
    heat = saliency.saliency_map(model("plain_multi"), canvas, BAG)
    assert heat[canvas == 0].max() == 0 and heat.max() == 1


def test_lesson_looked_question_the_map_for_an_absent_ankle_boot_is_brightest_on_the_sneaker(versus):
    canvas, _, classes = versus
    shares = saliency.quadrant_shares(saliency.saliency_map(model("plain_multi"), canvas, lesson.ABSENT_CLASS))
    assert lesson.map_choice(shares, classes) == 1
    sneaker, bag = shares[list(classes).index(SNEAKER)], shares[list(classes).index(BAG)]
    assert sneaker >= 1.3 * bag, shares


def test_lesson_looked_myth_the_map_lights_up_for_a_class_that_is_not_there(versus):
    heat = saliency.saliency_map(model("plain_multi"), versus[0], lesson.ABSENT_CLASS)
    assert versus[1][lesson.ABSENT_CLASS] == 0 and heat.max() > 0


# --- 14 own, 15 train, the summary and the exit ticket ----------------------------------------------

def test_lesson_own_question_about_70_percent_on_outlines_far_beyond_noise(outlines):
    probabilities, labels = outlines
    sure, right = evaluation.confident_answers(probabilities, labels, lesson.SURE_AT)
    share = right / sure
    assert lesson.OUTLINE_BUCKETS[lesson.confidence_choice(share)] == 0.70
    edges = sorted((a + b) / 2 for a, b in zip(lesson.OUTLINE_BUCKETS, lesson.OUTLINE_BUCKETS[1:]))
    assert min(abs(share - edge) for edge in edges) > 3 * lesson.binomial_se(share, sure), share


def test_lesson_own_calibration_alt_in_every_band_the_outlines_are_right_less_often(fmnist_data, outlines):
    found = answers("dense", fmnist_data)
    test = evaluation.calibration(found.probabilities, found.labels)
    drawn = evaluation.calibration(*outlines)
    assert np.all(drawn.right < test.right)


def test_lesson_own_myth_confidence_is_honest_on_test_images_and_not_on_outlines(fmnist_data, outlines):
    found = answers("dense", fmnist_data)
    assert lesson.calibration_gap(evaluation.calibration(found.probabilities, found.labels)) <= lesson.HONEST
    assert lesson.calibration_gap(evaluation.calibration(*outlines)) > 3 * lesson.HONEST


def test_lesson_train_myth_a_score_on_half_the_test_set_is_uncertain_by_about_one_point():
    public, private = challenge.public_private()
    interval = 1.96 * lesson.binomial_se(0.85, len(public))
    assert len(public) == len(private) == 5_000 and 0.008 < interval < 0.012


def test_lesson_ticket_ticket_test_reveal_todays_model_did_better_on_its_training_images(train_test):
    assert train_test[0] > train_test[2]


def test_lesson_ticket_ticket_outputs_reveal_ten_softmax_bars_never_put_two_classes_above_half(fmnist_data):
    for name in ("plain_single", "single"):
        assert not np.any((answers(name, fmnist_data).probabilities > 0.5).sum(axis=1) > 1)


def test_lesson_ticket_ticket_confidence_reveal_on_outlines_sure_answers_are_right_much_less_often(fmnist_data, outlines):
    found = answers("dense", fmnist_data)
    sure, right = evaluation.confident_answers(found.probabilities, found.labels, lesson.SURE_AT)
    drawn, drawn_right = evaluation.confident_answers(*outlines, lesson.SURE_AT)
    assert drawn_right / drawn < right / sure - 0.15


# --- Predict's captions -----------------------------------------------------------------------------

def test_predict_compare_intro_the_softmax_shares_one_unit_the_multi_label_model_does_not(fmnist_data):
    for name in ("single", "plain_single"):
        assert np.allclose(answers(name, fmnist_data).probabilities.sum(axis=1), 1, atol=1e-4)
    for name in ("multi", "plain_multi"):
        assert answers(name, fmnist_data).probabilities.sum(axis=1).max() > 1.5


def test_predict_compare_none_an_empty_canvas_softmax_names_a_garment_multi_label_says_none():
    empty = np.zeros((1, 56, 56), np.uint8)
    for name in ("single", "plain_single"):  # its top bar names a garment; the caption prints which, and how high
        assert predict(name, empty).max() > 0.1
    # (the caption does not say the ten bars add up to 1: the tile network's do not here, as every
    # quadrant says "empty" and the garments' share falls below OneGarment's floor of 1e-7)
    for name in ("multi", "plain_multi"):
        assert not np.any(predict(name, empty) >= metadata(name)["threshold"]), name


def test_predict_compare_one_on_one_garment_both_kinds_of_model_are_mostly_right(fmnist_data):
    for name in ("single", "plain_single"):
        found = answers(name, fmnist_data)
        assert evaluation.accuracy(found.probabilities, found.labels) > 0.8
    for name in ("multi", "plain_multi"):
        found = answers(name, fmnist_data)
        one = found.counts == 1
        scores = evaluation.multi_label_scores(found.probabilities[one], found.labels[one], metadata(name)["threshold"])
        assert scores["exact_match"] > 0.5, name


def test_predict_tiles_caption_the_shipped_canvas_models_answer_each_quadrant_with_one_shared_network():
    for name in ("single", "multi"):
        assert models.tile_network_of(model(name)) is not None
        assert any(isinstance(layer, models.CanvasToTiles) for layer in model(name).layers)
    for name in ("plain_single", "plain_multi"):
        assert models.tile_network_of(model(name)) is None


def test_predict_really_tile_networks_11_way_softmax_one_garment_and_any_tile_right_more_often(fmnist_data):
    for name, combine in (("single", models.OneGarment), ("multi", models.AnyTile)):
        assert models.tile_network_of(model(name)).layers[-1].units == 11
        assert models.tile_network_of(model(name)).layers[-1].activation.__name__ == "softmax"
        assert any(isinstance(layer, combine) for layer in model(name).layers)
    assert metadata("multi")["config"]["tile_answer"] == "softmax"
    # renormalised to sum to 1, except on a canvas with no garment (every quadrant "empty": below OneGarment's floor)
    assert np.allclose(answers("single", fmnist_data).probabilities.sum(axis=1), 1, atol=1e-4)
    assert predict("single", np.zeros((1, 56, 56), np.uint8)).sum() < 0.99
    assert metadata("single")["test"]["accuracy"] > metadata("plain_single")["test"]["accuracy"]
    assert metadata("multi")["test"]["exact_match"] > metadata("plain_multi")["test"]["exact_match"]


def test_predict_really_plain_three_conv_layers_of_16_32_64_with_max_pooling_then_dense_128():
    for name, activation in (("plain_single", "softmax"), ("plain_multi", "sigmoid")):
        layers = model(name).layers
        assert [layer.filters for layer in layers if type(layer).__name__ == "Conv2D"] == [16, 32, 64]
        assert sum(type(layer).__name__ == "MaxPooling2D" for layer in layers) == 3
        assert [layer.units for layer in layers if type(layer).__name__ == "Dense"] == [128, 10]
        assert layers[-1].activation.__name__ == activation


def test_predict_saliency_intro_brightness_times_gradient_only_what_raised_it(versus):
    canvas = versus[0]
    heat = saliency.saliency_map(model("plain_multi"), canvas, SNEAKER)
    assert saliency.DEFAULT_METHOD == "gradient_x_input" and heat.min() >= 0 and heat[canvas == 0].max() == 0


@pytest.mark.parametrize("name", ["plain_multi", "multi"])
def test_predict_threshold_help_the_stored_threshold_is_the_best_on_validation_canvases(name, fmnist_data):
    assert metadata(name)["threshold"] == pytest.approx(validation_threshold(name, fmnist_data))
