"""Composite images: garments inserted into a 2x2 canvas (seed 000's "insert objects into an image").

A canvas is 56x56, a 2x2 grid of 28x28 quadrants numbered 0 top-left, 1 top-right,
2 bottom-left, 3 bottom-right. Everything stays uint8; randomness comes from an
explicit :class:`numpy.random.Generator`, so the same seed gives the same canvases.
Generation is vectorised: 60,000 canvases take a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data import IMAGE_SIZE, NUM_CLASSES

QUADRANTS = 4
CANVAS_SIZE = 2 * IMAGE_SIZE
EMPTY = -1


@dataclass(frozen=True)
class Composites:
    """A set of canvases with what went into them.

    images:  (n, 56, 56) uint8
    labels:  (n,) class ids for single canvases; (n, 10) uint8 multi-hot for multi canvases
    sources: (n, 4) index of the input image in each quadrant, -1 where empty
    """

    images: np.ndarray
    labels: np.ndarray
    sources: np.ndarray

    def __len__(self) -> int:
        return len(self.images)

    @property
    def object_counts(self) -> np.ndarray:
        return (self.sources != EMPTY).sum(axis=1)


def compose(images: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """Canvases from an (n, 4) array of source indices into ``images`` (-1 = empty quadrant)."""
    sources = np.asarray(sources)
    n = len(sources)
    grid = np.zeros((n, 2, IMAGE_SIZE, 2, IMAGE_SIZE), dtype=np.uint8)
    for quadrant in range(QUADRANTS):
        row, col = divmod(quadrant, 2)
        filled = sources[:, quadrant] != EMPTY
        grid[filled, row, :, col, :] = images[sources[filled, quadrant]]
    return grid.reshape(n, CANVAS_SIZE, CANVAS_SIZE)


def tiles(canvases: np.ndarray) -> np.ndarray:
    """Split (n, 56, 56) canvases into (n, 4, 28, 28) quadrants, in quadrant order."""
    n = len(canvases)
    grid = canvases.reshape(n, 2, IMAGE_SIZE, 2, IMAGE_SIZE)
    return grid.transpose(0, 1, 3, 2, 4).reshape(n, QUADRANTS, IMAGE_SIZE, IMAGE_SIZE)


def multi_hot(labels: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """(n, 10) uint8: 1 where a class appears in any quadrant (a repeated class is still 1)."""
    sources = np.asarray(sources)
    rows, quadrants = np.nonzero(sources != EMPTY)
    hot = np.zeros((len(sources), NUM_CLASSES), dtype=np.uint8)
    hot[rows, labels[sources[rows, quadrants]]] = 1
    return hot


def place_in_quadrant(image: np.ndarray, quadrant: int) -> np.ndarray:
    """One 28x28 garment in quadrant 0-3 of a black 56x56 canvas (seed 000's ``expand_4times``)."""
    if quadrant not in range(QUADRANTS):
        raise ValueError(f"quadrant must be 0-3, got {quadrant}")
    sources = np.full((1, QUADRANTS), EMPTY)
    sources[0, quadrant] = 0
    return compose(np.asarray(image, dtype=np.uint8)[None], sources)[0]


def make_single_set(images: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> Composites:
    """One canvas per input image, each garment in a uniformly random quadrant.

    Seed 000's ``expand_4times`` applied to a whole split, without the Python loop.
    """
    n = len(images)
    sources = np.full((n, QUADRANTS), EMPTY)
    sources[np.arange(n), rng.integers(0, QUADRANTS, size=n)] = np.arange(n)
    return Composites(compose(images, sources), np.asarray(labels).copy(), sources)


def random_sources(n: int, pool_size: int, rng: np.random.Generator, max_objects: int = QUADRANTS,
                   counts: np.ndarray | None = None) -> np.ndarray:
    """(n, 4) source indices: a uniformly random count of 0..max_objects garments per canvas
    (or the given ``counts``), drawn from ``pool_size`` inputs, in distinct random quadrants."""
    if not 0 <= max_objects <= QUADRANTS:
        raise ValueError(f"max_objects must be 0-4, got {max_objects}")
    if counts is None:
        counts = rng.integers(0, max_objects + 1, size=n)
    order = np.argsort(rng.random((n, QUADRANTS)), axis=1)  # a random permutation of quadrants per canvas
    picks = rng.integers(0, pool_size, size=(n, QUADRANTS))
    by_rank = np.where(np.arange(QUADRANTS) < np.asarray(counts)[:, None], picks, EMPTY)
    sources = np.full((n, QUADRANTS), EMPTY)
    np.put_along_axis(sources, order, by_rank, axis=1)
    return sources


def make_multi_set(images: np.ndarray, labels: np.ndarray, n: int, rng: np.random.Generator,
                   max_objects: int = QUADRANTS) -> Composites:
    """n canvases, each with a uniformly random count of 0..max_objects garments drawn from the
    inputs, in distinct random quadrants; labels are multi-hot.

    Seed 000's ``expand_4times2`` as it was meant: a fresh background per canvas, the
    garments placed once, the label built per canvas.
    """
    sources = random_sources(n, len(images), rng, max_objects)
    return Composites(compose(images, sources), multi_hot(np.asarray(labels), sources), sources)


def with_object_count(composites: Composites, count: int) -> np.ndarray:
    """Indices of the canvases holding exactly ``count`` garments (seed 000's ``filter2``)."""
    return np.flatnonzero(composites.object_counts == count)
