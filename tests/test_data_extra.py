"""Data helpers behind the Browse page: pixel statistics, one row per class, image peaks."""

import numpy as np
import pytest

from fmnist import data


def test_pixel_stats_of_a_known_image():
    image = np.zeros((28, 28), np.uint8)
    image[:14] = 200  # half the pixels lit
    stats = data.pixel_stats(image)
    assert stats["min"] == 0 and stats["max"] == 200 and stats["sum"] == 200 * 14 * 28
    assert stats["mean"] == pytest.approx(100.0) and stats["std"] == pytest.approx(100.0)
    assert stats["nonzero"] == pytest.approx(0.5)


def test_sprite_indices_give_one_row_per_class_in_label_order(fmnist_data):
    (_, y_train), _ = fmnist_data
    rows = data.sprite_indices(y_train, 6)
    assert rows.shape == (10, 6)
    assert (y_train[rows] == np.arange(10)[:, None]).all()
    np.testing.assert_array_equal(rows[9], data.indices_of_class(y_train, 9, 6))


def test_sprite_indices_with_a_generator_sample_each_class_reproducibly(fmnist_data):
    (_, y_train), _ = fmnist_data
    a = data.sprite_indices(y_train, 6, np.random.default_rng(1))
    b = data.sprite_indices(y_train, 6, np.random.default_rng(1))
    np.testing.assert_array_equal(a, b)
    assert (y_train[a] == np.arange(10)[:, None]).all()
    assert not np.array_equal(a, data.sprite_indices(y_train, 6))


def test_sprite_indices_refuse_more_images_than_a_class_has():
    with pytest.raises(ValueError):
        data.sprite_indices(np.arange(10), 2)


def test_every_fashion_mnist_image_reaches_254_or_more(fmnist_data):
    (x_train, _), (x_test, _) = fmnist_data
    assert data.image_peaks(x_train).shape == (60000,)
    assert data.image_peaks(x_train).min() >= 254 and data.image_peaks(x_test).min() >= 254
