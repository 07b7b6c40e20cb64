"""The class challenge: every student trains the tutorial model on the same small budget, with a
few knobs of their own, and the class compares the results on a board.

The budget is images seen: ``epochs x train_size = BUDGET_IMAGES``, so a student who wants more
epochs sees fewer different garments, the trade every trainer makes. The knobs offered are the
ones that teach something about the tutorial's network (``fmnist.recipes.KNOBS`` describes them):

===============  ===========================================  =============================
knob             choices                                      what it teaches
===============  ===========================================  =============================
hidden           16, 32, 64, 128, 256                          capacity
epochs           1, 2, 3, 4 (train_size = budget / epochs)     passes against variety
learning_rate    0.0001, 0.001, 0.01, 0.05                     step size
normalise        x/255, raw 0-255                              why we normalise
===============  ===========================================  =============================

Every entry is scored on the **public** half of the test set; the **private** half is revealed
by the teacher at the end (Kaggle InClass's split, and the lesson of tuning to the test set).
The halves are fixed: a seeded permutation of the 10,000 test images, the same for everyone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from . import training
from .recipes import TrainConfig

BUDGET_IMAGES = 24_000  # images seen in all, each model: sized so thirty train within two minutes
BATCH_SIZE = 64
SEED = 0  # the same data order and initial weights for everyone: only the knobs differ
HIDDEN = (16, 32, 64, 128, 256)
EPOCHS = (1, 2, 3, 4)
LEARNING_RATES = (1e-4, 1e-3, 1e-2, 5e-2)
NORMALISE = ("scale", "raw")
KNOB_NAMES = ("hidden", "epochs", "learning_rate", "normalise")
HALVES_SEED = 20261129
TEST_SIZE = 10_000
NICKNAME_LENGTH = 24


@dataclass(frozen=True)
class Choices:
    """What a student chose."""

    hidden: int = 128
    epochs: int = 2
    learning_rate: float = 1e-3
    normalise: str = "scale"

    def __post_init__(self):
        if (self.hidden not in HIDDEN or self.epochs not in EPOCHS or self.learning_rate not in LEARNING_RATES
                or self.normalise not in NORMALISE):
            raise ValueError(f"not a choice of the challenge: {self}")

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in KNOB_NAMES}


def config_for(choices: Choices) -> TrainConfig:
    """The training config of a student's choices: the budget split into epochs x images."""
    return TrainConfig("dense", epochs=choices.epochs, train_size=BUDGET_IMAGES // choices.epochs,
                       batch_size=BATCH_SIZE, learning_rate=choices.learning_rate, seed=SEED,
                       hidden=choices.hidden, normalise=choices.normalise)


def choices_of(config: TrainConfig) -> Choices:
    return Choices(config.hidden, config.epochs, config.learning_rate, config.normalise)


def public_private(size: int = TEST_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """The two fixed halves of the test set: indices (public, private)."""
    order = np.random.default_rng(HALVES_SEED).permutation(size)
    return np.sort(order[: size // 2]), np.sort(order[size // 2:])


def half_scores(probabilities: np.ndarray, labels: np.ndarray) -> dict:
    """Accuracy on the public and on the private half of the test set."""
    public, private = public_private(len(labels))
    right = np.argmax(probabilities, axis=1) == np.asarray(labels)
    return {"public_accuracy": float(right[public].mean()), "private_accuracy": float(right[private].mean())}


def train(config: TrainConfig, dataset, **options) -> training.TrainResult:
    """:func:`fmnist.training.train`, with the two halves' accuracies in the model's test figures."""
    result = training.train(config, dataset, **options)
    found = result.test_predictions
    if found is not None and len(found.labels) == TEST_SIZE:
        result.metrics.update(half_scores(found.probabilities, found.labels))
    return result


def clean_nickname(text: str | None) -> str:
    """A nickname as plain text: control characters dropped, spaces collapsed, at most
    :data:`NICKNAME_LENGTH` characters (never rendered as HTML: pages show it as text)."""
    cleaned = "".join(" " if c.isspace() else c for c in unicodedata.normalize("NFC", str(text or ""))
                      if c.isspace() or unicodedata.category(c)[0] != "C")
    return re.sub(r"\s+", " ", cleaned).strip()[:NICKNAME_LENGTH].strip()


def ranks(scores: list[float | None]) -> list[int | None]:
    """1 for the best score, ties sharing a rank; None for a score not known yet."""
    return [None if s is None else 1 + sum(1 for other in scores if other is not None and other > s)
            for s in scores]
