"""The names of the model contract (the table in ``fmnist.models``), without Keras.

``fmnist.models`` imports Keras the moment it is imported; the registry, the recipes, the
job manager and the command line only need to *name* the models, and importing them must
not load TensorFlow (two seconds and half a gigabyte). So the names live here, once, and
``fmnist.models`` uses them too.
"""

from __future__ import annotations

from .data import NUM_CLASSES

KINDS = ("dense", "single", "multi")  # the three models, in the order the app lists them
CANVAS_KINDS = ("single", "multi")  # the models that read a 56x56 canvas
ARCHS = ("tiles", "plain")  # how a canvas model reads it: a tile network per quadrant, or one CNN over it all
DEFAULT_ARCH = "tiles"  # the studio's: every model stored before the choice existed is one
TILE_ANSWERS = ("softmax", "sigmoid")  # what a tile network answers: ten garments or empty; ten yes/no
EMPTY_CLASS = NUM_CLASSES  # the 11th answer of a softmax tile network: no garment in this tile


def file_stem(kind: str, arch: str = DEFAULT_ARCH) -> str:
    """The name of a shipped model's files: ``single`` for the tile network, ``plain_single``
    for the notebook's plain CNN on the whole canvas (``models/plain_single.keras``)."""
    if kind not in KINDS or arch not in ARCHS or (arch != DEFAULT_ARCH and kind not in CANVAS_KINDS):
        raise ValueError(f"no {arch} model of kind {kind!r}")
    return kind if arch == DEFAULT_ARCH else f"{arch}_{kind}"


SHIPPED_NAMES = tuple(file_stem(kind) for kind in KINDS) + tuple(file_stem(kind, "plain") for kind in CANVAS_KINDS)


def kind_and_arch(stem: str) -> tuple[str, str]:
    """The inverse of :func:`file_stem`: ``"plain_multi"`` -> ``("multi", "plain")``."""
    if stem not in SHIPPED_NAMES:
        raise ValueError(f"no model is named {stem!r}; choose from {', '.join(SHIPPED_NAMES)}")
    arch, _, kind = stem.rpartition("_")
    return kind, arch or DEFAULT_ARCH
