"""Training the models: the loop.

    result = train(PRESETS["single"]["quick"], load_data(), on_progress=print)
    result.model                      # the canvas model of the contract
    result.metadata()                 # what goes into the JSON beside the .keras file

The rest of training has a home of its own, and the names a caller needs are importable
from here too:

    fmnist.recipes      the knobs, TrainConfig and PRESETS
    fmnist.tiles        the tile networks' training tiles, drawn anew every epoch
    fmnist.canvases     the plain CNN's training canvases, drawn anew every epoch
    fmnist.progress     Progress reports, stop requests (Cancelled) and the Keras callbacks
    fmnist.evaluation   the test metrics
    fmnist.model_card   the JSON written beside the model

The tile networks (``arch="tiles"``) are trained through their shared tile network on every
epoch's fresh tiles (a quarter of the compute of whole canvases); the canvas model built around
the same weights is what gets evaluated and saved. The notebook's plain CNN (``arch="plain"``)
is trained on every epoch's fresh whole canvases, with the textbook's losses: categorical
cross-entropy on one-hot labels (single), binary cross-entropy on multi-hot labels (multi).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import canvases, composite, evaluation, model_card, progress, tiles
from .contract import KINDS
from .data import NUM_CLASSES, scale_255
from .model_card import machine
from .progress import Cancelled, Progress
from .recipes import FORMAT_VERSION, PRESETS, VALIDATION_SIZE, TrainConfig

__all__ = ["KINDS", "PRESETS", "FORMAT_VERSION", "VALIDATION_SIZE", "SPLIT_SEED", "TrainConfig", "Progress",
           "Cancelled", "TrainResult", "train", "split_train", "training_pool", "machine"]

SPLIT_SEED = 20240601  # which training images are held out (and the validation tiles drawn from them)


def split_train(y_train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the training pool and of the held-out validation images."""
    order = np.random.default_rng(SPLIT_SEED).permutation(len(y_train))
    return order[:-VALIDATION_SIZE], order[-VALIDATION_SIZE:]


def training_pool(y_train: np.ndarray, seed: int, train_size: int) -> np.ndarray:
    """Indices of the training images a run with ``seed`` and ``train_size`` learns from."""
    return np.random.default_rng(seed).permutation(split_train(y_train)[0])[:train_size]


@dataclass
class TrainResult:
    config: TrainConfig
    model: object  # keras.Model following the contract
    history: dict
    metrics: dict
    wall_time: float
    train_images_per_s: float
    threshold: float | None = None
    test_predictions: evaluation.TestPredictions | None = None  # stored beside the model (fmnist.answer_files)

    def metadata(self) -> dict:
        return model_card.describe(self)


def _compile(model, config: TrainConfig, steps: int):
    import keras

    if config.kind == "dense":
        optimizer = keras.optimizers.Adam(config.learning_rate)
    else:
        schedule = keras.optimizers.schedules.CosineDecay(config.learning_rate, decay_steps=max(steps, 1))
        optimizer = keras.optimizers.Adam(schedule)
    if config.answers_with_sigmoids:
        exact = keras.metrics.MeanMetricWrapper(evaluation.keras_exact_match, name="accuracy")
        model.compile(optimizer, "binary_crossentropy", metrics=[exact])
    elif config.arch == "plain":  # the textbook's recipe, on one-hot labels
        model.compile(optimizer, "categorical_crossentropy", metrics=["accuracy"])
    else:
        model.compile(optimizer, "sparse_categorical_crossentropy", metrics=["accuracy"])


def tile_batches(config: TrainConfig, images: np.ndarray, labels: np.ndarray, batch_size: int):
    """Every epoch's fresh tiles as one tf.data stream of batches, with the channel axis the tile
    network reads: batches run across epoch ends, and the last few tiles of the run rest.

    The run's tiles are kept as a :class:`~fmnist.tiles.TileDraw` (which garment, mirrored or
    not) and each batch is cut from the garments as it is needed (what :func:`fmnist.tiles.cut`
    does), so a run holds its garments once instead of every epoch's pixels: Keras given the
    pixels as one array would also copy them into a tensor of its own. The batch size is left
    unknown to the graph, as Keras leaves it for an array: the same kernels run, so a recipe
    trains to the very weights it always did (those of the shipped models).
    """
    import tensorflow as tf

    # a tensor made from an array holds twice its memory while it lives (measured: 2 x 43 MB for the
    # Full preset's garments); its tf.identity holds it once
    garments = tf.identity(tf.constant(images[..., None]))
    drawn = tiles.run_draw(config, labels)

    def cut(sources, mirrored, targets):
        batch = tf.gather(garments, tf.maximum(sources, 0))
        batch = tf.where(mirrored[:, None, None, None], tf.reverse(batch, axis=[2]), batch)
        return tf.where(sources[:, None, None, None] >= 0, batch, tf.zeros_like(batch)), targets

    stream = tf.data.Dataset.from_tensor_slices((drawn.sources, drawn.mirrored, drawn.targets))
    return stream.batch(batch_size).map(cut).prefetch(2)


