"""The notebook's plain CNN on the whole canvas: the model, its training canvases, a real (tiny)
training run, its recipes beside the tile networks' (whose keys must not move) and its command line."""

import dataclasses
import json
import os
import threading
from collections import Counter

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import canvases, cli, composite, contract, model_card, models, recipes, registry, training  # noqa: E402
from fmnist.inference import Predictor  # noqa: E402

PLAIN_LAYERS = ["conv1", "pool1", "conv2", "pool2", "conv3", "pool3", "flatten", "dropout1", "features", "dropout2",
                "answer"]
TILE_ONLY = {"width", "blocks", "convs", "tile_answer", "empty_fraction"}


# --- The model -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", contract.CANVAS_KINDS)
def test_the_plain_cnn_keeps_the_contract(kind):
    model = models.build_plain_canvas(kind)
    assert model.name == f"plain_{kind}"
    assert tuple(model.inputs[0].shape) == (None, 56, 56, 1) and model.inputs[0].dtype == "float32"
    assert tuple(model.outputs[0].shape) == (None, 10)
    probs = np.asarray(model(np.random.default_rng(0).random((4, 56, 56, 1), dtype=np.float32)))
    assert probs.shape == (4, 10) and ((probs >= 0) & (probs <= 1)).all()
    if kind == "single":  # a softmax: one unit of probability shared by the ten classes
        np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    else:  # ten sigmoids, each on its own
        assert model.get_layer("answer").activation.__name__ == "sigmoid"
    assert models.tile_network_of(model) is None  # no network per quadrant to show


def test_the_plain_cnn_is_built_from_the_notebooks_layers_with_fixed_names_in_any_thread():
    """The notebook imports Input, Conv2D, MaxPool2D, Dropout, Dense and Flatten: nothing else, no
    Lambda, and names that do not depend on what a thread built before."""
    names = {}

    def build():
        models.build_plain_canvas("single")  # an earlier model in the same thread
        model = models.build_plain_canvas("multi")
        names["layers"] = [layer.name for layer in model.layers]
        names["types"] = {type(layer).__name__ for layer in model.layers}
        names["first_filters"] = model.get_layer("conv1").filters

    worker = threading.Thread(target=build)
    worker.start()
    worker.join()
    assert names["layers"] == PLAIN_LAYERS
    assert names["types"] == {"Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense"}
    assert names["first_filters"] == 16  # the notebook's Conv2D(filters=16)


def test_there_is_no_plain_tutorial_model():
    with pytest.raises(ValueError):
        models.build_plain_canvas("dense")
    with pytest.raises(ValueError):
        recipes.TrainConfig("dense", arch="plain")
    with pytest.raises(ValueError):
        recipes.TrainConfig("single", arch="resnet")


# --- Its training canvases -----------------------------------------------------------------

@pytest.mark.parametrize("kind", contract.CANVAS_KINDS)
def test_the_trainer_is_fed_every_epochs_fresh_canvases(fmnist_data, kind):
    (x_train, y_train), _ = fmnist_data
    images, labels = x_train[:500], y_train[:500]
    config = recipes.TrainConfig(kind, arch="plain", epochs=3, train_size=100)
    fed, targets = zip(*[(x.numpy(), y.numpy()) for x, y in training.canvas_batches(config, images[:100],
                                                                                     labels[:100], 25)])
    fed, targets = np.concatenate(fed), np.concatenate(targets)
    assert fed.shape == (300, 56, 56, 1) and fed.dtype == np.uint8
    for epoch in range(3):
        drawn = canvases.epoch_draw(config, labels[:100], epoch)
        seen = slice(epoch * 100, (epoch + 1) * 100)
        np.testing.assert_array_equal(fed[seen, ..., 0], canvases.compose(images[:100], drawn))
        expected = drawn.targets if kind == "multi" else np.eye(10)[drawn.targets]  # one-hot: categorical CE
        np.testing.assert_array_equal(targets[seen], expected)
    contents = [Counter(canvas.tobytes() for canvas in fed[e * 100:(e + 1) * 100]) for e in range(3)]
    assert contents[0] != contents[1] != contents[2]


