"""Models and training: the contract's shapes, the tile plumbing, a real (tiny) training run."""

import os
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import composite, contract, models, registry, tiles, training  # noqa: E402
from fmnist.inference import Predictor  # noqa: E402

TINY = dict(epochs=1, train_size=300, width=4, convs=1, batch_size=64)


@pytest.fixture(scope="module")
def tiny_results(fmnist_data):
    """One real training run per kind, a few hundred images each."""
    results = {}
    for kind in training.KINDS:
        reports = []
        config = training.TrainConfig(kind, **(TINY if kind != "dense" else dict(epochs=1, train_size=300)))
        results[kind] = (training.train(config, fmnist_data, on_progress=reports.append, eval_size=200), reports)
    return results


def test_canvas_to_tiles_cuts_quadrants_in_the_composite_order(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    canvases = composite.make_multi_set(x_train, y_train, 8, np.random.default_rng(0)).images
    cut = np.asarray(models.CanvasToTiles()(canvases[..., None].astype("float32")))
    np.testing.assert_array_equal(cut[..., 0].reshape(8, 4, 28, 28), composite.tiles(canvases))


@pytest.mark.parametrize("kind, shape", [("dense", (3, 28, 28)), ("single", (3, 56, 56, 1)), ("multi", (3, 56, 56, 1))])
def test_models_keep_the_contract(tiny_results, kind, shape):
    model = tiny_results[kind][0].model
    probs = np.asarray(model(np.random.default_rng(0).random(shape, dtype=np.float32)))
    assert probs.shape == (3, 10)
    assert ((probs >= 0) & (probs <= 1)).all()
    if kind != "multi":
        np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-4)


@pytest.mark.parametrize("kind", training.KINDS)
def test_a_trained_model_saves_and_loads_back_with_the_same_answers(tiny_results, kind, tmp_path):
    from fmnist import registry

    result = tiny_results[kind][0]
    path = tmp_path / f"{kind}.keras"
    registry.save_model(result.model, result.metadata(), path)
    loaded = registry.load_model(path)  # safe_mode, in the same process as the training
    shape = (2, 28, 28) if kind == "dense" else (2, 56, 56, 1)
    batch = np.random.default_rng(1).random(shape, dtype=np.float32)
    np.testing.assert_allclose(np.asarray(loaded(batch)), np.asarray(result.model(batch)), atol=1e-6)


def test_the_single_model_answers_with_its_one_garment_wherever_it_sits(tiny_results, fmnist_data):
    """The same garment in each quadrant gets the same answer: the tile network is shared."""
    _, (x_test, _) = fmnist_data
    predict = Predictor(tiny_results["single"][0].model)
    answers = np.stack([predict(composite.place_in_quadrant(x_test[0], q)) for q in range(4)])
    np.testing.assert_allclose(answers, answers[[0, 0, 0, 0]], atol=1e-5)


def test_multi_says_a_class_is_present_if_any_tile_shows_it(tiny_results, fmnist_data):
    _, (x_test, _) = fmnist_data
    model = tiny_results["multi"][0].model
    canvas = composite.compose(x_test, np.array([[0, -1, 5, 9]]))
    per_tile = Predictor(models.tile_network_of(model))(composite.tiles(canvas)[0])
    assert per_tile.shape == (4, 11)  # ten garments or empty: a tile holds at most one garment
    np.testing.assert_allclose(per_tile.sum(axis=1), 1.0, rtol=1e-4)
    np.testing.assert_allclose(Predictor(model)(canvas[0]), 1 - np.prod(1 - per_tile[:, :10], axis=0), atol=1e-5)


def test_multi_with_sigmoid_tiles_trains_and_keeps_the_contract(fmnist_data, tmp_path):
    """The comparison recipe: ten sigmoids per tile, binary cross-entropy."""
    from fmnist import registry

    config = training.TrainConfig("multi", tile_answer="sigmoid", **TINY)
    assert config.key() != training.TrainConfig("multi", **TINY).key()
    result = training.train(config, fmnist_data, eval_size=200)
    assert models.tile_network_of(result.model).output_shape == (None, 10)
    path = tmp_path / "multi.keras"
    registry.save_model(result.model, result.metadata(), path)
    canvases = np.random.default_rng(2).random((2, 56, 56, 1), dtype=np.float32)
    probs = np.asarray(registry.load_model(path)(canvases))
    np.testing.assert_allclose(probs, np.asarray(result.model(canvases)), atol=1e-6)
    assert probs.shape == (2, 10) and ((probs >= 0) & (probs <= 1)).all()
    assert result.metadata()["config"]["tile_answer"] == "sigmoid"


