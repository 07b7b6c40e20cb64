"""The tile network's training tiles: the quadrants of fresh composites, labelled by what was placed there."""

import math

import numpy as np
import pytest

from fmnist import composite, tiles
from fmnist.contract import EMPTY_CLASS
from fmnist.recipes import TrainConfig


def composed_and_cut(kind, images, labels, rng, garments, empty_fraction):
    """The tiles the long way round: mirror half the garments, compose the canvases, cut every
    canvas into its quadrants and pick the garment tiles and a share of the empty ones."""
    mirrored = rng.random(len(images)) < 0.5
    images = images.copy()
    images[mirrored] = images[mirrored, :, ::-1]
    if kind == "single":
        pool = rng.choice(len(images), size=garments, replace=False)
        canvases, placed_labels = composite.make_single_set(images[pool], labels[pool], rng), labels[pool]
    else:
        canvases, placed_labels = composite.make_multi_set(images, labels, math.ceil(0.6 * garments) + 8, rng), labels
    quadrants = composite.tiles(canvases.images).reshape(-1, 28, 28)
    sources = canvases.sources.reshape(-1)
    filled = np.flatnonzero(sources != composite.EMPTY)[:garments]
    empty = rng.choice(np.flatnonzero(sources == composite.EMPTY), size=round(empty_fraction * garments),
                       replace=False)
    chosen = rng.permutation(np.concatenate([filled, empty]))
    classes = np.where(sources[chosen] == composite.EMPTY, EMPTY_CLASS, placed_labels[np.maximum(sources[chosen], 0)])
    return quadrants[chosen], classes


@pytest.mark.parametrize("kind", ["single", "multi"])
def test_the_tiles_are_the_quadrants_of_the_composites_the_same_generator_draws(fmnist_data, kind):
    (x_train, y_train), _ = fmnist_data
    images, labels = x_train[:600], y_train[:600]
    expected_tiles, expected_classes = composed_and_cut(kind, images, labels, np.random.default_rng(4), 500, 0.3)
    drawn_tiles, classes = tiles.tile_set(kind, images, labels, np.random.default_rng(4), 500, 0.3, flip=True)
    np.testing.assert_array_equal(drawn_tiles, expected_tiles)
    np.testing.assert_array_equal(classes, expected_classes)


def test_tile_set_labels_each_tile_by_the_garment_placed_in_it(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    for kind, answer in (("single", "softmax"), ("multi", "softmax"), ("multi", "sigmoid")):
        cut, targets = tiles.tile_set(kind, x_train[:500], y_train[:500], np.random.default_rng(1), 400, 0.25,
                                      tile_answer=answer)
        if answer == "sigmoid":
            assert targets.shape == (500, 10) and targets.sum(axis=1).max() == 1
        classes = targets if answer == "softmax" else np.where(targets.any(axis=1), targets.argmax(axis=1), 10)
        empty = classes == EMPTY_CLASS
        assert (~empty).sum() == 400 and empty.sum() == 100
        assert not cut[empty].any()
        for tile, label in zip(cut[~empty][:50], classes[~empty][:50]):
            matches = np.flatnonzero((x_train[:500] == tile).all(axis=(1, 2)))
            assert label in y_train[matches]


def test_a_mirrored_garment_is_its_image_turned_left_to_right(fmnist_data):
    (x_train, y_train), _ = fmnist_data
    drawn = tiles.draw_tiles("single", y_train[:300], np.random.default_rng(2), 300, 0.0, flip=True)
    cut = tiles.cut(x_train[:300], drawn)
    assert 0.3 < drawn.mirrored.mean() < 0.7
    np.testing.assert_array_equal(cut[drawn.mirrored], x_train[drawn.sources[drawn.mirrored], :, ::-1])
    np.testing.assert_array_equal(cut[~drawn.mirrored], x_train[drawn.sources[~drawn.mirrored]])


@pytest.mark.parametrize("kind", ["single", "multi"])
@pytest.mark.parametrize("garments, empty_fraction", [(1, 0.0), (1, 1.0), (37, 0.5), (300, 0.05), (300, 1.0)])
def test_an_epoch_holds_exactly_its_tile_count(fmnist_data, kind, garments, empty_fraction):
    (_, y_train), _ = fmnist_data
    config = TrainConfig(kind, epochs=2, train_size=garments, empty_fraction=empty_fraction)
    drawn = tiles.epoch_draw(config, y_train[:garments], epoch=1)
    assert len(drawn) == tiles.tile_count(garments, empty_fraction)
    assert (drawn.sources != composite.EMPTY).sum() == garments


def test_a_draw_short_of_garments_draws_more_canvases(fmnist_data, monkeypatch):
    (_, y_train), _ = fmnist_data
    real = composite.random_sources
    calls = []

    def first_all_empty(n, pool_size, rng, *args, **kwargs):
        sources = real(n, pool_size, rng, *args, **kwargs)
        calls.append(n)
        return np.full_like(sources, composite.EMPTY) if len(calls) == 1 else sources

    monkeypatch.setattr(composite, "random_sources", first_all_empty)
    drawn = tiles.draw_tiles("multi", y_train[:100], np.random.default_rng(0), 100, 0.1)
    assert len(calls) >= 2 and (drawn.sources != composite.EMPTY).sum() == 100 and len(drawn) == 110


def test_a_run_keeps_its_tiles_as_a_few_bytes_each(fmnist_data):
    """Every epoch of a run, as the trainer keeps them: an index, a flag and a target a tile, not 784 pixels."""
    (_, y_train), _ = fmnist_data
    config = TrainConfig("single", epochs=20, train_size=2000, empty_fraction=0.05)
    drawn = tiles.run_draw(config, y_train[:2000])
    assert len(drawn) == 20 * tiles.tile_count(2000, 0.05)
    held = drawn.sources.nbytes + drawn.mirrored.nbytes + drawn.targets.nbytes
    assert held <= 17 * len(drawn) < 784 * len(drawn) / 40
    for epoch in (0, 19):
        part = slice(epoch * 2100, (epoch + 1) * 2100)
        np.testing.assert_array_equal(drawn.sources[part], tiles.epoch_draw(config, y_train[:2000], epoch).sources)
