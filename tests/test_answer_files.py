"""A model's test answers stored beside it: read back without the model, refused when they belong to
another file or are damaged, written when a model is saved, and shipped for every shipped model."""

import os
import shutil

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import answer_files, cli, evaluation, registry  # noqa: E402
from fmnist.contract import SHIPPED_NAMES, kind_and_arch  # noqa: E402


@pytest.fixture
def dense_copy(tmp_path):
    """A copy of the shipped tutorial model (it answers the 10,000 test images in a fraction of a second)."""
    for suffix in (".keras", ".json"):
        shutil.copy(registry.SHIPPED_DIR / f"dense{suffix}", tmp_path)
    return tmp_path / "dense.keras"


def no_model(path):
    raise AssertionError(f"the model {path} was loaded, though its answers were stored")


class CountingLoad:
    def __init__(self):
        self.calls = 0

    def __call__(self, path):
        self.calls += 1
        return registry.load_model(path)


def test_answers_are_computed_once_then_read_without_the_model(dense_copy, fmnist_data):
    load = CountingLoad()
    computed = answer_files.test_predictions(dense_copy, "dense", fmnist_data, load_model=load)
    assert load.calls == 1 and answer_files.answers_path(dense_copy).is_file()
    stored = answer_files.test_predictions(dense_copy, "dense", fmnist_data, load_model=no_model)
    np.testing.assert_array_equal(stored.probabilities, computed.probabilities)
    np.testing.assert_array_equal(stored.images, computed.images)
    np.testing.assert_array_equal(stored.labels, computed.labels)
    assert evaluation.metrics_from(stored) == evaluation.metrics_from(computed)


def test_answers_of_another_model_file_are_stale_and_computed_again(dense_copy, fmnist_data, tmp_path):
    answer_files.test_predictions(dense_copy, "dense", fmnist_data, load_model=registry.load_model)
    model = registry.load_model(dense_copy)
    model.layers[-1].bias.assign(model.layers[-1].bias.numpy() + np.arange(10, dtype="float32"))
    registry.save_model(model, registry.read_metadata(dense_copy), dense_copy)  # no answers given: the old ones stay
    assert answer_files.read(dense_copy, "dense", fmnist_data) is None
    load = CountingLoad()
    fresh = answer_files.test_predictions(dense_copy, "dense", fmnist_data, load_model=load)
    assert load.calls == 1
    np.testing.assert_allclose(fresh.probabilities[:50], model.predict_on_batch(fmnist_data[1][0][:50] / 255.0),
                               rtol=1e-5, atol=1e-6)
    assert answer_files.read(dense_copy, "dense", fmnist_data) is not None, "the stale file was replaced"


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other_kind"])
def test_damaged_answers_are_not_trusted(dense_copy, fmnist_data, damage):
    answer_files.test_predictions(dense_copy, "dense", fmnist_data, load_model=registry.load_model)
    stored = answer_files.answers_path(dense_copy)
    if damage == "truncated":
        stored.write_bytes(stored.read_bytes()[:1000])
    elif damage == "garbage":
        stored.write_bytes(b"not an npz at all")
    assert answer_files.read(dense_copy, "single" if damage == "other_kind" else "dense", fmnist_data) is None


def test_answers_to_other_pictures_are_not_trusted(dense_copy, fmnist_data):
    answer_files.test_predictions(dense_copy, "dense", fmnist_data, load_model=registry.load_model)
    (x_train, y_train), (x_test, y_test) = fmnist_data
    shifted = (x_train, y_train), (np.roll(x_test, 1, axis=0), np.roll(y_test, 1))
    assert answer_files.read(dense_copy, "dense", shifted) is None


def test_a_broken_model_without_answers_raises_model_error(tmp_path, fmnist_data):
    broken = tmp_path / "dense.keras"
    broken.write_bytes(b"not a keras archive")
    with pytest.raises(registry.ModelError):
        answer_files.test_predictions(broken, "dense", fmnist_data, load_model=registry.load_model)


def test_save_model_stores_answers_of_the_whole_test_set_only(dense_copy, fmnist_data, tmp_path):
    model = registry.load_model(dense_copy)
    metadata = registry.read_metadata(dense_copy)
    whole = evaluation.test_predictions(model, "dense", fmnist_data)
    registry.save_model(model, metadata, tmp_path / "saved.keras", whole)
    stored = answer_files.read(tmp_path / "saved.keras", "dense", fmnist_data)
    assert stored is not None
    np.testing.assert_array_equal(stored.probabilities, whole.probabilities)

    registry.save_model(model, metadata, tmp_path / "few.keras", evaluation.test_predictions(model, "dense",
                                                                                             fmnist_data, size=200))
    assert not answer_files.answers_path(tmp_path / "few.keras").exists()


def test_delete_removes_the_answers_with_the_model(tmp_path, dense_copy, fmnist_data):
    store = registry.Registry(tmp_path / "registry")
    path = store.path_for_key("dense-0123456789ab")
    path.parent.mkdir()
    shutil.copy(dense_copy, path)
    answer_files.test_predictions(path, "dense", fmnist_data, load_model=registry.load_model)
    assert store.delete("dense-0123456789ab")
    assert not answer_files.answers_path(path).exists()


def test_the_answers_command_writes_them_once(dense_copy, fmnist_data, capsys):
    folder = str(dense_copy.parent)
    assert cli.main(["answers", "dense", "--models", folder]) == 0
    assert "wrote" in capsys.readouterr().out
    assert answer_files.read(dense_copy, "dense", fmnist_data) is not None
    assert cli.main(["answers", "dense", "--models", folder]) == 0
    assert "up to date" in capsys.readouterr().out


@pytest.mark.parametrize("name", SHIPPED_NAMES)
def test_every_shipped_model_ships_its_own_answers(name, fmnist_data):
    """``python -m fmnist answers`` was run on the models in models/ as they are (and ``make train-all`` runs it)."""
    kind, _ = kind_and_arch(name)
    stored = answer_files.read(registry.SHIPPED_DIR / f"{name}.keras", kind, fmnist_data)
    assert stored is not None, f"run `python -m fmnist answers {name}`"
    metadata = registry.read_metadata(registry.SHIPPED_DIR / f"{name}.keras")
    figures = evaluation.metrics_from(stored, metadata.get("threshold"))
    headline = "exact_match" if kind == "multi" else "accuracy"
    assert figures[headline] == pytest.approx(metadata["test"][headline], abs=0.002)  # the figures its JSON quotes
