"""Training the three models: recipes, presets, progress (the metrics are in ``fmnist.evaluation``).

    result = train(PRESETS["single"]["quick"], load_data(), on_progress=print)
    result.model                      # the canvas model of the contract
    result.metadata()                 # what goes into the JSON beside the .keras file

The canvas models are trained through their shared tile network: every epoch
draws fresh composites (``fmnist.composite``), cuts them into their quadrants,
and trains on the garment tiles plus a share of the empty ones, with the label of
each tile known from where the garment was placed. Training on tiles costs a
quarter of training on whole canvases, and the canvas model built from the same
weights is what gets evaluated and saved.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import platform
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import numpy as np

from . import composite, evaluation
from .data import NUM_CLASSES, scale_255
from .evaluation import EVAL_SEED

KINDS = ("dense", "single", "multi")
FORMAT_VERSION = 1
VALIDATION_SIZE = 5000  # held out from the training split, the same for every config
SPLIT_SEED = 20240601  # which training images are held out
EMPTY = NUM_CLASSES


class Cancelled(Exception):
    """Training was stopped by ``should_stop``."""


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a trained model; its :meth:`key` names it in the registry."""

    kind: str
    epochs: int = 5
    batch_size: int = 256
    learning_rate: float = 2e-3
    train_size: int = 55000  # garments drawn from the training split (at most 55,000)
    seed: int = 0  # data order, composites and initial weights
    width: int = 32  # tile network: filters of the first conv block
    convs: int = 1  # tile network: conv layers per block
    blocks: int = 3  # tile network: conv blocks (each halves the image)
    empty_fraction: float = 0.1  # tile network: empty tiles per garment tile
    flip: bool = True  # tile network: mirror half the training garments left-right each epoch
    tile_answer: str = "softmax"  # multi's tile network: "softmax" (ten garments or empty) or "sigmoid"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        if not 1 <= self.train_size <= 60000 - VALIDATION_SIZE:
            raise ValueError(f"train_size must be 1-{60000 - VALIDATION_SIZE}, got {self.train_size}")
        if self.epochs < 1 or self.batch_size < 1 or self.learning_rate <= 0:
            raise ValueError("epochs, batch_size and learning_rate must be positive")
        if self.tile_answer not in ("softmax", "sigmoid") or (self.kind != "multi" and self.tile_answer != "softmax"):
            raise ValueError(f"tile_answer must be 'softmax' (or 'sigmoid' for multi), got {self.tile_answer!r}")

    def relevant(self) -> dict:
        """The fields that matter for this kind (the tile-network knobs mean nothing to dense)."""
        values = dataclasses.asdict(self)
        if self.kind == "dense":
            for name in ("width", "convs", "blocks", "empty_fraction", "flip"):
                values.pop(name)
        if self.kind != "multi":
            values.pop("tile_answer")
        return values

    def key(self) -> str:
        text = json.dumps({"format": FORMAT_VERSION, **self.relevant()}, sort_keys=True)
        return f"{self.kind}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"

    @classmethod
    def from_dict(cls, values: dict) -> "TrainConfig":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})


#: The shipped models are the "full" presets; "quick" trains in under a minute on 2 cores.
PRESETS = {
    "dense": {
        "quick": TrainConfig("dense", epochs=1, batch_size=32, learning_rate=1e-3),
        "full": TrainConfig("dense", epochs=5, batch_size=32, learning_rate=1e-3),
    },
    "single": {
        "quick": TrainConfig("single", epochs=2, train_size=25000, width=16, blocks=2, batch_size=128),
        "full": TrainConfig("single", epochs=12, width=32, empty_fraction=0.05),
    },
    "multi": {
        "quick": TrainConfig("multi", epochs=2, train_size=25000, width=16, blocks=2, batch_size=128),
        "full": TrainConfig("multi", epochs=12, width=32, empty_fraction=0.05),
    },
}


# --- Data ------------------------------------------------------------------------------------

