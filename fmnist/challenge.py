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
The public half plays the role of a validation set (the class sees it while choosing), the
private half that of the test set (looked at once, at the end).

What the board may claim: an accuracy measured on 5,000 images is uncertain by about a point
(:func:`wilson_interval`, a 95% interval); two entries whose difference is within noise
(:func:`within_noise`) share a rank (:func:`noise_ranks`); what the private reveal changed is
computed (:func:`reshuffle`), as is the spread one setting shows over several seeds (noise alone).
"""

from __future__ import annotations

import math
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
HALF_SIZE = TEST_SIZE // 2  # the images behind each accuracy on the board
NICKNAME_LENGTH = 24
Z95 = 1.959964  # the normal quantile of a two-sided 95% interval


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


def config_for(choices: Choices, seed: int = SEED) -> TrainConfig:
    """The training config of a student's choices: the budget split into epochs x images. Every
    student trains with :data:`SEED`; the teacher's seed runs change only ``seed`` (the images
    drawn, their order and the initial weights)."""
    return TrainConfig("dense", epochs=choices.epochs, train_size=BUDGET_IMAGES // choices.epochs,
                       batch_size=BATCH_SIZE, learning_rate=choices.learning_rate, seed=int(seed),
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


# --- What the board may claim: intervals, ties, what the reveal changed ------------------------------

def wilson_interval(accuracy: float, n: int = HALF_SIZE, z: float = Z95) -> tuple[float, float]:
    """The 95% Wilson score interval of an accuracy measured on ``n`` images: where the accuracy on
    all images like these most likely lies (it stays inside 0..1, unlike accuracy ± 1.96 SE)."""
    if n <= 0:
        return 0.0, 1.0
    p = min(max(float(accuracy), 0.0), 1.0)
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def difference_noise(a: float, b: float, n: int = HALF_SIZE, z: float = Z95) -> float:
    """The half-width of the 95% interval of ``a - b``, two accuracies measured on ``n`` images
    each: what chance alone makes of their difference. For two halves (one model's public and
    private scores) this is exact; for two models on the same half it errs on the side of "tied"
    (their mistakes overlap, so their difference is less noisy than this)."""
    return z * math.sqrt((a * (1 - a) + b * (1 - b)) / n)


def within_noise(a: float, b: float, n: int = HALF_SIZE) -> bool:
    """Whether two accuracies on ``n`` images each are too close to tell apart."""
    return abs(a - b) <= difference_noise(a, b, n)


def noise_ranks(scores: list[float | None], n: int = HALF_SIZE) -> list[int | None]:
    """Each score's rank: 1 + how many scores are better beyond noise (None for a score not known
    yet). Entries within noise of each other share a rank; a better score never ranks lower."""
    known = sorted((s for s in scores if s is not None), reverse=True)
    rank_of, worst = {}, 0
    for score in known:
        worst = max(worst, sum(1 for other in known if other > score and not within_noise(other, score, n)))
        rank_of.setdefault(score, 1 + worst)
    return [None if s is None else rank_of[s] for s in scores]


def tied(ranks: list[int | None]) -> list[bool]:
    """Whether each rank is shared with another entry."""
    return [r is not None and ranks.count(r) > 1 for r in ranks]


@dataclass(frozen=True)
class Reshuffle:
    """What the private reveal changed, for the caption: nothing is claimed that this does not hold."""

    entries: int  # entries scored on both halves
    moved: int  # entries whose rank (with ties) changed
    beyond_noise: int  # entries whose two scores differ by more than chance makes
    largest_gap: float  # the largest |public - private| of one entry, in points
    noise: float  # the noise of that entry's difference, in points


def reshuffle(publics: list[float], privates: list[float], n: int = HALF_SIZE) -> Reshuffle:
    """Ranks on the public half against ranks on the private half, and each entry's two scores
    against the noise between two independent halves of ``n`` images."""
    before, after = noise_ranks(list(publics), n), noise_ranks(list(privates), n)
    gaps = [(abs(a - b), difference_noise(a, b, n)) for a, b in zip(publics, privates)]
    gap, noise = max(gaps, default=(0.0, 0.0))
    return Reshuffle(len(gaps), sum(1 for a, b in zip(before, after) if a != b),
                     sum(1 for g, z in gaps if g > z), 100 * gap, 100 * noise)


def spread(scores: list[float | None]) -> tuple[float, float] | None:
    """The lowest and highest of the known scores (one setting over several seeds), or None."""
    known = [s for s in scores if s is not None]
    return (min(known), max(known)) if known else None
