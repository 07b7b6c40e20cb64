"""The tile network's training data: tiles cut from freshly drawn composites.

    x, y = epoch_tiles(config, images, labels, epoch)     # uint8 (n, 28, 28) tiles and their targets

The canvas models (single, multi) are trained through their shared tile network. Each epoch
draws composites anew (``fmnist.composite``), cuts them into their four quadrants, and keeps
the garment tiles plus a share of the empty ones; a tile's label is known from where its
garment was placed.

Cutting a canvas gives back the garments it was composed of, so no canvas is drawn: a tile is
drawn as *which* garment it shows and whether mirrored (:class:`TileDraw`), from the same
generator calls as composing and cutting would make, and :func:`cut` gives its pixels. A
training run keeps every epoch's tiles that way (17 bytes a tile instead of 784: 12 MB instead
of 0.54 GB for the Full preset's 12 epochs) and the trainer cuts them batch by batch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import composite
from .contract import EMPTY_CLASS
from .data import NUM_CLASSES


def tile_count(garments: int, empty_fraction: float) -> int:
    """Tiles in one epoch: the garment tiles and ``empty_fraction`` empty ones per garment."""
    return garments + round(empty_fraction * garments)


def _multi_sources(pool_size: int, garments: int, empties: int, rng: np.random.Generator) -> np.ndarray:
    """Quadrant sources of :func:`composite.make_multi_set`'s canvases, enough of them to hold
    ``garments`` garments and ``empties`` empty quadrants (drawing more canvases in the rare
    case where the first draw falls short)."""
    canvases = math.ceil(0.6 * garments) + 8  # two garments a canvas on average
    sources = composite.random_sources(canvases, pool_size, rng).reshape(-1)
    while (sources != composite.EMPTY).sum() < garments or (sources == composite.EMPTY).sum() < empties:
        sources = np.concatenate([sources, composite.random_sources(canvases, pool_size, rng).reshape(-1)])
    return sources


@dataclass(frozen=True)
class TileDraw:
    """Which tiles to train on, without their pixels: tile i is garment ``sources[i]`` of the
    images drawn from, mirrored left-right where ``mirrored[i]``, or an empty (black) tile where
    ``sources[i]`` is -1; ``targets[i]`` is what the tile network should answer for it."""

    sources: np.ndarray  # (n,) int64
    mirrored: np.ndarray  # (n,) bool
    targets: np.ndarray  # (n,) class ids, or (n, 10) float32 rows for sigmoid tiles

    def __len__(self) -> int:
        return len(self.sources)


def draw_tiles(kind: str, labels: np.ndarray, rng: np.random.Generator, garments: int, empty_fraction: float,
               flip: bool = False, tile_answer: str = "softmax") -> TileDraw:
    """The quadrants of fresh composites of the garments ``labels`` describes (single or multi):
    ``garments`` garment tiles and ``empty_fraction`` empty ones per garment, shuffled.

    Targets are class ids (:data:`~fmnist.contract.EMPTY_CLASS` = empty), or for
    ``tile_answer="sigmoid"`` one-hot rows (all zero when empty). With ``flip``, a random half of
    the garments are mirrored left-right (a mirrored sneaker is still a sneaker).
    """
    empties = round(empty_fraction * garments)
    flipped = rng.random(len(labels)) < 0.5 if flip else np.zeros(len(labels), dtype=bool)
    if kind == "single":  # every garment of a random draw alone on a canvas
        pool = rng.choice(len(labels), size=garments, replace=garments > len(labels))
        sources = composite.single_sources(garments, rng)
        sources = np.where(sources == composite.EMPTY, composite.EMPTY, pool[np.maximum(sources, 0)])
        sources = sources.reshape(-1)
    else:  # 0-4 garments a canvas
        sources = _multi_sources(len(labels), garments, empties, rng)
    # the quadrants of all the canvases, in order: tile t is quadrant t % 4 of canvas t // 4
    filled = np.flatnonzero(sources != composite.EMPTY)[:garments]
    empty = rng.choice(np.flatnonzero(sources == composite.EMPTY), size=empties, replace=False)
    sources = sources[rng.permutation(np.concatenate([filled, empty]))]

    garment = sources != composite.EMPTY
    classes = np.where(garment, np.asarray(labels)[np.maximum(sources, 0)], EMPTY_CLASS)
    if tile_answer == "sigmoid":
        targets = np.eye(NUM_CLASSES + 1, dtype=np.float32)[classes][:, :NUM_CLASSES]
    else:
        targets = classes.astype(np.int64)
    return TileDraw(sources, garment & flipped[np.maximum(sources, 0)], targets)


def cut(images: np.ndarray, drawn: TileDraw) -> np.ndarray:
    """The pixels of the drawn tiles: uint8 (n, 28, 28)."""
    tiles = images[np.maximum(drawn.sources, 0)]
    tiles[drawn.sources == composite.EMPTY] = 0
    tiles[drawn.mirrored] = tiles[drawn.mirrored, :, ::-1]
    return tiles


def tile_set(kind: str, images: np.ndarray, labels: np.ndarray, rng: np.random.Generator, garments: int,
             empty_fraction: float, flip: bool = False, tile_answer: str = "softmax") -> tuple[np.ndarray, np.ndarray]:
    """uint8 tiles (n, 28, 28) and their targets, as :func:`draw_tiles` draws them from ``images``."""
    drawn = draw_tiles(kind, labels, rng, garments, empty_fraction, flip, tile_answer)
    return cut(images, drawn), drawn.targets


def epoch_draw(config, labels: np.ndarray, epoch: int) -> TileDraw:
    """Epoch ``epoch``'s training tiles for a canvas model's ``config`` (a ``TrainConfig``), from
    composites drawn anew for it (seeded by the config's seed and the epoch)."""
    rng = np.random.default_rng([config.seed, epoch])
    return draw_tiles(config.kind, labels, rng, config.train_size, config.empty_fraction, config.flip,
                      config.tile_answer)


def run_draw(config, labels: np.ndarray) -> TileDraw:
    """Every epoch's tiles of a training run, epoch after epoch: 17 bytes a tile (49 with a sigmoid
    target row), not the 784 of its pixels."""
    drawn = [epoch_draw(config, labels, epoch) for epoch in range(config.epochs)]
    return TileDraw(np.concatenate([d.sources for d in drawn]), np.concatenate([d.mirrored for d in drawn]),
                    np.concatenate([d.targets for d in drawn]))


def epoch_tiles(config, images: np.ndarray, labels: np.ndarray, epoch: int) -> tuple[np.ndarray, np.ndarray]:
    """Epoch ``epoch``'s training tiles (uint8, (n, 28, 28)) and targets."""
    drawn = epoch_draw(config, labels, epoch)
    return cut(images, drawn), drawn.targets
