"""The model registry: cached results, atomic writes, safe loading, corrupt files skipped."""

import json
import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import composite, jobs, model_card, registry, training  # noqa: E402

TINY = training.TrainConfig("single", epochs=1, train_size=300, width=4, convs=1, batch_size=64)


@pytest.fixture(scope="module")
def tiny(fmnist_data):
    """One real (tiny) canvas model: a few hundred garments, one epoch."""
    return training.train(TINY, fmnist_data, eval_size=200)


@pytest.fixture
def store(tmp_path):
    return registry.Registry(tmp_path / "registry")


def canvases(fmnist_data, count=16):
    (x_train, y_train), _ = fmnist_data
    images = composite.make_multi_set(x_train, y_train, count, np.random.default_rng(1)).images
    return images[..., None].astype("float32") / 255


class CountingTrain:
    """training.train, counting its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return training.train(*args, **kwargs)


def test_put_stores_the_model_and_its_json_under_the_config_key(store, tiny):
    path = store.put(tiny)
    assert path == store.root / f"{TINY.key()}.keras"
    assert sorted(p.name for p in store.root.iterdir()) == [f"{TINY.key()}.json", f"{TINY.key()}.keras"]
    metadata = registry.read_metadata(path)
    assert metadata["key"] == TINY.key()
    assert metadata["config"] == TINY.relevant()
    assert metadata["test"]["test_images"] == 200
    assert {p.stat().st_mode & 0o777 for p in store.root.iterdir()} == {0o644}  # readable by the class server


def test_the_same_config_is_not_trained_again(store, tiny, fmnist_data, monkeypatch):
    store.put(tiny)
    counting = CountingTrain()
    monkeypatch.setitem(jobs.TRAINERS, "counting", counting)
    manager = jobs.JobManager(store, trainer="counting", eval_size=200)
    job = manager.request(TINY, fmnist_data)
    assert job.state == jobs.CACHED  # answered at once, from disk
    assert counting.calls == 0
    model, metadata = store.get(TINY)
    assert metadata["key"] == TINY.key()
    assert model.output_shape == (None, 10)


def test_a_config_not_stored_is_not_found(store, tiny):
    store.put(tiny)
    other = training.TrainConfig.from_dict({**TINY.__dict__, "seed": 1})
    assert store.lookup(other) is None
    assert store.get(other) is None


def test_a_safe_mode_load_predicts_exactly_what_was_saved(store, tiny, fmnist_data):
    path = store.put(tiny)
    loaded = registry.load_model(path)
    batch = canvases(fmnist_data)
    np.testing.assert_allclose(np.asarray(loaded(batch)), np.asarray(tiny.model(batch)), rtol=0, atol=1e-6)


def test_save_model_writes_the_cli_layout(tmp_path, tiny):
    out = tmp_path / "models" / "single.keras"
    registry.save_model(tiny.model, tiny.metadata(), out)
    assert sorted(p.name for p in out.parent.iterdir()) == ["single.json", "single.keras"]
    assert registry.read_metadata(out)["name"] == "single"


def test_a_failed_save_leaves_the_old_files_intact_and_no_temporary_file(tmp_path, tiny):
    import keras

    out = tmp_path / "single.keras"
    registry.save_model(tiny.model, tiny.metadata(), out)
    before = out.read_bytes(), out.with_suffix(".json").read_bytes()

    with pytest.raises(TypeError):  # metadata that JSON cannot hold: refused before any file is touched
        registry.save_model(tiny.model, {"not json": object()}, out)

    class Unsaveable(keras.layers.Layer):
        def get_config(self):
            raise RuntimeError("this layer cannot be saved")

    broken = keras.Sequential([keras.Input((3,)), Unsaveable()])
    with pytest.raises(Exception, match="cannot be saved"):  # fails while Keras writes the archive
        registry.save_model(broken, {"name": "broken"}, out)

    assert (out.read_bytes(), out.with_suffix(".json").read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["single.json", "single.keras"]
    registry.load_model(out)  # still the good model


CRASH_BETWEEN_THE_RENAMES = """
import os, sys
sys.path.insert(0, {root!r})
from fmnist import registry
model = registry.load_model({source!r})
model.set_weights([weights * 0.5 for weights in model.get_weights()])  # another model than the stored one
renamed = os.replace


def rename_then_crash(temp, target):
    renamed(temp, target)
    if str(target).endswith(".keras"):
        os._exit(9)  # as a power cut or the kernel's OOM killer would end it: no clean-up at all


