"""Composite images: garments inserted into a 2x2 canvas (seed 000's "insert objects into an image").

A canvas is 56x56, a 2x2 grid of 28x28 quadrants numbered 0 top-left, 1 top-right,
2 bottom-left, 3 bottom-right. Everything stays uint8; randomness comes from an
explicit :class:`numpy.random.Generator`, so the same seed gives the same canvases.
Generation is vectorised: 60,000 canvases take a fraction of a second.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from .data import IMAGE_SIZE, NUM_CLASSES

QUADRANTS = 4
CANVAS_SIZE = 2 * IMAGE_SIZE
EMPTY = -1  # the source index of an empty quadrant (not a class: a tile network's "empty" is contract.EMPTY_CLASS)


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
    sources = single_sources(len(images), rng)
    return Composites(compose(images, sources), np.asarray(labels).copy(), sources)


def single_sources(n: int, rng: np.random.Generator) -> np.ndarray:
    """(n, 4) source indices of :func:`make_single_set`'s canvases: input i alone on canvas i,
    in a uniformly random quadrant."""
    sources = np.full((n, QUADRANTS), EMPTY)
    sources[np.arange(n), rng.integers(0, QUADRANTS, size=n)] = np.arange(n)
    return sources


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


# --- Canvases a user describes (the Compose page) ---------------------------------------------

class QuadrantClash(ValueError):
    """Two garments were given the same quadrant; ``quadrant`` and ``garments`` (1-based) say which."""

    def __init__(self, quadrant: int, garments: tuple[int, ...]):
        self.quadrant = quadrant
        self.garments = garments
        super().__init__(f"quadrant {quadrant} is chosen by garments {', '.join(map(str, garments))}: "
                         "each garment needs a quadrant of its own")


def arrange(labels: np.ndarray, classes, quadrants, seed: int) -> np.ndarray:
    """(4,) source indices for one canvas described garment by garment (seed 000's
    ``expand_4times2`` with the choices made by hand).

    ``classes[i]`` is the class of garment i, or None for any class; ``quadrants[i]`` its
    quadrant 0-3, or None for a random free quadrant. Each garment's image is drawn with its
    own generator seeded by ``(seed, i)``, so changing one garment leaves the others as they
    were. A quadrant given twice raises :class:`QuadrantClash`.
    """
    classes, quadrants = list(classes), list(quadrants)
    if len(classes) != len(quadrants):
        raise ValueError(f"{len(classes)} classes but {len(quadrants)} quadrants")
    if len(classes) > QUADRANTS:
        raise ValueError(f"a canvas holds at most 4 garments, got {len(classes)}")
    for c in classes:
        if c is not None and c not in range(NUM_CLASSES):
            raise ValueError(f"class must be 0-9 or None, got {c}")
    for q in quadrants:
        if q is not None and q not in range(QUADRANTS):
            raise ValueError(f"quadrant must be 0-3 or None, got {q}")
    for q in range(QUADRANTS):
        garments = tuple(i + 1 for i, chosen in enumerate(quadrants) if chosen == q)
        if len(garments) > 1:
            raise QuadrantClash(q, garments)

    labels = np.asarray(labels)
    free = [q for q in range(QUADRANTS) if q not in quadrants]
    free = list(np.random.default_rng([seed, QUADRANTS]).permutation(free))
    sources = np.full(QUADRANTS, EMPTY)
    for i, (c, q) in enumerate(zip(classes, quadrants)):
        pool = np.flatnonzero(labels == c) if c is not None else np.arange(len(labels))
        if len(pool) == 0:
            raise ValueError(f"no image of class {c} to draw from")
        quadrant = q if q is not None else free.pop(0)
        sources[quadrant] = pool[np.random.default_rng([seed, i]).integers(len(pool))]
    return sources


def random_garment(labels: np.ndarray, rng: np.random.Generator) -> tuple[int, int]:
    """A random garment as (class, rank within its class): the Compose page's "random" choice."""
    labels = np.asarray(labels)
    label = int(rng.integers(NUM_CLASSES))
    return label, int(rng.integers(np.count_nonzero(labels == label)))


def quadrant_classes(labels: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """The class in each quadrant, -1 where empty: (4,) for one canvas's sources, (n, 4) for many."""
    sources = np.asarray(sources)
    return np.where(sources != EMPTY, np.asarray(labels, dtype=np.int64)[np.maximum(sources, 0)], EMPTY)


def object_count_distribution(composites: Composites) -> np.ndarray:
    """How many canvases hold 0, 1, 2, 3 and 4 garments: (5,) ints."""
    return np.bincount(composites.object_counts, minlength=QUADRANTS + 1)


def class_distribution(labels: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """How many garments of each class were placed over a set of canvases: (10,) ints."""
    classes = quadrant_classes(labels, sources)
    return np.bincount(classes[classes != EMPTY], minlength=NUM_CLASSES)


def npz_bytes(composites: Composites) -> bytes:
    """The set as a compressed NumPy file: ``images`` (n, 56, 56) uint8, ``labels``, ``sources``.

    Read it back with ``numpy.load(path)``.
    """
    buffer = io.BytesIO()
    np.savez_compressed(buffer, images=composites.images, labels=composites.labels, sources=composites.sources)
    return buffer.getvalue()


def png_bytes(image: np.ndarray) -> bytes:
    """A uint8 greyscale image as PNG bytes, pixel for pixel (a 56x56 canvas stays 56x56)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.asarray(image, dtype=np.uint8)).save(buffer, format="PNG")
    return buffer.getvalue()


GRID_COLOUR = (70, 110, 170)


def preview(canvas: np.ndarray, scale: int = 8, grid: bool = True) -> np.ndarray:
    """A canvas enlarged ``scale`` times with nearest-neighbour (crisp pixels), as RGB uint8,
    with the quadrant borders drawn faintly over it; the data itself is not changed."""
    big = np.repeat(np.repeat(np.asarray(canvas, dtype=np.uint8), scale, axis=0), scale, axis=1)
    rgb = np.repeat(big[..., None], 3, axis=2)
    if grid:
        width = max(1, scale // 4)
        start = big.shape[0] // 2 - width // 2
        line = slice(start, start + width)
        colour = np.array(GRID_COLOUR, dtype=np.uint16)
        rgb[line, :] = ((rgb[line, :].astype(np.uint16) + colour) // 2).astype(np.uint8)
        rgb[:, line] = ((rgb[:, line].astype(np.uint16) + colour) // 2).astype(np.uint8)
    return rgb
