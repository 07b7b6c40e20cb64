"""The plain CNN's training data: whole canvases, drawn anew every epoch.

    drawn = run_draw(config, labels)          # every epoch's canvases, without their pixels
    x = compose(images, drawn)                # uint8 (n, 56, 56) canvases, when the pixels are wanted

The notebook's plain CNN (``arch="plain"``) learns from whole 56x56 canvases, as seed 000
meant to train it: a single canvas holds one garment in a random quadrant (``expand_4times``),
a multi canvas 0-4 garments in distinct random quadrants with a multi-hot label
(``expand_4times2``). As with the tile network's tiles (``fmnist.tiles``), a canvas is kept as
*which* garment sits in each quadrant and whether the canvas is mirrored (:class:`CanvasDraw`,
under 50 bytes a canvas instead of its 3,136 pixels), and the trainer composes each batch's
pixels as it needs them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import composite


@dataclass(frozen=True)
class CanvasDraw:
    """Which canvases to train on, without their pixels: canvas i holds garment ``sources[i, q]``
    of the images drawn from in quadrant q (-1: empty), mirrored left-right where
    ``mirrored[i]``; ``targets[i]`` is its class id (single) or multi-hot row (multi)."""

    sources: np.ndarray  # (n, 4) int64
    mirrored: np.ndarray  # (n,) bool
    targets: np.ndarray  # (n,) int64 class ids, or (n, 10) uint8 multi-hot

    def __len__(self) -> int:
        return len(self.sources)


def draw_canvases(kind: str, labels: np.ndarray, rng: np.random.Generator, flip: bool = False) -> CanvasDraw:
    """One epoch's canvases of the garments ``labels`` describes, as many canvases as garments.

    single: every garment once, in a shuffled order, alone in a random quadrant of its canvas.
    multi: canvases of a uniformly random count of 0-4 garments drawn from all of them.
    With ``flip``, a random half of the canvases are mirrored left-right (garments and
    quadrants both: the label does not change).
    """
    labels = np.asarray(labels)
    count = len(labels)
    if kind == "single":
        order = rng.permutation(count)
        sources = composite.single_sources(count, rng)
        sources = np.where(sources == composite.EMPTY, composite.EMPTY, order[np.maximum(sources, 0)])
        targets = labels[order].astype(np.int64)
    elif kind == "multi":
        sources = composite.random_sources(count, count, rng)
        targets = composite.multi_hot(labels, sources)
    else:
        raise ValueError(f"canvases are for 'single' or 'multi', got {kind!r}")
    mirrored = rng.random(count) < 0.5 if flip else np.zeros(count, dtype=bool)
    return CanvasDraw(sources.astype(np.int64), mirrored, targets)


def compose(images: np.ndarray, drawn: CanvasDraw) -> np.ndarray:
    """The pixels of the drawn canvases: uint8 (n, 56, 56)."""
    canvases = composite.compose(images, drawn.sources)
    canvases[drawn.mirrored] = canvases[drawn.mirrored, :, ::-1]
    return canvases


def epoch_draw(config, labels: np.ndarray, epoch: int) -> CanvasDraw:
    """Epoch ``epoch``'s canvases for a plain model's ``config`` (a ``TrainConfig``), seeded by
    the config's seed and the epoch."""
    return draw_canvases(config.kind, labels, np.random.default_rng([config.seed, epoch]), config.flip)


def run_draw(config, labels: np.ndarray) -> CanvasDraw:
    """Every epoch's canvases of a training run, epoch after epoch."""
    drawn = [epoch_draw(config, labels, epoch) for epoch in range(config.epochs)]
    return CanvasDraw(*(np.concatenate([getattr(d, name) for d in drawn]) for name in ("sources", "mirrored", "targets")))