def test_single_sums_the_garment_evidence_of_the_four_tiles(tiny_results, fmnist_data):
    _, (x_test, _) = fmnist_data
    model = tiny_results["single"][0].model
    canvas = composite.compose(x_test, np.array([[-1, 3, -1, -1]]))
    garments = Predictor(models.tile_network_of(model))(composite.tiles(canvas)[0])[:, :10].sum(axis=0)
    np.testing.assert_allclose(Predictor(model)(canvas[0]), garments / garments.sum(), atol=1e-5)


def test_training_reports_progress_and_writes_complete_metadata(tiny_results):
    for kind, (result, reports) in tiny_results.items():
        assert reports[-1].stage == "done" and reports[-1].fraction == 1.0
        assert any(r.stage == "train" for r in reports)
        meta = result.metadata()
        for field in ("config", "data_seed", "epochs", "wall_time_s", "machine", "test", "history", "key"):
            assert field in meta, (kind, field)
        assert meta["epochs"] == 1 and meta["history"]["val_loss"]
        assert meta["key"] == result.config.key()
    multi = tiny_results["multi"][0]
    assert 0.05 <= multi.metadata()["threshold"] <= 0.95
    assert set(multi.metrics["exact_match_by_count"]) <= {"0", "1", "2", "3", "4"}


@pytest.mark.parametrize("kind", ["dense", "single"])
def test_a_stop_request_ends_training_after_its_batch(fmnist_data, kind):
    """Asked to stop in the second epoch of three, training stops there: the first epoch is all it finished."""
    recipe = dict(TINY) if kind != "dense" else dict(train_size=300)
    recipe.update(epochs=3, batch_size=30)
    config = training.TrainConfig(kind, **recipe)
    per_epoch = 10 if kind == "dense" else tiles.tile_count(300, config.empty_fraction) // 30
    polls = []

    def should_stop():
        polls.append(True)
        return len(polls) >= per_epoch + 2  # the second batch of the second epoch

    with pytest.raises(training.Cancelled) as stopped:
        training.train(config, fmnist_data, should_stop=should_stop)
    assert stopped.value.epochs_done == 1 < config.epochs
    assert len(stopped.value.history["loss"]) == len(stopped.value.history["val_loss"]) == 1
    assert len(polls) == per_epoch + 3  # no batch after the one it was asked in; then once more, at the end


@pytest.mark.parametrize("kind", ["single", "multi"])
def test_successive_epochs_really_see_different_tiles(fmnist_data, kind):
    """What the tile network is fed: each epoch its own fresh draw, in order, not the same tiles again."""
    (x_train, y_train), _ = fmnist_data
    images, labels = x_train[:1000], y_train[:1000]
    config = training.TrainConfig(kind, epochs=3, train_size=200, empty_fraction=0.1)
    n = tiles.tile_count(200, 0.1)
    fed = np.concatenate([batch.numpy() for batch, _ in training.tile_batches(config, images, labels, 20)])
    assert fed.shape == (3 * n, 28, 28, 1) and fed.dtype == np.uint8
    epochs = [fed[epoch * n:(epoch + 1) * n, ..., 0] for epoch in range(3)]
    for epoch, seen in enumerate(epochs):
        np.testing.assert_array_equal(seen, tiles.epoch_tiles(config, images, labels, epoch)[0])
    contents = [Counter(tile.tobytes() for tile in seen) for seen in epochs]  # which tiles, in any order
    assert contents[0] != contents[1] and contents[1] != contents[2] and contents[0] != contents[2]


def test_a_long_run_does_not_hold_every_epochs_pixels():
    """20 epochs of the Full single recipe: 1.15 million tiles, 0.9 GB of pixels; the trainer's
    stream holds the garments once and cuts each batch when it is needed."""
    code = """if True:
        import dataclasses, os
        os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
        import numpy as np, tensorflow as tf
        from fmnist import data, training
        (x, y), _ = data.load_data()
        def status(name):
            return next(int(l.split()[1]) // 1024 for l in open("/proc/self/status") if l.startswith(name))
        before = status("VmRSS")
        config = dataclasses.replace(training.PRESETS["single"]["full"], epochs=20)
        pool = np.random.default_rng(config.seed).permutation(training.split_train(y)[0])[:config.train_size]
        for batch in training.tile_batches(config, x[pool], y[pool], config.batch_size).take(3):
            pass
        print(status("VmHWM") - before)
    """
    grew = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=registry.REPO).stdout.split()[-1]
    assert int(grew) < 300, f"{grew} MB"


def test_the_contract_names_each_thing_once():
    assert models.KINDS is contract.KINDS and training.KINDS is contract.KINDS and registry.KINDS is contract.KINDS
    assert models.EMPTY_CLASS == contract.EMPTY_CLASS == 10 != composite.EMPTY
    assert models.TILE_ANSWERS is contract.TILE_ANSWERS


