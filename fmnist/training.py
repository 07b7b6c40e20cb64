"""Training and evaluating the three models: recipes, presets, progress, metrics.

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

from . import composite
from .data import NUM_CLASSES, scale_255

KINDS = ("dense", "single", "multi")
FORMAT_VERSION = 1
VALIDATION_SIZE = 5000  # held out from the training split, the same for every config
SPLIT_SEED = 20240601  # which training images are held out
EVAL_SEED = 20241122  # the test composites every model is evaluated on
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
            probs = np.clip(probs, 1e-7, 1 - 1e-7)
            if sigmoid:  # binary cross-entropy; right when all ten decisions are
                loss = -np.mean(y * np.log(probs) + (1 - y) * np.log(1 - probs))
                accuracy = np.mean(np.all((probs > 0.5) == (y > 0.5), axis=1))
            else:  # sparse categorical cross-entropy; right when the top answer is
                loss = -np.mean(np.log(probs[np.arange(len(y)), y]))
                accuracy = np.mean(probs.argmax(axis=1) == y)
            if logs is not None:
                logs.update(val_loss=float(loss), val_accuracy=float(accuracy))

    return Validation()


def test_composites(kind: str, x_test: np.ndarray, y_test: np.ndarray, size: int | None = None):
    """The fixed test canvases every canvas model is evaluated on (seeded by EVAL_SEED)."""
    rng = np.random.default_rng(EVAL_SEED)
    if kind == "single":
        count = len(x_test) if size is None else size
        return composite.make_single_set(x_test[:count], y_test[:count], rng)
    return composite.make_multi_set(x_test, y_test, len(x_test) if size is None else size, rng)


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
        exact = keras.metrics.MeanMetricWrapper(tile_exact_match, name="accuracy")
        model.compile(optimizer, "binary_crossentropy", metrics=[exact])
    else:
        model.compile(optimizer, "sparse_categorical_crossentropy", metrics=["accuracy"])


def tile_exact_match(y_true, y_pred):
    """Share of tiles whose ten sigmoid decisions (at 0.5) are all right."""
    from keras import ops

    decided = ops.cast(y_pred > 0.5, y_true.dtype)
    return ops.mean(ops.cast(ops.all(ops.equal(decided, y_true), axis=-1), "float32"))


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
        threshold = choose_threshold(predict_canvases(trained, validation.images), validation.labels)
    metrics = evaluate(trained, config.kind, dataset, threshold=threshold, size=eval_size)
    result = TrainResult(config, trained, history, metrics, time.perf_counter() - start,
                         images_seen / max(train_time, 1e-9), threshold)
    if on_progress is not None:
        on_progress(Progress(config.epochs, config.epochs, 1, 1, {}, history, result.wall_time, 0.0, stage="done"))
    return result


# --- Evaluation ------------------------------------------------------------------------------

def predict_canvases(model, canvases: np.ndarray, batch_size: int = 500) -> np.ndarray:
    """Probabilities for uint8 (n, 56, 56) canvases."""
    return model.predict(scale_255(canvases)[..., None], batch_size=batch_size, verbose=0)


def multi_label_scores(probs: np.ndarray, truth: np.ndarray, threshold: float) -> dict:
    """Exact-match and micro-F1 of thresholded multi-label answers."""
    decided = probs >= threshold
    truth = truth.astype(bool)
    tp = np.sum(decided & truth)
    fp = np.sum(decided & ~truth)
    fn = np.sum(~decided & truth)
    return {
        "exact_match": float(np.mean(np.all(decided == truth, axis=1))),
        "micro_f1": float(2 * tp / max(2 * tp + fp + fn, 1)),
        "precision": float(tp / max(tp + fp, 1)),
        "recall": float(tp / max(tp + fn, 1)),
    }


def choose_threshold(probs: np.ndarray, truth: np.ndarray) -> float:
    """The decision threshold (0.05 steps) with the best exact-match on validation canvases."""
    grid = np.round(np.arange(0.05, 0.96, 0.05), 2)
    scores = [multi_label_scores(probs, truth, t)["exact_match"] for t in grid]
    return float(grid[int(np.argmax(scores))])


def evaluate(model, kind: str, dataset, threshold: float | None = None, size: int | None = None) -> dict:
    """Test metrics: accuracy for dense (test images) and single (test composites);
    exact-match, micro-F1 and exact-match by object count for multi (test composites)."""
    _, (x_test, y_test) = dataset
    if kind == "dense":
        count = len(x_test) if size is None else size
        probs = model.predict(scale_255(x_test[:count]), batch_size=500, verbose=0)
        return {"accuracy": float(np.mean(probs.argmax(axis=1) == y_test[:count])), "test_images": count}
    canvases = test_composites(kind, x_test, y_test, size)
    probs = predict_canvases(model, canvases.images)
    if kind == "single":
        return {"accuracy": float(np.mean(probs.argmax(axis=1) == canvases.labels)), "test_images": len(canvases)}
    threshold = 0.5 if threshold is None else threshold
    scores = multi_label_scores(probs, canvases.labels, threshold)
    counts = canvases.object_counts
    scores["exact_match_by_count"] = {
        str(n): float(np.mean(np.all((probs[counts == n] >= threshold) == canvases.labels[counts == n].astype(bool),
                                     axis=1)))
        for n in range(5) if np.any(counts == n)
    }
    scores["threshold"] = threshold
    scores["test_images"] = len(canvases)
    return scores