os.replace = rename_then_crash
registry.save_model(model, {metadata!r}, {target!r})
"""


def crash_between_the_renames(source, metadata: dict, target) -> None:
    """Save the model in ``source``, changed, to ``target`` in a process that dies right after the
    new .keras is renamed into place, before the JSON is."""
    import subprocess
    import sys

    script = CRASH_BETWEEN_THE_RENAMES.format(root=str(registry.REPO), source=str(source), metadata=metadata,
                                              target=str(target))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
    assert done.returncode == 9, done.stderr


def test_a_crash_between_the_renames_never_pairs_the_new_model_with_the_old_json(store, tiny):
    path = store.put(tiny)
    old_model, old_json = path.read_bytes(), registry.read_metadata(path)
    crash_between_the_renames(path, {**old_json, "trained_at": "the new training"}, path)

    assert path.read_bytes() != old_model, "the new model is in place"
    assert registry.read_metadata(path) is None, "no JSON rather than the old model's"
    [entry] = store.entries()
    assert not entry.ok and "missing" in entry.error
    assert store.lookup(TINY) is None and store.get(TINY) is None  # the config would be trained again


def test_a_crash_between_the_renames_of_a_shipped_model_leaves_no_old_figures(tmp_path, tiny):
    out = tmp_path / "models" / "single.keras"
    registry.save_model(tiny.model, {"name": "single", "test": {"accuracy": 0.91}}, out)  # the CLI's layout
    crash_between_the_renames(out, {"name": "single", "test": {"accuracy": 0.45}}, out)
    assert registry.read_metadata(out) is None  # never the old model's figures for the new one
    registry.load_model(out)  # the new model itself is whole


def test_a_corrupt_file_is_reported_and_skipped(store, tiny):
    good = store.put(tiny)
    store.root.mkdir(exist_ok=True)
    garbage = store.root / "single-000000000000.keras"
    garbage.write_bytes(b"this is not a zip archive")
    garbage.with_suffix(".json").write_text(json.dumps({"key": "single-000000000000"}))
    truncated = store.root / "single-111111111111.keras"
    truncated.write_bytes(good.read_bytes()[:5000])
    truncated.with_suffix(".json").write_text(json.dumps({"key": "single-111111111111"}))

    entries = {entry.key: entry for entry in store.entries()}
    assert entries[TINY.key()].ok
    for key in ("single-000000000000", "single-111111111111"):
        assert not entries[key].ok
        assert f"{key}.keras" in entries[key].error
    with pytest.raises(registry.ModelError, match="single-000000000000.keras"):
        registry.load_model(garbage)


def test_a_broken_or_missing_json_is_reported_not_raised(store, tiny):
    path = store.put(tiny)
    path.with_suffix(".json").write_text("{ not json")
    assert registry.read_metadata(path) is None
    [entry] = store.entries()
    assert not entry.ok and "JSON" in entry.error
    assert store.lookup(TINY) is None  # unusable: the config would be trained again

    path.with_suffix(".json").unlink()
    [entry] = store.entries()
    assert "missing" in entry.error


def test_json_of_another_model_is_not_trusted(store, tiny):
    path = store.put(tiny)
    metadata = registry.read_metadata(path)
    path.with_suffix(".json").write_text(json.dumps({**metadata, "key": "single-222222222222"}))
    [entry] = store.entries()
    assert not entry.ok


def test_delete_removes_the_model_and_its_json(store, tiny):
    store.put(tiny)
    assert store.delete(TINY.key())
    assert store.entries() == []
    assert list(store.root.iterdir()) == []
    assert not store.delete(TINY.key())


def test_loading_a_missing_file_names_it(tmp_path):
    with pytest.raises(registry.ModelError, match="nothing.keras"):
        registry.load_model(tmp_path / "nothing.keras")


def test_keys_that_are_not_config_keys_are_refused(store):
    for key in ("../../etc/passwd", "single-xyz", "conv-0123456789ab"):
        with pytest.raises(ValueError):
            store.path_for_key(key)


def test_the_registry_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(registry.REGISTRY_ENV, str(tmp_path / "elsewhere"))
    assert registry.Registry().root == tmp_path / "elsewhere"
    monkeypatch.delenv(registry.REGISTRY_ENV)
    assert registry.Registry().root == registry.REPO / "registry"


def test_shipped_models_live_in_the_models_folder():
    assert registry.shipped_path("multi") == registry.SHIPPED_DIR / "multi.keras"
    assert registry.SHIPPED_DIR.name == "models"
    with pytest.raises(ValueError):
        registry.shipped_path("resnet")


def test_the_headline_metric_is_exact_match_for_multi_and_accuracy_otherwise():
    assert registry.headline_metric({"test": {"accuracy": 0.87}}) == ("accuracy", 0.87)
    assert registry.headline_metric({"test": {"exact_match": 0.85, "micro_f1": 0.94}}) == ("exact_match", 0.85)
    assert registry.headline_metric({"test": {"accuracy": "high"}}) is None
    assert registry.headline_metric(None) is None


def test_the_registry_module_does_not_import_tensorflow():
    import subprocess
    import sys

    code = "import sys, fmnist.registry, fmnist.jobs; print('keras' in sys.modules or 'tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=registry.REPO).stdout
    assert out.strip() == "False"


# --- Files that must not be trusted ----------------------------------------------------------

def lambda_model():
    """A model whose saved file carries Python code: a Lambda layer's function, marshalled."""
    import keras

    return keras.Sequential([keras.Input((56, 56, 1)), keras.layers.Flatten(),
                             keras.layers.Lambda(lambda x: x[:, :10] * 2, output_shape=(10,))])


