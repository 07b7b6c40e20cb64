"""What a training run tells whoever watches it, and how it hears a stop request.

    train(config, dataset, on_progress=print, should_stop=stop_event.is_set)

``on_progress`` receives a :class:`Progress` about twice a second and at every epoch's end;
``should_stop`` is asked after every batch, and once it answers yes training stops after that
batch and :func:`fmnist.training.train` raises :class:`Cancelled`, which carries the epochs that
had finished. The two Keras callbacks that do this are built here (Keras is imported only
when a callback is built, so this module is cheap to import).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from . import evaluation

CURVES = ("loss", "accuracy", "val_loss", "val_accuracy")  # what the history keeps of each epoch


class Cancelled(Exception):
    """Training was stopped by ``should_stop``; ``history`` holds the epochs finished before it
    stopped (an epoch cut short is not among them)."""

    def __init__(self, message: str = "training was cancelled", history: dict | None = None):
        super().__init__(message)
        self.history = history if history is not None else {}

    @property
    def epochs_done(self) -> int:
        return len(self.history.get("loss", []))

    def __reduce__(self):  # through a pipe from a training process, history and all
        return type(self), (str(self), self.history)


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


def reporter(epochs: int, on_progress, should_stop, history: dict, every: float = 0.5):
    """A Keras callback that asks ``should_stop`` after every batch, sends :class:`Progress` to
    ``on_progress`` every ``every`` seconds and at each epoch's end, and appends every finished
    epoch's figures to ``history``."""
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
            if self.model.stop_training:  # cut short by a stop request: not a finished epoch
                return
            for name, value in (logs or {}).items():
                if name in CURVES:
                    history.setdefault(name, []).append(float(value))
            if on_progress is not None:
                self._report(self.params.get("steps") or 1, logs)

    return Reporter()


def validation(x: np.ndarray, y: np.ndarray, sigmoid: bool, batch_size: int = 1024):
    """A Keras callback adding val_loss and val_accuracy to each epoch's logs, calling the model on
    arrays directly: Keras's own ``validation_data`` builds and tears down a tf.data iterator every
    epoch, and that teardown sometimes stalled training for half a minute here."""
    import keras

    class Validation(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if self.model.stop_training:  # stopping: nobody waits for these figures
                return
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