def canvas_batches(config: TrainConfig, images: np.ndarray, labels: np.ndarray, batch_size: int):
    """Every epoch's fresh canvases (:func:`fmnist.canvases.run_draw`) as one tf.data stream of
    batches, composed from the garments batch by batch as :func:`fmnist.canvases.compose` would:
    uint8 canvases with a channel axis, and one-hot (single) or multi-hot (multi) float targets."""
    import tensorflow as tf

    from .models import CANVAS, TILE

    garments = tf.identity(tf.constant(images))  # held once (see tile_batches)
    drawn = canvases.run_draw(config, labels)
    targets = drawn.targets if config.kind == "multi" else np.eye(NUM_CLASSES, dtype=np.uint8)[drawn.targets]

    def compose(sources, mirrored, target):
        quadrants = tf.gather(garments, tf.maximum(sources, 0))  # (batch, 4, 28, 28)
        quadrants = tf.where(sources[:, :, None, None] >= 0, quadrants, tf.zeros_like(quadrants))
        grid = tf.transpose(tf.reshape(quadrants, (-1, 2, 2, TILE, TILE)), (0, 1, 3, 2, 4))  # rows, then columns
        canvas = tf.reshape(grid, (-1, CANVAS, CANVAS, 1))
        canvas = tf.where(mirrored[:, None, None, None], tf.reverse(canvas, axis=[2]), canvas)
        return canvas, tf.cast(target, tf.float32)

    stream = tf.data.Dataset.from_tensor_slices((drawn.sources, drawn.mirrored, targets))
    return stream.batch(batch_size).map(compose).prefetch(2)


def validation_canvases(kind: str, images: np.ndarray, labels: np.ndarray) -> composite.Composites:
    """The held-out canvases a canvas model is validated on, and multi's threshold chosen on."""
    rng = np.random.default_rng(SPLIT_SEED)
    if kind == "single":
        return composite.make_single_set(images, labels, rng)
    return composite.make_multi_set(images, labels, len(images), rng)


def _train_dense(config: TrainConfig, x_train, y_train, pool, held_out, callbacks):
    from . import models

    raw = config.normalise == "raw"
    model = models.build_dense(config.hidden, raw)
    _compile(model, config, math.ceil(len(pool) / config.batch_size) * config.epochs)
    model.fit(scale_255(x_train[pool]), y_train[pool], batch_size=config.batch_size, epochs=config.epochs,
              validation_data=(scale_255(x_train[held_out]), y_train[held_out]), callbacks=callbacks, verbose=0)
    trained = models.build_dense(config.hidden, raw)  # a fresh copy without the optimizer state, like the others
    trained.set_weights(model.get_weights())
    return trained, len(pool)


