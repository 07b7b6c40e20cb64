"""The three models of the studio, as Keras builders a student can read aloud.

Contract (DESIGN.md): inputs are pixels/255 as float32, outputs are probabilities.

=========  ======================  ==========================================
name       input                   output
=========  ======================  ==========================================
dense      (N, 28, 28)             (N, 10) softmax: the tutorial's model
single     (N, 56, 56, 1) canvas   (N, 10) softmax: the one garment on it
multi      (N, 56, 56, 1) canvas   (N, 10) independent probabilities (sigmoid):
                                   is each class somewhere on the canvas?
=========  ======================  ==========================================

A canvas is four 28x28 tiles. ``single`` and ``multi`` cut it into its tiles and
run one shared *tile network* on each, so the network that does the work only
ever sees 28x28 pictures (a quarter of the canvas's compute when training):

* single's tile network answers with 11 softmax probabilities (ten garments or
  "empty"); the canvas answer is the garment probabilities summed over the four
  tiles and renormalised, a softmax over the ten classes.
* multi's tile network answers with 10 sigmoids (each class: in this tile or
  not); a class is on the canvas if it is in any tile:
  p(c) = 1 - (1 - p_tile1(c)) ... (1 - p_tile4(c)).

The custom layers below are registered with Keras, so the saved ``.keras``
files load with ``safe_mode=True`` (no Lambda layers, no pickled code).
"""

from __future__ import annotations

import keras
from keras import layers, ops

NUM_CLASSES = 10
TILE = 28
CANVAS = 56
EMPTY_CLASS = NUM_CLASSES  # the 11th output of single's tile network
KINDS = ("dense", "single", "multi")


# --- The tutorial's model ----------------------------------------------------------------

def build_dense(hidden: int = 128) -> keras.Model:
    """Flatten - Dense(128, relu) - Dense(10, softmax): the TensorFlow tutorial's model."""
    return keras.Sequential([
        keras.Input(shape=(TILE, TILE)),
        layers.Flatten(),
        layers.Dense(hidden, activation="relu"),
        layers.Dense(NUM_CLASSES, activation="softmax"),
    ], name="dense")


# --- Canvas plumbing ---------------------------------------------------------------------

@keras.saving.register_keras_serializable(package="fmnist")
class CanvasToTiles(layers.Layer):
    """(N, 56, 56, 1) canvases -> (N*4, 28, 28, 1) tiles, in quadrant order 0, 1, 2, 3."""

    def call(self, canvas):
        grid = ops.reshape(canvas, (-1, 2, TILE, 2, TILE, 1))
        grid = ops.transpose(grid, (0, 1, 3, 2, 4, 5))
        return ops.reshape(grid, (-1, TILE, TILE, 1))

    def compute_output_shape(self, input_shape):
        batch = None if input_shape[0] is None else input_shape[0] * 4
        return (batch, TILE, TILE, 1)


@keras.saving.register_keras_serializable(package="fmnist")
class TilesToCanvas(layers.Layer):
    """(N*4, K) per-tile answers -> (N, 4, K)."""

    def call(self, answers):
        return ops.reshape(answers, (-1, 4, ops.shape(answers)[-1]))

    def compute_output_shape(self, input_shape):
        batch = None if input_shape[0] is None else input_shape[0] // 4
        return (batch, 4, input_shape[-1])


@keras.saving.register_keras_serializable(package="fmnist")
class OneGarment(layers.Layer):
    """(N, 4, 11) tile softmaxes -> (N, 10): garment probabilities summed over tiles, renormalised."""

    def call(self, tile_probs):
        garments = ops.sum(tile_probs[..., :NUM_CLASSES], axis=1)
        return garments / ops.maximum(ops.sum(garments, axis=-1, keepdims=True), 1e-7)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], NUM_CLASSES)


@keras.saving.register_keras_serializable(package="fmnist")
class AnyTile(layers.Layer):
    """(N, 4, 10) tile sigmoids -> (N, 10): probability that a class is in at least one tile."""

    def call(self, tile_probs):
        return 1.0 - ops.prod(1.0 - tile_probs, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[-1])


# --- The tile network --------------------------------------------------------------------

def conv_block(x, filters: int, convs: int):
    for _ in range(convs):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization(momentum=0.9)(x)  # short schedules: let the running statistics settle
        x = layers.ReLU()(x)
    return layers.MaxPooling2D()(x)


def build_tile_network(outputs: int, activation: str, width: int = 32, convs: int = 1, blocks: int = 3,
                       dense: int = 128, dropout: float = 0.25, name: str = "tile_network") -> keras.Model:
    """A small VGG-style CNN for one 28x28 tile: conv blocks, a dense layer, the answer.

    Block b has ``width * 2**b`` filters and ``convs`` conv layers, then halves the image:
    28 -> 14 -> 7 -> 3 with the default three blocks.
    """
    tile = keras.Input(shape=(TILE, TILE, 1))
    x = tile
    for block in range(blocks):
        x = conv_block(x, width * 2 ** block, convs)
    x = layers.Flatten()(x)
    x = layers.Dropout(dropout)(x)
    x = layers.Dense(dense, activation="relu")(x)
    x = layers.Dropout(dropout)(x)
    answer = layers.Dense(outputs, activation=activation)(x)
    return keras.Model(tile, answer, name=name)


def tile_network_for(kind: str, **arch) -> keras.Model:
    """single: 11-way softmax (ten garments or empty); multi: 10 sigmoids."""
    if kind == "single":
        return build_tile_network(NUM_CLASSES + 1, "softmax", **arch)
    if kind == "multi":
        return build_tile_network(NUM_CLASSES, "sigmoid", **arch)
    raise ValueError(f"no tile network for {kind!r}")


def canvas_model(tile_network: keras.Model, kind: str) -> keras.Model:
    """The whole-canvas model of the contract, sharing ``tile_network``'s weights."""
    canvas = keras.Input(shape=(CANVAS, CANVAS, 1))
    tiles = CanvasToTiles()(canvas)
    per_tile = TilesToCanvas()(tile_network(tiles))
    answer = OneGarment()(per_tile) if kind == "single" else AnyTile()(per_tile)
    return keras.Model(canvas, answer, name=kind)


def tile_network_of(model: keras.Model) -> keras.Model:
    """The shared tile network inside a canvas model (to show per-tile answers)."""
    return next(layer for layer in model.layers if isinstance(layer, keras.Model))
