"""The models of the studio, as Keras builders a student can read aloud.

Contract (DESIGN.md): inputs are pixels/255 as float32, outputs are probabilities.

============  ======================  ==========================================
name          input                   output
============  ======================  ==========================================
dense         (N, 28, 28)             (N, 10) softmax: the tutorial's model
single        (N, 56, 56, 1) canvas   (N, 10) softmax: the one garment on it
multi         (N, 56, 56, 1) canvas   (N, 10) independent probabilities (sigmoid):
                                      is each class somewhere on the canvas?
plain_single  as single               as single, from one plain CNN on the canvas
plain_multi   as multi                as multi, from one plain CNN on the canvas
============  ======================  ==========================================

A canvas is four 28x28 tiles. ``single`` and ``multi`` cut it into its tiles and
run one shared *tile network* on each, so the network that does the work only
ever sees 28x28 pictures (a quarter of the canvas's compute when training).
A tile holds at most one garment, so the tile network of both answers the same
question with 11 softmax probabilities (ten garments or "empty"); the two models
differ in the question they ask of the four answers:

* single: *which one garment is on the canvas?* The garment probabilities summed
  over the four tiles and renormalised: a softmax over the ten classes (they sum to 1).
* multi: *for each class, is it on the canvas?* A class is there if it is in any
  tile: p(c) = 1 - (1 - p_tile1(c)) ... (1 - p_tile4(c)), ten independent
  probabilities (they need not sum to 1), each compared with a threshold, as
  sigmoid outputs are.

A multi tile network with ten sigmoids trained with binary cross-entropy
(``tile_answer="sigmoid"``) is kept for comparison: for the same training budget
it is right on fewer tiles (see the README's figures).

The original notebook's own model is the other architecture (``arch="plain"``,
shipped as ``plain_single`` and ``plain_multi``): one plain CNN over the whole
56x56 canvas, which has to find out by itself that garments sit in quadrants.
It ends in the textbook's two answers: Dense(10) softmax trained with categorical
cross-entropy for one garment, ten sigmoids trained with binary cross-entropy for
up to four (:func:`build_plain_canvas`).

The custom layers below are registered with Keras, so the saved ``.keras``
files load with ``safe_mode=True`` (no Lambda layers, no pickled code).
"""

from __future__ import annotations

import keras
from keras import layers, ops

from .contract import ARCHS, CANVAS_KINDS, EMPTY_CLASS, KINDS, TILE_ANSWERS  # noqa: F401  (the contract's names, defined once)
from .data import IMAGE_SIZE as TILE
from .data import NUM_CLASSES

CANVAS = 2 * TILE


# --- The tutorial's model ----------------------------------------------------------------

def build_dense(hidden: int = 128, raw: bool = False) -> keras.Model:
    """Flatten - Dense(128, relu) - Dense(10, softmax): the TensorFlow tutorial's model.

    ``raw=True`` (the class challenge's "no normalisation"): a first layer multiplies the
    contract's x/255 input back to the stored 0-255, so the network trains and answers on raw
    pixels while every caller still gives it x/255."""
    return keras.Sequential([
        keras.Input(shape=(TILE, TILE)),
        *([layers.Rescaling(255.0, name="raw_pixels")] if raw else []),
        layers.Flatten(name="flatten"),
        layers.Dense(hidden, activation="relu", name="hidden"),
        layers.Dense(NUM_CLASSES, activation="softmax", name="answer"),
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
    """(N, 4, 11) tile softmaxes or (N, 4, 10) tile sigmoids -> (N, 10): probability that a
    class is in at least one tile (the "empty" answer, if any, is left out)."""

    def call(self, tile_probs):
        return 1.0 - ops.prod(1.0 - tile_probs[..., :NUM_CLASSES], axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], NUM_CLASSES)


@keras.saving.register_keras_serializable(package="fmnist")
class MirrorTiles(layers.Layer):
    """(N, 28, 28, 1) tiles -> the same tiles mirrored left-right (a garment seen in a mirror is
    the same garment: the tile networks are trained on both)."""

    def call(self, tiles):
        return ops.flip(tiles, axis=2)

    def compute_output_shape(self, input_shape):
        return input_shape


# --- The tile network --------------------------------------------------------------------

def conv_block(x, filters: int, convs: int, name: str):
    for conv in range(1, convs + 1):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"{name}_conv{conv}")(x)
        # short schedules: let the running statistics settle
        x = layers.BatchNormalization(momentum=0.9, name=f"{name}_norm{conv}")(x)
        x = layers.ReLU(name=f"{name}_relu{conv}")(x)
    return layers.MaxPooling2D(name=f"{name}_pool")(x)


def build_tile_network(outputs: int, activation: str, width: int = 32, convs: int = 1, blocks: int = 3,
                       dense: int = 128, dropout: float = 0.25, name: str = "tile_network") -> keras.Model:
    """A small VGG-style CNN for one 28x28 tile: conv blocks, a dense layer, the answer.

    Block b has ``width * 2**b`` filters and ``convs`` conv layers, then halves the image:
    28 -> 14 -> 7 -> 3 with the default three blocks.
    """
    tile = keras.Input(shape=(TILE, TILE, 1), name="tile")
    x = tile
    for block in range(blocks):
        x = conv_block(x, width * 2 ** block, convs, name=f"block{block + 1}")
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dropout(dropout, name="dropout1")(x)
    x = layers.Dense(dense, activation="relu", name="features")(x)
    x = layers.Dropout(dropout, name="dropout2")(x)
    answer = layers.Dense(outputs, activation=activation, name="answer")(x)
    return keras.Model(tile, answer, name=name)


