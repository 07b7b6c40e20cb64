"""Composite canvases: garments where the sources say, labels that match, reproducible draws."""

import numpy as np
import pytest

from fmnist import composite


@pytest.fixture(scope="module")
def pool(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    return x_train[:2000], y_train[:2000]


def assert_quadrants_hold_sources(sets, images):
    tiles = composite.tiles(sets.images)
    for q in range(4):
        filled = sets.sources[:, q] != composite.EMPTY
        np.testing.assert_array_equal(tiles[filled, q], images[sets.sources[filled, q]])
        assert not tiles[~filled, q].any(), f"quadrant {q} should be black where empty"


@pytest.mark.parametrize("quadrant, rows, cols", [(0, slice(0, 28), slice(0, 28)), (1, slice(0, 28), slice(28, 56)),
                                                  (2, slice(28, 56), slice(0, 28)), (3, slice(28, 56), slice(28, 56))])
def test_place_in_quadrant_puts_the_garment_in_that_quadrant_only(pool, quadrant, rows, cols):
    garment = pool[0][0]
    canvas = composite.place_in_quadrant(garment, quadrant)
    assert canvas.shape == (56, 56) and canvas.dtype == np.uint8
    np.testing.assert_array_equal(canvas[rows, cols], garment)
    assert canvas.sum(dtype=np.int64) == garment.sum(dtype=np.int64)


def test_place_in_quadrant_refuses_a_fifth_quadrant(pool):
    with pytest.raises(ValueError, match="0-3"):
        composite.place_in_quadrant(pool[0][0], 4)


def test_single_set_has_one_garment_per_canvas_in_a_uniform_quadrant(pool):
    images, labels = pool
    sets = composite.make_single_set(images, labels, np.random.default_rng(0))
    assert sets.images.shape == (2000, 56, 56) and sets.images.dtype == np.uint8
    assert (sets.object_counts == 1).all()
    np.testing.assert_array_equal(sets.labels, labels)
    np.testing.assert_array_equal(sets.sources.max(axis=1), np.arange(2000))
    assert_quadrants_hold_sources(sets, images)
    per_quadrant = np.bincount(np.argmax(sets.sources != composite.EMPTY, axis=1), minlength=4)
    assert per_quadrant.min() > 400  # 500 expected each


def test_multi_set_quadrants_hold_their_sources_or_black(pool):
    images, labels = pool
    sets = composite.make_multi_set(images, labels, 3000, np.random.default_rng(1))
    assert sets.images.shape == (3000, 56, 56) and sets.images.dtype == np.uint8
    assert sets.labels.shape == (3000, 10) and sets.labels.dtype == np.uint8
    assert_quadrants_hold_sources(sets, images)


def test_multi_hot_equals_the_classes_of_the_garments_placed(pool):
    images, labels = pool
    sets = composite.make_multi_set(images, labels, 3000, np.random.default_rng(2))
    for row in range(300):
        placed = {int(labels[s]) for s in sets.sources[row] if s != composite.EMPTY}
        assert set(np.flatnonzero(sets.labels[row])) == placed


def test_multi_label_counts_a_repeated_class_once():
    images = np.full((2, 28, 28), 200, np.uint8)
    labels = np.array([7, 7], np.uint8)
    sources = np.array([[0, 1, -1, 0]])
    hot = composite.multi_hot(labels, sources)
    assert hot.tolist() == [[0, 0, 0, 0, 0, 0, 0, 1, 0, 0]]
    assert composite.compose(images, sources)[0, 28:, :28].sum() == 0


def test_object_counts_are_uniform_over_0_to_4(pool):
    images, labels = pool
    counts = composite.make_multi_set(images, labels, 20000, np.random.default_rng(3)).object_counts
    frequencies = np.bincount(counts, minlength=5) / len(counts)
    assert counts.max() == 4
    np.testing.assert_allclose(frequencies, 0.2, atol=0.015)


def test_max_objects_caps_the_count(pool):
    images, labels = pool
    counts = composite.make_multi_set(images, labels, 2000, np.random.default_rng(4), max_objects=2).object_counts
    assert set(np.unique(counts)) == {0, 1, 2}


def test_the_same_seed_gives_the_same_canvases_and_another_seed_does_not(pool):
    images, labels = pool
    a = composite.make_multi_set(images, labels, 500, np.random.default_rng(42))
    b = composite.make_multi_set(images, labels, 500, np.random.default_rng(42))
    c = composite.make_multi_set(images, labels, 500, np.random.default_rng(43))
    np.testing.assert_array_equal(a.images, b.images)
    np.testing.assert_array_equal(a.sources, b.sources)
    assert not np.array_equal(a.sources, c.sources)


def test_garments_sit_in_distinct_quadrants_and_every_placement_occurs(pool):
    images, labels = pool
    sets = composite.make_multi_set(images, labels, 5000, np.random.default_rng(5))
    two = sets.sources[sets.object_counts == 2] != composite.EMPTY
    patterns = {tuple(row) for row in two}
    assert len(patterns) == 6  # all 4-choose-2 placements


def test_with_object_count_selects_like_the_seeds_filter2(pool):
    images, labels = pool
    sets = composite.make_multi_set(images, labels, 1000, np.random.default_rng(6))
    three = composite.with_object_count(sets, 3)
    assert len(three) > 0 and (sets.labels[three].sum(axis=1) <= 3).all()
    assert ((sets.sources[three] != composite.EMPTY).sum(axis=1) == 3).all()