def split_train(y_train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the training pool and of the held-out validation images."""
    order = np.random.default_rng(SPLIT_SEED).permutation(len(y_train))
    return order[:-VALIDATION_SIZE], order[-VALIDATION_SIZE:]


def tile_set(kind: str, images: np.ndarray, labels: np.ndarray, rng: np.random.Generator,
             garments: int, empty_fraction: float, flip: bool = False,
             tile_answer: str = "softmax") -> tuple[np.ndarray, np.ndarray]:
    """Tiles cut from fresh composites (single or multi): ``garments`` garment tiles and a
    share of empty ones.

    Returns uint8 tiles (n, 28, 28) and targets: class ids (10 = empty), or for
    ``tile_answer="sigmoid"`` (n, 10) one-hot rows (all zero when empty). With ``flip``, a
    random half of the garments are mirrored left-right (a mirrored sneaker is still a sneaker).
    """
    if flip:
        mirrored = rng.random(len(images)) < 0.5
        images = images.copy()
        images[mirrored] = images[mirrored, :, ::-1]
    if kind == "single":
        pool = rng.choice(len(images), size=garments, replace=garments > len(images))
        canvases = composite.make_single_set(images[pool], labels[pool], rng)
    else:
        canvases = composite.make_multi_set(images, labels, math.ceil(0.6 * garments) + 8, rng)
    tiles = composite.tiles(canvases.images).reshape(-1, composite.IMAGE_SIZE, composite.IMAGE_SIZE)
    sources = canvases.sources.reshape(-1)
    filled = np.flatnonzero(sources != composite.EMPTY)[:garments]
    empty = np.flatnonzero(sources == composite.EMPTY)
    empty = rng.choice(empty, size=min(len(empty), round(empty_fraction * garments)), replace=False)
    chosen = rng.permutation(np.concatenate([filled, empty]))
    source_of = sources[chosen]
    classes = np.where(source_of == composite.EMPTY, EMPTY,
                       (labels if kind == "multi" else labels[pool])[np.maximum(source_of, 0)])
    if tile_answer == "sigmoid":
        return tiles[chosen], np.eye(NUM_CLASSES + 1, dtype=np.float32)[classes][:, :NUM_CLASSES]
    return tiles[chosen], classes.astype(np.int64)


def epoch_tiles(kind: str, images: np.ndarray, labels: np.ndarray, config: "TrainConfig",
                epoch: int) -> tuple[np.ndarray, np.ndarray]:
    """Epoch ``epoch``'s training tiles (uint8, (n, 28, 28)) and targets, from composites drawn
    anew for it (seeded by the config's seed and the epoch)."""
    rng = np.random.default_rng([config.seed, epoch])
    return tile_set(kind, images, labels, rng, config.train_size, config.empty_fraction, config.flip,
                    config.tile_answer)


def _validation_callback(x: np.ndarray, y: np.ndarray, sigmoid: bool, batch_size: int = 1024):
    """Adds val_loss and val_accuracy to each epoch's logs, calling the model on arrays directly:
    Keras's own ``validation_data`` builds and tears down a tf.data iterator every epoch, and that
    teardown sometimes stalled training for half a minute here."""
    import keras

    class Validation(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            probs = np.concatenate([np.asarray(self.model.predict_on_batch(x[i:i + batch_size]))
                                    for i in range(0, len(x), batch_size)])
            if sigmoid:  # right when all ten decisions are
                loss = evaluation.binary_cross_entropy(probs, y)
                accuracy = evaluation.exact_match(probs >= 0.5, y)
            else:  # right when the top answer is
                loss = evaluation.cross_entropy(probs, y)
                accuracy = evaluation.accuracy(probs, y)
            if logs is not None:
                logs.update(val_loss=float(loss), val_accuracy=float(accuracy))

    return Validation()


# --- Progress --------------------------------------------------------------------------------

@dataclass
class Progress:
    """What a training run reports: where it is, its curves so far, and time left."""

    epoch: int  # 1-based epoch in progress
    epochs: int
    batch: int  # batches done in this epoch
    batches: int
    logs: dict
    history: dict = field(default_factory=dict)  # per finished epoch: loss, accuracy, val_loss, val_accuracy
    elapsed: float = 0.0
    eta: float | None = None
    stage: str = "train"  # "prepare", "train", "evaluate", "done"

    @property
    def fraction(self) -> float:
        if self.stage == "done":
            return 1.0
        return min(1.0, ((self.epoch - 1) + self.batch / max(self.batches, 1)) / self.epochs)


def _progress_callback(epochs: int, on_progress, should_stop, history: dict, every: float = 0.5):
    import keras

    class Reporter(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.start = time.perf_counter()
            self.last = 0.0
            self.epoch = 1

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch + 1

        def _report(self, batch, logs):
            elapsed = time.perf_counter() - self.start
            batches = self.params.get("steps") or 1
            done = (self.epoch - 1) + batch / batches
            eta = elapsed / done * (epochs - done) if done > 0 else None
            on_progress(Progress(self.epoch, epochs, batch, batches, dict(logs or {}),
                                 {k: list(v) for k, v in history.items()}, elapsed, eta))

        def on_train_batch_end(self, batch, logs=None):
            if should_stop is not None and should_stop():
                self.model.stop_training = True
            if on_progress is not None and time.perf_counter() - self.last >= every:
                self.last = time.perf_counter()
                self._report(batch + 1, logs)

        def on_epoch_end(self, epoch, logs=None):
            for name, value in (logs or {}).items():
                if name in ("loss", "accuracy", "val_loss", "val_accuracy"):
                    history.setdefault(name, []).append(float(value))
            if on_progress is not None:
                self._report(self.params.get("steps") or 1, logs)

    return Reporter()


# --- Training --------------------------------------------------------------------------------

@dataclass
class TrainResult:
    config: TrainConfig
    model: object  # keras.Model following the contract
    history: dict
    metrics: dict
    wall_time: float
    train_images_per_s: float
    threshold: float | None = None

    def metadata(self) -> dict:
        import keras

        meta = {
            "name": self.config.kind,
            "format": FORMAT_VERSION,
            "key": self.config.key(),
            "config": self.config.relevant(),
            "data_seed": self.config.seed,
            "eval_seed": EVAL_SEED,
            "epochs": len(self.history.get("loss", [])),
            "wall_time_s": round(self.wall_time, 1),
            "train_images_per_s": round(self.train_images_per_s, 1),
            "params": int(self.model.count_params()),
            "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": machine(),
            "versions": {"keras": keras.__version__, "backend": keras.backend.backend()},
            "history": self.history,
            "test": self.metrics,
        }
        if self.threshold is not None:
            meta["threshold"] = self.threshold
        return meta


def machine() -> dict:
    return {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()}


def _compile(model, kind: str, config: TrainConfig, steps: int):
    import keras

    if kind == "dense":
        optimizer = keras.optimizers.Adam(config.learning_rate)
    else:
        schedule = keras.optimizers.schedules.CosineDecay(config.learning_rate, decay_steps=max(steps, 1))
        optimizer = keras.optimizers.Adam(schedule)
    if config.tile_answer == "sigmoid":
        exact = keras.metrics.MeanMetricWrapper(evaluation.keras_exact_match, name="accuracy")
        model.compile(optimizer, "binary_crossentropy", metrics=[exact])
    else:
        model.compile(optimizer, "sparse_categorical_crossentropy", metrics=["accuracy"])


def train(config: TrainConfig, dataset, on_progress: Callable[[Progress], None] | None = None,
          should_stop: Callable[[], bool] | None = None, eval_size: int | None = None) -> TrainResult:
    """Train one model from ``config`` on ``dataset`` (as returned by ``load_data``).

    ``on_progress`` receives a :class:`Progress` about twice a second and after each epoch;
    ``should_stop`` is polled after every batch and, once true, ends training with
    :class:`Cancelled`. ``eval_size`` evaluates on fewer test images (tests).
    """
    import keras

    from . import models

    (x_train, y_train), (x_test, y_test) = dataset
    keras.utils.set_random_seed(config.seed)
    pool, held_out = split_train(y_train)
    pool = np.random.default_rng(config.seed).permutation(pool)[:config.train_size]
    history: dict = {}
    reporter = _progress_callback(config.epochs, on_progress, should_stop, history)
    start = time.perf_counter()

    if config.kind == "dense":
        model = models.build_dense()
        steps = math.ceil(len(pool) / config.batch_size) * config.epochs
        _compile(model, "dense", config, steps)
        model.fit(scale_255(x_train[pool]), y_train[pool], batch_size=config.batch_size, epochs=config.epochs,
                  validation_data=(scale_255(x_train[held_out]), y_train[held_out]),
                  callbacks=[reporter], verbose=0)
        trained = models.build_dense()  # a fresh copy without the optimizer state, like the canvas models
        trained.set_weights(model.get_weights())
        images_seen = len(pool) * len(history.get("loss", []))
    else:
        arch = dict(tile_answer=config.tile_answer, width=config.width, convs=config.convs, blocks=config.blocks)
        tile_net = models.tile_network_for(config.kind, **arch)
        val_x, val_y = tile_set(config.kind, x_train[held_out], y_train[held_out],
                                np.random.default_rng(SPLIT_SEED), len(held_out), config.empty_fraction,
                                tile_answer=config.tile_answer)
        # Every epoch's fresh tiles, drawn up front as uint8 (784 bytes a tile: 0.5 GB for the Full
        # preset's 12 epochs) and fed through one fit, so that Keras keeps one input pipeline for the
        # whole run; the trainer scales pixels to 0-1 on the way in, as callers of the model do.
        drawn = [epoch_tiles(config.kind, x_train[pool], y_train[pool], config, epoch)
                 for epoch in range(config.epochs)]
        batch_size = min(config.batch_size, len(drawn[0][0]))
        # whole batches from one stream of all epochs: batches run across epoch ends, and the last
        # few tiles of the run rest
        per_epoch = len(drawn[0][0]) // batch_size
        x, y = np.concatenate([x for x, _ in drawn])[..., None], np.concatenate([y for _, y in drawn])
        del drawn
        trainer = keras.Sequential([keras.Input((models.TILE, models.TILE, 1), dtype="uint8"),
                                    keras.layers.Rescaling(1 / 255), tile_net], name="tile_trainer")
        _compile(trainer, config.kind, config, per_epoch * config.epochs)
        validate = _validation_callback(val_x[..., None], val_y, config.tile_answer == "sigmoid")
        trainer.fit(x, y, batch_size=batch_size, epochs=config.epochs, steps_per_epoch=per_epoch,
                    shuffle=False, callbacks=[validate, reporter], verbose=0)
        del x, y
        images_seen = per_epoch * batch_size * len(history.get("loss", []))
        # The saved model is the canvas model around a fresh copy of the tile network: without the
        # optimizer state and the custom training metric, it loads anywhere and is a third the size.
        plain = models.tile_network_for(config.kind, **arch)
        plain.set_weights(tile_net.get_weights())
        trained = models.canvas_model(plain, config.kind)
    train_time = time.perf_counter() - start
    if should_stop is not None and should_stop():
        raise Cancelled(f"training of {config.kind} was cancelled")

    if on_progress is not None:
        on_progress(Progress(config.epochs, config.epochs, 1, 1, {}, history, train_time, 0.0, stage="evaluate"))
    threshold = None
    if config.kind == "multi":
        validation = composite.make_multi_set(x_train[held_out], y_train[held_out], len(held_out),
                                              np.random.default_rng(SPLIT_SEED))
        threshold = evaluation.choose_threshold(evaluation.predict(trained, validation.images), validation.labels)
    metrics = evaluation.evaluate(trained, config.kind, dataset, threshold=threshold, size=eval_size)
    result = TrainResult(config, trained, history, metrics, time.perf_counter() - start,
                         images_seen / max(train_time, 1e-9), threshold)
    if on_progress is not None:
        on_progress(Progress(config.epochs, config.epochs, 1, 1, {}, history, result.wall_time, 0.0, stage="done"))
    return result
