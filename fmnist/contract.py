"""The names of the model contract (the table in ``fmnist.models``), without Keras.

``fmnist.models`` imports Keras the moment it is imported; the registry, the recipes, the
job manager and the command line only need to *name* the models, and importing them must
not load TensorFlow (two seconds and half a gigabyte). So the names live here, once, and
``fmnist.models`` uses them too.
"""

from __future__ import annotations

from .data import NUM_CLASSES

KINDS = ("dense", "single", "multi")  # the three models, in the order the app lists them
CANVAS_KINDS = ("single", "multi")  # the models that read a 56x56 canvas through a tile network
TILE_ANSWERS = ("softmax", "sigmoid")  # what a tile network answers: ten garments or empty; ten yes/no
EMPTY_CLASS = NUM_CLASSES  # the 11th answer of a softmax tile network: no garment in this tile