def test_a_single_epoch_shows_every_garment_once_alone_on_its_canvas(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    drawn = canvases.draw_canvases("single", y_train[:400], np.random.default_rng(1))
    assert ((drawn.sources != composite.EMPTY).sum(axis=1) == 1).all()
    shown = drawn.sources.max(axis=1)
    assert sorted(shown) == list(range(400))
    np.testing.assert_array_equal(drawn.targets, y_train[:400][shown])


def test_a_mirrored_canvas_keeps_its_label(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    drawn = canvases.draw_canvases("multi", y_train[:400], np.random.default_rng(2), flip=True)
    assert 0.3 < drawn.mirrored.mean() < 0.7
    np.testing.assert_array_equal(drawn.targets, composite.multi_hot(y_train[:400], drawn.sources))
    pixels = canvases.compose(x_train[:400], drawn)
    plain = composite.compose(x_train[:400], drawn.sources)
    np.testing.assert_array_equal(pixels[drawn.mirrored], plain[drawn.mirrored][:, :, ::-1])
    np.testing.assert_array_equal(pixels[~drawn.mirrored], plain[~drawn.mirrored])


# --- A real (tiny) training run ------------------------------------------------------------

@pytest.mark.parametrize("kind", contract.CANVAS_KINDS)
def test_a_tiny_plain_training_keeps_the_contract_and_says_how_it_was_trained(tiny_plain, kind):
    result, reports = tiny_plain[kind]
    assert [layer.name for layer in result.model.layers] == PLAIN_LAYERS
    assert reports[-1].stage == "done" and any(r.stage == "train" for r in reports)
    card = result.metadata()
    assert card["name"] == f"plain_{kind}" and card["key"] == result.config.key()
    assert card["config"]["arch"] == "plain" and not TILE_ONLY & set(card["config"])
    assert model_card.architecture(card) == "plain" and model_card.tile_answer(card) is None
    assert card["epochs"] == 1 and set(card["history"]) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    probs = Predictor(result.model)(np.zeros((56, 56), np.uint8))
    assert probs.shape == (10,)
    if kind == "single":
        assert "accuracy" in result.metrics and result.metrics["test_images"] == 200
    else:
        assert 0.05 <= card["threshold"] <= 0.95 and "exact_match" in result.metrics and "micro_f1" in result.metrics


@pytest.mark.parametrize("kind", contract.CANVAS_KINDS)
def test_a_plain_model_saves_and_loads_back_in_safe_mode_with_the_same_answers(tiny_plain, kind, tmp_path):
    result = tiny_plain[kind][0]
    path = tmp_path / f"plain_{kind}.keras"
    registry.save_model(result.model, result.metadata(), path)
    loaded = registry.load_model(path)
    batch = np.random.default_rng(3).random((2, 56, 56, 1), dtype=np.float32)
    np.testing.assert_allclose(np.asarray(loaded(batch)), np.asarray(result.model(batch)), atol=1e-6)


@pytest.mark.parametrize("kind, loss", [("single", "categorical_crossentropy"), ("multi", "binary_crossentropy")])
def test_the_plain_cnn_trains_with_the_textbooks_loss(kind, loss):
    model = models.build_plain_canvas(kind)
    training._compile(model, recipes.TrainConfig(kind, arch="plain"), steps=10)
    assert model.loss == loss


def test_a_stop_request_ends_plain_training_after_its_batch(fmnist_data):
    config = recipes.TrainConfig("single", arch="plain", epochs=3, train_size=300, batch_size=30)
    polls = []

    def should_stop():
        polls.append(True)
        return len(polls) >= 10 + 2  # the second batch of the second epoch (10 batches an epoch)

    with pytest.raises(training.Cancelled) as stopped:
        training.train(config, fmnist_data, should_stop=should_stop)
    assert stopped.value.epochs_done == 1 and len(stopped.value.history["val_loss"]) == 1


# --- Recipes: the plain CNN beside the tile networks ----------------------------------------

@pytest.mark.parametrize("kind", contract.CANVAS_KINDS)
def test_the_tile_networks_keys_did_not_move(kind):
    """The shipped tile networks are found by the key in their JSON, and models stored in a registry
    by theirs: a new knob must not change them (the Full preset keeps the key it had when it was
    the shipped recipe)."""
    shipped = json.loads(registry.metadata_path(registry.shipped_path(kind)).read_text())
    recipe = recipes.PRESETS[kind]["shipped"]
    assert recipe.arch == "tiles" and recipe.key() == shipped["key"] and "arch" not in recipe.relevant()
    assert registry.is_shipped_recipe(recipe)
    assert recipes.preset(kind, "shipped") is recipe
    full = recipes.PRESETS[kind]["full"]
    assert full.key() == {"single": "single-3b31c2314007", "multi": "multi-1a90331b0c22"}[kind]
    assert "arch" not in full.relevant() and "mirror_average" not in full.relevant()


def test_the_tile_networks_knobs_mean_nothing_to_the_plain_cnn():
    plain = recipes.preset("single", "full", "plain")
    assert plain.arch == "plain" and not TILE_ONLY & set(plain.relevant())
    assert plain.key() == dataclasses.replace(plain, width=8, blocks=1, convs=3, empty_fraction=0.5).key()
    assert plain.key() != dataclasses.replace(plain, epochs=1).key()
    assert plain.key() != recipes.TrainConfig(**{**plain.relevant(), "arch": "tiles"}).key()
    assert {knob.name for knob in recipes.knobs_for("multi", arch="plain")} == {
        "arch", "epochs", "batch_size", "learning_rate", "train_size", "seed", "flip"}
    assert plain.answers_with_sigmoids is False and recipes.preset("multi", "full", "plain").answers_with_sigmoids


@pytest.mark.parametrize("kind", contract.CANVAS_KINDS)
def test_the_plain_cnn_is_shipped_beside_the_tile_network(kind):
    path = registry.shipped_path(kind, "plain")
    assert path == registry.SHIPPED_DIR / f"plain_{kind}.keras"
    full = recipes.preset(kind, "full", "plain")
    if not path.exists():
        pytest.skip(f"{path.name} not trained yet: python -m fmnist train {kind} --arch plain")
    card = registry.read_metadata(path)
    assert card["key"] == full.key() and card["config"] == full.relevant() and registry.is_shipped_recipe(full)
    # How long its training took is a figure, not a pass or fail: bench/bench_models.py prints it.


def test_a_plain_model_has_no_shipped_file_of_the_tutorial_kind():
    with pytest.raises(ValueError):
        registry.shipped_path("dense", "plain")
    assert contract.kind_and_arch("plain_multi") == ("multi", "plain")
    assert contract.kind_and_arch("single") == ("single", "tiles")


# --- The command line ----------------------------------------------------------------------

def test_the_command_line_trains_the_plain_cnn_from_its_own_presets():
    args = cli.build_parser().parse_args(["train", "single", "--arch", "plain"])
    assert cli.config_from(args) == recipes.preset("single", "full", "plain")
    args = cli.build_parser().parse_args(["train", "multi", "--arch", "plain", "--preset", "quick", "--epochs", "3"])
    assert cli.config_from(args) == dataclasses.replace(recipes.preset("multi", "quick", "plain"), epochs=3)


def test_the_command_line_refuses_a_plain_tutorial_model(tmp_path, capsys):
    assert cli.main(["train", "dense", "--arch", "plain", "--out", str(tmp_path)]) == 2
    assert "arch" in capsys.readouterr().err and not list(tmp_path.iterdir())


def test_train_writes_plain_single_and_evaluate_reads_it(fmnist_data, tmp_path, capsys):
    tiny = ["--epochs", "1", "--train-size", "300", "--batch-size", "64"]
    assert cli.main(["train", "single", "--arch", "plain", *tiny, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "training plain_single" in out and "plain_single: accuracy" in out
    assert sorted(path.name for path in tmp_path.iterdir()) == [  # the model, its JSON, its test answers
        "plain_single.answers.npz", "plain_single.json", "plain_single.keras"]
    card = json.loads((tmp_path / "plain_single.json").read_text())
    assert card["config"]["arch"] == "plain" and card["config"]["train_size"] == 300
    assert cli.main(["evaluate", "plain_single", "--models", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("plain_single: accuracy")