def test_a_keras_file_with_a_lambda_layer_is_refused_by_the_safe_mode_load(store, tiny):
    import keras

    path = store.path_for(TINY)
    registry.save_model(lambda_model(), tiny.metadata(), path)  # planted under a real key, with a real JSON
    assert keras.saving.load_model(path, safe_mode=False) is not None  # the file itself is a loadable model

    with pytest.raises(registry.ModelError, match=f"{TINY.key()}.keras.*safe_mode"):
        registry.load_model(path)
    assert store.get(TINY) is None  # never loaded: the config would be trained again


def test_a_leftover_temporary_file_is_skipped(store, tiny):
    """A save killed half-way leaves its temporary files behind: they are neither models nor errors."""
    good = store.put(tiny)
    half = good.read_bytes()[:4000]
    (store.root / f".{TINY.key()}.k3x9q2.tmp.keras").write_bytes(half)  # what _write_atomically names them
    (store.root / f".{TINY.key()}.p0w8z1.tmp.json").write_text("{ half")
    (store.root / ".single-000000000000.abcdef.tmp.keras").write_bytes(half)

    [entry] = store.entries()
    assert entry.ok and entry.key == TINY.key() and entry.path == good
    assert store.lookup(TINY).path == good


# --- The shipped models ------------------------------------------------------------------------

def test_the_shipped_recipe_is_recognised_by_its_key():
    for kind in training.KINDS:
        assert registry.is_shipped_recipe(training.PRESETS[kind]["shipped"])
        assert not registry.is_shipped_recipe(training.PRESETS[kind]["quick"])
    for kind in ("single", "multi"):  # the Train page's longest recipe is not the shipped tile network's
        assert not registry.is_shipped_recipe(training.PRESETS[kind]["full"])


def test_a_shipped_model_that_cannot_be_read_is_not_offered_for_its_recipe(tmp_path, monkeypatch):
    full = training.PRESETS["single"]["shipped"]
    monkeypatch.setattr(registry, "SHIPPED_DIR", tmp_path)
    assert not registry.is_shipped_recipe(full)  # nothing there
    (tmp_path / "single.json").write_text(json.dumps({"key": full.key()}))
    (tmp_path / "single.keras").write_bytes(b"truncated")
    assert not registry.is_shipped_recipe(full)


# --- Reading a model's JSON ----------------------------------------------------------------------

def test_the_figures_of_a_json_are_only_its_numbers():
    card = {"test": {"accuracy": 0.87, "test_images": 10000, "note": "good", "flag": True,
                     "exact_match_by_count": {"0": 0.99, "1": 0.9}}}
    assert model_card.test_figures(card) == {"accuracy": 0.87, "test_images": 10000}
    assert model_card.exact_match_by_count(card) == {"0": 0.99, "1": 0.9}
    assert model_card.exact_match_by_count({"test": {"exact_match_by_count": {"0": "all"}}}) is None
    for broken in (None, {}, {"test": "none"}, {"test": ["accuracy", 0.9]}, "not a dict"):
        assert model_card.test_figures(broken) == {}
        assert model_card.headline_metric(broken) is None


def test_a_json_written_by_training_says_how_the_model_was_trained(tiny):
    card = json.loads(json.dumps(tiny.metadata()))  # as read back from the file
    facts = model_card.training_facts(card)
    assert facts == {"epochs": 1, "train_size": 300, "wall_time_s": card["wall_time_s"],
                     "cpus": card["machine"]["cpus"], "params": card["params"]}
    row = model_card.recipe_summary(card)
    assert {k: row[k] for k in ("epochs", "train_size", "batch_size", "learning_rate", "seed")} == {
        "epochs": 1, "train_size": 300, "batch_size": 64, "learning_rate": TINY.learning_rate, "seed": 0}
    assert row["tile_answer"] is None and row["trained_at"] == card["trained_at"]
    assert model_card.headline_metric(card) == ("accuracy", card["test"]["accuracy"])


def test_an_older_or_hand_written_json_gives_no_facts_instead_of_failing():
    hand_written = {"epochs": "twelve", "config": {"train_size": 55000}, "wall_time_s": 10, "params": 5}
    assert model_card.training_facts(hand_written) is None
    assert model_card.training_facts({"epochs": 3}) is None
    assert model_card.recipe_summary({"epochs": 3, "config": {"train_size": 500}}) is None
    assert model_card.recipe_summary(None) is None


def test_a_multi_model_stored_before_tile_answers_were_a_choice_had_sigmoid_tiles():
    recipe = {"kind": "multi", "epochs": 2, "train_size": 500, "batch_size": 64, "learning_rate": 0.002, "seed": 0}
    assert model_card.tile_answer({"config": recipe}) == "sigmoid"  # format 1 without the field
    assert model_card.tile_answer({"config": {**recipe, "tile_answer": "softmax"}}) == "softmax"
    assert model_card.tile_answer({"config": {**recipe, "kind": "single"}}) is None
    assert model_card.recipe_summary({"epochs": 2, "config": recipe})["tile_answer"] == "sigmoid"
