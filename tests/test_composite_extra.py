"""Composite helpers behind the Compose page: canvases described by hand, set summaries, files."""

import io

import numpy as np
import pytest
from PIL import Image

from fmnist import composite


@pytest.fixture(scope="module")
def pool(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    return x_test, y_test


def test_arrange_puts_each_chosen_class_in_its_chosen_quadrant(pool):
    images, labels = pool
    sources = composite.arrange(labels, [7, 1, 8], [3, 0, 2], seed=0)
    assert sources.shape == (4,) and sources[1] == composite.EMPTY
    assert composite.quadrant_classes(labels, sources).tolist() == [1, -1, 8, 7]


def test_arrange_places_random_garments_in_the_free_quadrants_only(pool):
    _, labels = pool
    for seed in range(30):
        sources = composite.arrange(labels, [None, None, 5], [None, None, 1], seed)
        assert labels[sources[1]] == 5
        assert (sources != composite.EMPTY).sum() == 3


def test_arrange_refuses_two_garments_in_one_quadrant(pool):
    _, labels = pool
    with pytest.raises(composite.QuadrantClash) as clash:
        composite.arrange(labels, [None, 3, None], [2, None, 2], seed=0)
    assert clash.value.quadrant == 2 and clash.value.garments == (1, 3)


@pytest.mark.parametrize("classes, quadrants", [([None] * 5, [None] * 5), ([10], [None]), ([0], [4]), ([0], [])])
def test_arrange_refuses_impossible_descriptions(pool, classes, quadrants):
    with pytest.raises(ValueError):
        composite.arrange(pool[1], classes, quadrants, seed=0)


def test_arrange_with_no_garments_gives_an_empty_canvas(pool):
    images, labels = pool
    sources = composite.arrange(labels, [], [], seed=3)
    assert (sources == composite.EMPTY).all()
    assert not composite.compose(images, sources[None]).any()


def test_the_same_seed_rebuilds_the_canvas_and_another_seed_does_not(pool):
    _, labels = pool
    a = composite.arrange(labels, [None] * 4, [None] * 4, seed=11)
    b = composite.arrange(labels, [None] * 4, [None] * 4, seed=11)
    c = composite.arrange(labels, [None] * 4, [None] * 4, seed=12)
    assert a.tolist() == b.tolist() and a.tolist() != c.tolist()


def test_changing_one_garment_leaves_the_others_images_alone(pool):
    _, labels = pool
    before = composite.arrange(labels, [None, 4], [0, 1], seed=5)
    after = composite.arrange(labels, [None, 9], [0, 1], seed=5)
    assert before[0] == after[0] and labels[after[1]] == 9


def test_random_garment_names_an_existing_image_of_its_class(pool):
    _, labels = pool
    rng = np.random.default_rng(0)
    for _ in range(50):
        label, rank = composite.random_garment(labels, rng)
        assert 0 <= label <= 9 and 0 <= rank < np.count_nonzero(labels == label)


def test_set_summaries_count_canvases_and_garments(pool):
    images, labels = pool
    sets = composite.make_multi_set(images, labels, 2000, np.random.default_rng(0))
    per_count = composite.object_count_distribution(sets)
    per_class = composite.class_distribution(labels, sets.sources)
    assert per_count.shape == (5,) and per_count.sum() == 2000
    assert per_class.shape == (10,) and per_class.sum() == sets.object_counts.sum()
    assert (per_class > 0).all()


def test_npz_bytes_reads_back_as_the_same_set(pool):
    images, labels = pool
    sets = composite.make_multi_set(images, labels, 300, np.random.default_rng(1))
    payload = composite.npz_bytes(sets)
    with np.load(io.BytesIO(payload)) as saved:
        np.testing.assert_array_equal(saved["images"], sets.images)
        np.testing.assert_array_equal(saved["labels"], sets.labels)
        np.testing.assert_array_equal(saved["sources"], sets.sources)
        assert saved["images"].dtype == np.uint8
    assert len(payload) < sets.images.nbytes  # compressed


def test_png_bytes_keep_the_canvas_pixel_for_pixel(pool):
    canvas = composite.place_in_quadrant(pool[0][0], 2)
    decoded = np.asarray(Image.open(io.BytesIO(composite.png_bytes(canvas))))
    np.testing.assert_array_equal(decoded, canvas)


def test_preview_enlarges_without_blur_and_marks_only_the_quadrant_borders(pool):
    canvas = composite.place_in_quadrant(pool[0][0], 3)
    big = composite.preview(canvas, scale=8)
    assert big.shape == (448, 448, 3) and big.dtype == np.uint8
    plain = composite.preview(canvas, scale=8, grid=False)
    np.testing.assert_array_equal(plain[::8, ::8, 0], canvas)  # nearest neighbour: each pixel a block
    middle = np.isin(np.arange(448), [223, 224])
    changed = (big != plain).any(axis=2)
    assert changed[middle].all() and changed[:, middle].all(), "the borders are drawn across the canvas"
    assert not changed[~middle][:, ~middle].any(), "nothing else is touched"
    assert (big[223, :, 2] > big[223, :, 0]).any(), "the border is tinted, not grey"