def _train_tiles(config: TrainConfig, x_train, y_train, pool, held_out, callbacks):
    import keras

    from . import models

    arch = dict(tile_answer=config.tile_answer, width=config.width, convs=config.convs, blocks=config.blocks)
    tile_net = models.tile_network_for(config.kind, **arch)
    val_x, val_y = tiles.tile_set(config.kind, x_train[held_out], y_train[held_out], np.random.default_rng(SPLIT_SEED),
                                  len(held_out), config.empty_fraction, tile_answer=config.tile_answer)
    epoch_size = tiles.tile_count(config.train_size, config.empty_fraction)
    batch_size = min(config.batch_size, epoch_size)
    per_epoch = epoch_size // batch_size
    # the trainer scales pixels to 0-1 on the way in, as callers of the model do
    trainer = keras.Sequential([keras.Input((models.TILE, models.TILE, 1), dtype="uint8"),
                                keras.layers.Rescaling(1 / 255), tile_net], name="tile_trainer")
    _compile(trainer, config, per_epoch * config.epochs)
    validate = progress.validation(val_x[..., None], val_y, config.tile_answer == "sigmoid")
    # one fit over every epoch's tiles, so that Keras keeps one input pipeline for the whole run
    trainer.fit(tile_batches(config, x_train[pool], y_train[pool], batch_size), epochs=config.epochs,
                steps_per_epoch=per_epoch, shuffle=False, callbacks=[validate, *callbacks], verbose=0)
    # The saved model is the canvas model around a fresh copy of the tile network: without the
    # optimizer state and the custom training metric, it loads anywhere and is a third the size.
    plain = models.tile_network_for(config.kind, **arch)
    plain.set_weights(tile_net.get_weights())
    return models.canvas_model(plain, config.kind, config.mirror_average), per_epoch * batch_size


def _train_plain(config: TrainConfig, x_train, y_train, pool, held_out, callbacks):
    import keras

    from . import models

    network = models.build_plain_canvas(config.kind)
    batch_size = min(config.batch_size, len(pool))
    per_epoch = len(pool) // batch_size
    # the trainer scales pixels to 0-1 on the way in, as callers of the model do
    trainer = keras.Sequential([keras.Input((models.CANVAS, models.CANVAS, 1), dtype="uint8"),
                                keras.layers.Rescaling(1 / 255), network], name="plain_trainer")
    _compile(trainer, config, per_epoch * config.epochs)
    held = validation_canvases(config.kind, x_train[held_out], y_train[held_out])
    validate = progress.validation(held.images[..., None], held.labels, config.kind == "multi")
    trainer.fit(canvas_batches(config, x_train[pool], y_train[pool], batch_size), epochs=config.epochs,
                steps_per_epoch=per_epoch, shuffle=False, callbacks=[validate, *callbacks], verbose=0)
    trained = models.build_plain_canvas(config.kind)  # without the optimizer state, as the other models
    trained.set_weights(network.get_weights())
    return trained, per_epoch * batch_size


def train(config: TrainConfig, dataset, on_progress: Callable[[Progress], None] | None = None,
          should_stop: Callable[[], bool] | None = None, eval_size: int | None = None) -> TrainResult:
    """Train one model from ``config`` on ``dataset`` (as returned by ``load_data``).

    ``on_progress`` receives a :class:`Progress` about twice a second and after each epoch;
    ``should_stop`` is polled after every batch and, once true, stops training after that batch
    and raises :class:`Cancelled` with the history of the finished epochs. ``eval_size``
    evaluates on fewer test images (tests).
    """
    import keras

    (x_train, y_train), _ = dataset
    keras.utils.set_random_seed(config.seed)
    held_out = split_train(y_train)[1]
    pool = training_pool(y_train, config.seed, config.train_size)
    history: dict = {}
    reporter = progress.reporter(config.epochs, on_progress, should_stop, history)
    start = time.perf_counter()
    fit = _train_dense if config.kind == "dense" else _train_plain if config.arch == "plain" else _train_tiles
    trained, images_per_epoch = fit(config, x_train, y_train, pool, held_out, [reporter])
    train_time = time.perf_counter() - start
    if should_stop is not None and should_stop():
        raise Cancelled(f"training of {config.kind} was cancelled", history)

    if on_progress is not None:
        on_progress(Progress(config.epochs, config.epochs, 1, 1, {}, history, train_time, 0.0, stage="evaluate"))
    threshold = None
    if config.kind == "multi":
        validation = validation_canvases("multi", x_train[held_out], y_train[held_out])
        threshold = evaluation.choose_threshold(evaluation.predict(trained, validation.images), validation.labels)
    predictions = evaluation.test_predictions(trained, config.kind, dataset, size=eval_size)
    metrics = evaluation.metrics_from(predictions, threshold)
    images_seen = images_per_epoch * len(history.get("loss", []))
    result = TrainResult(config, trained, history, metrics, time.perf_counter() - start,
                         images_seen / max(train_time, 1e-9), threshold, predictions)
    if on_progress is not None:
        on_progress(Progress(config.epochs, config.epochs, 1, 1, {}, history, result.wall_time, 0.0, stage="done"))
    return result