def test_layers_have_fixed_names_whatever_was_built_before_and_in_any_thread():
    """Auto-generated names ("dense_7") depend on what a thread built before; a training job in a
    worker thread once got two layers named "dense" in the tutorial model and failed."""
    import threading

    names = {}

    def build():
        models.build_dense()  # an earlier model in the same thread
        names["dense"] = [layer.name for layer in models.build_dense().layers]
        names["tile"] = [layer.name for layer in models.tile_network_for("single", blocks=2).layers]

    worker = threading.Thread(target=build)
    worker.start()
    worker.join()
    assert names["dense"] == ["flatten", "hidden", "answer"]
    assert names["tile"][:5] == ["tile", "block1_conv1", "block1_norm1", "block1_relu1", "block1_pool"]
    assert names["tile"][-1] == "answer"


def test_a_cancellation_keeps_its_history_through_a_pipe():
    import pickle

    stopped = pickle.loads(pickle.dumps(training.Cancelled("stopped", {"loss": [0.5], "val_loss": [0.6]})))
    assert str(stopped) == "stopped" and stopped.epochs_done == 1 and stopped.history["val_loss"] == [0.6]


@pytest.mark.parametrize("kind", contract.CANVAS_KINDS)
def test_mirror_averaging_answers_the_mean_of_each_tile_and_its_mirror_and_saves(tiny_results, kind, tmp_path):
    shipped_like = tiny_results[kind][0].model
    tile_network = models.tile_network_of(shipped_like)
    averaged = models.canvas_model(tile_network, kind, mirror_average=True)
    canvases = np.random.default_rng(2).random((3, 56, 56, 1), dtype=np.float32)
    tiles_ = np.asarray(models.CanvasToTiles()(canvases))
    per_tile = (np.asarray(tile_network(tiles_)) + np.asarray(tile_network(tiles_[:, :, ::-1]))) / 2
    combine = models.OneGarment() if kind == "single" else models.AnyTile()
    expected = np.asarray(combine(per_tile.reshape(3, 4, -1)))
    np.testing.assert_allclose(np.asarray(averaged(canvases)), expected, atol=1e-5)
    # a canvas mirrored left-right gets the same answer: the quadrants swap, each tile is mirrored
    np.testing.assert_allclose(np.asarray(averaged(canvases[:, :, ::-1])), np.asarray(averaged(canvases)), atol=1e-5)
    path = tmp_path / f"{kind}.keras"
    registry.save_model(averaged, {"name": kind}, path)
    np.testing.assert_allclose(np.asarray(registry.load_model(path)(canvases)), expected, atol=1e-5)


def test_the_mirror_average_knob_trains_the_same_weights_and_saves_the_averaged_model(fmnist_data, tmp_path):
    """The shipped recipe's test-time averaging: training is unchanged (the same tile network's
    weights as without it), the saved model answers every tile and its mirror, and the per-quadrant
    answers the pages show are the averaged ones, which combine into the canvas answer."""
    config = training.TrainConfig("multi", mirror_average=True, **TINY)
    averaged = training.train(config, fmnist_data, eval_size=200)
    plain = training.train(training.TrainConfig("multi", **TINY), fmnist_data, eval_size=200)
    assert models.mirror_averages(averaged.model) and not models.mirror_averages(plain.model)
    for mine, theirs in zip(models.tile_network_of(averaged.model).get_weights(),
                            models.tile_network_of(plain.model).get_weights()):
        np.testing.assert_allclose(mine, theirs, atol=1e-5)
    assert models.tile_answers_of(plain.model) is models.tile_network_of(plain.model)
    assert averaged.metadata()["config"]["mirror_average"] is True and "mirror_average" not in plain.metadata()["config"]

    path = tmp_path / "multi.keras"
    registry.save_model(averaged.model, averaged.metadata(), path)
    loaded = registry.load_model(path)  # safe_mode: the mirror is a registered layer, not a Lambda
    _, (x_test, _) = fmnist_data
    canvas = composite.compose(x_test, np.array([[0, -1, 5, 9]]))
    per_tile = Predictor(models.tile_answers_of(loaded))(composite.tiles(canvas)[0])
    mirrored = Predictor(models.tile_network_of(loaded))(composite.tiles(canvas)[0][:, :, ::-1])
    as_is = Predictor(models.tile_network_of(loaded))(composite.tiles(canvas)[0])
    np.testing.assert_allclose(per_tile, (as_is + mirrored) / 2, atol=1e-5)
    np.testing.assert_allclose(Predictor(loaded)(canvas[0]), 1 - np.prod(1 - per_tile[:, :10], axis=0), atol=1e-5)