def tile_network_for(kind: str, tile_answer: str = "softmax", **arch) -> keras.Model:
    """An 11-way softmax (ten garments or empty) for single and, by default, for multi;
    ten sigmoids (each class: in this tile or not) for multi with ``tile_answer="sigmoid"``."""
    if kind not in CANVAS_KINDS:
        raise ValueError(f"no tile network for {kind!r}")
    if tile_answer not in TILE_ANSWERS or (kind == "single" and tile_answer != "softmax"):
        raise ValueError(f"a {kind} tile network cannot answer with {tile_answer!r}")
    if tile_answer == "sigmoid":
        return build_tile_network(NUM_CLASSES, "sigmoid", **arch)
    return build_tile_network(NUM_CLASSES + 1, "softmax", **arch)


def _answer_tiles(tile_network: keras.Model, tiles, mirror_average: bool):
    """``tile_network``'s answers for ``tiles``; with ``mirror_average``, averaged with its answers
    for the same tiles mirrored left-right."""
    answers = tile_network(tiles)
    if not mirror_average:
        return answers
    mirrored = tile_network(MirrorTiles(name="mirror_tiles")(tiles))
    return layers.Average(name="mirror_average")([answers, mirrored])


def canvas_model(tile_network: keras.Model, kind: str, mirror_average: bool = False) -> keras.Model:
    """The whole-canvas model of the contract, sharing ``tile_network``'s weights. With
    ``mirror_average``, each tile is answered as it is and mirrored left-right, and the two
    answers are averaged before the tiles' answers are combined (test-time averaging, inside
    the saved model: twice the compute of an answer)."""
    canvas = keras.Input(shape=(CANVAS, CANVAS, 1), name="canvas")
    tiles = CanvasToTiles(name="canvas_to_tiles")(canvas)
    answers = _answer_tiles(tile_network, tiles, mirror_average)
    per_tile = TilesToCanvas(name="tiles_to_canvas")(answers)
    answer = OneGarment(name="one_garment")(per_tile) if kind == "single" else AnyTile(name="any_tile")(per_tile)
    return keras.Model(canvas, answer, name=kind)


def tile_network_of(model: keras.Model) -> keras.Model | None:
    """The shared tile network inside a canvas model (to show per-tile answers); None for a
    model without one (the plain CNN, the dense model)."""
    return next((layer for layer in model.layers if isinstance(layer, keras.Model)), None)


def mirror_averages(model: keras.Model) -> bool:
    """Whether a canvas model averages every tile's answer with its mirror image's."""
    return any(isinstance(layer, MirrorTiles) for layer in model.layers)


def tile_answers_of(model: keras.Model) -> keras.Model | None:
    """What a canvas model answers for one tile, (N, 28, 28, 1) -> its per-tile probabilities:
    the shared tile network, averaged with its answer for the mirrored tile when the canvas
    model does so (the per-quadrant answers then add up to the canvas model's). None for a
    model without a tile network."""
    network = tile_network_of(model)
    if network is None or not mirror_averages(model):
        return network
    tile = keras.Input(shape=(TILE, TILE, 1), name="tile")
    return keras.Model(tile, _answer_tiles(network, tile, mirror_average=True), name="tile_answers")


# --- The notebook's plain CNN on the whole canvas -------------------------------------------

def build_plain_canvas(kind: str, dropout: float = 0.25) -> keras.Model:
    """Seed 000's "모델링" finished: one CNN over the whole 56x56 canvas, built from the layers
    the notebook imports (Input, Conv2D, MaxPool2D, Dropout, Dense, Flatten).

    Three conv blocks, 16, 32 and 64 filters, each halving the canvas: 56 -> 28 -> 14 -> 7;
    then Dense(128) and the answer. ``single``: Dense(10, softmax), trained with categorical
    cross-entropy. ``multi``: Dense(10, sigmoid), ten independent yes/no answers trained with
    binary cross-entropy on the multi-hot label.
    """
    if kind not in CANVAS_KINDS:
        raise ValueError(f"the plain CNN reads canvases: kind must be one of {CANVAS_KINDS}, got {kind!r}")
    activation = "softmax" if kind == "single" else "sigmoid"
    return keras.Sequential([
        keras.Input(shape=(CANVAS, CANVAS, 1), name="canvas"),
        layers.Conv2D(filters=16, kernel_size=3, padding="same", activation="relu", name="conv1"),
        layers.MaxPool2D(name="pool1"),  # 28x28
        layers.Conv2D(filters=32, kernel_size=3, padding="same", activation="relu", name="conv2"),
        layers.MaxPool2D(name="pool2"),  # 14x14
        layers.Conv2D(filters=64, kernel_size=3, padding="same", activation="relu", name="conv3"),
        layers.MaxPool2D(name="pool3"),  # 7x7
        layers.Flatten(name="flatten"),
        layers.Dropout(dropout, name="dropout1"),
        layers.Dense(128, activation="relu", name="features"),
        layers.Dropout(dropout, name="dropout2"),
        layers.Dense(NUM_CLASSES, activation=activation, name="answer"),
    ], name=f"plain_{kind}")
