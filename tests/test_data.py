"""The loader: the right arrays, verified archives, precise errors."""

import gzip
import shutil

import numpy as np
import pytest

from fmnist import data


def test_load_data_returns_the_keras_shapes_and_dtypes(fmnist_data):
    (x_train, y_train), (x_test, y_test) = fmnist_data
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (60000,) and y_train.dtype == np.uint8
    assert x_test.shape == (10000, 28, 28) and x_test.dtype == np.uint8
    assert y_test.shape == (10000,) and y_test.dtype == np.uint8


def test_every_class_has_6000_train_and_1000_test_images(fmnist_data):
    (_, y_train), (_, y_test) = fmnist_data
    assert np.bincount(y_train).tolist() == [6000] * 10
    assert np.bincount(y_test).tolist() == [1000] * 10


def test_facts_match_what_the_seed_notebook_prints(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    facts = data.facts(x_train, y_train)
    assert (facts.brightest, facts.darkest) == (55023, 9230)
    assert (facts.pixel_min, facts.pixel_max) == (0, 255)
    assert y_train[0] == 9  # the tutorial's first image is an ankle boot


@pytest.fixture
def archive_copy(tmp_path, monkeypatch):
    """A private copy of the four archives, found first through $FMNIST_DATA_DIR."""
    source = data.find_data_dir()
    for name in data.FILES:
        shutil.copy(source / f"{name}.gz", tmp_path / f"{name}.gz")
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    return tmp_path


def test_a_folder_named_by_the_environment_is_searched_first(archive_copy):
    assert data.find_data_dir() == archive_copy
    (x_train, _), _ = data.load_data()
    assert x_train.shape == (60000, 28, 28)


def test_a_truncated_archive_is_refused_with_the_file_named(archive_copy):
    path = archive_copy / "t10k-labels-idx1-ubyte.gz"
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(data.DataError, match="t10k-labels-idx1-ubyte.gz"):
        data.load_data()


def test_an_altered_archive_is_refused_by_its_hash(archive_copy):
    path = archive_copy / "train-labels-idx1-ubyte.gz"
    labels = bytearray(gzip.decompress(path.read_bytes()))
    labels[100] = (labels[100] + 1) % 10  # one label changed, size unchanged
    path.write_bytes(gzip.compress(bytes(labels)))
    with pytest.raises(data.DataError, match=r"train-labels-idx1-ubyte.*SHA-256"):
        data.load_data()


def test_a_missing_archive_is_named_with_how_to_get_the_data(archive_copy):
    (archive_copy / "train-images-idx3-ubyte.gz").unlink()
    with pytest.raises(data.DataError, match=r"train-images-idx3-ubyte.*apt-get install dataset-fashion-mnist"):
        data.load_data()


def test_decompressed_archives_are_accepted(archive_copy):
    for name in data.FILES:
        gz = archive_copy / f"{name}.gz"
        (archive_copy / name).write_bytes(gzip.decompress(gz.read_bytes()))
        gz.unlink()
    (_, y_train), _ = data.load_data()
    assert len(y_train) == 60000


def test_no_data_anywhere_and_no_download_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    with pytest.raises(data.DataError, match="not found.*apt-get install dataset-fashion-mnist"):
        data.load_data(allow_download=False)


def test_without_debians_folder_the_archives_are_read_from_the_keras_cache(tmp_path, monkeypatch):
    # A laptop without apt: the archives where Keras's own download puts them, under HOME.
    source = data.find_data_dir()
    cache = tmp_path / ".keras" / "datasets" / "fashion-mnist"
    cache.mkdir(parents=True)
    for name in data.FILES:
        shutil.copy(source / f"{name}.gz", cache)
    for name in (data.DATA_DIR_ENV, "KERAS_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(data.NO_SYSTEM_DATA_ENV, "1")
    assert data.DEBIAN_DIR not in data.candidate_dirs()
    assert data.find_data_dir() == cache
    (x_train, _), (x_test, _) = data.load_data(allow_download=False)
    assert (len(x_train), len(x_test)) == (60000, 10000)


def test_scale_255_maps_pixels_to_unit_float32():
    x = np.array([[0, 51, 255]], dtype=np.uint8)
    scaled = data.scale_255(x)
    assert scaled.dtype == np.float32
    np.testing.assert_allclose(scaled, [[0.0, 0.2, 1.0]])


def test_min_max_stretches_each_image_to_the_full_range():
    x = np.array([[[10, 20], [30, 60]], [[0, 0], [0, 5]]], dtype=np.uint8)
    per_image = data.min_max(x, per_image=True)
    np.testing.assert_allclose(per_image[0], [[0, 0.2], [0.4, 1.0]])
    np.testing.assert_allclose(per_image[1], [[0, 0], [0, 1.0]])
    np.testing.assert_allclose(data.min_max(x).max(), 1.0)
    assert data.min_max(np.zeros((2, 2), np.uint8)).max() == 0  # a flat image stays black


def test_indices_of_class_pages_and_shuffles(fmnist_data):
    (_, y_train), _ = fmnist_data
    first = data.indices_of_class(y_train, 9, 5)
    assert first[0] == 0 and (y_train[first] == 9).all()
    assert data.indices_of_class(y_train, 9, 5, start=5)[0] > first[-1]
    shuffled = data.indices_of_class(y_train, 9, 5, rng=np.random.default_rng(1))
    assert (y_train[shuffled] == 9).all() and not np.array_equal(shuffled, first)


def test_mean_images_are_one_per_class(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    means = data.mean_images(x_train, y_train)
    assert means.shape == (10, 28, 28)
    np.testing.assert_allclose(means[1], x_train[y_train == 1].mean(axis=0), rtol=1e-5)
