"""The lesson: both original notebooks as one path, from the data to a model's answer.

Each :class:`Step` names its texts (``lesson.<id>.*`` in ``fmnist/i18n/lesson.py``), the page a
student opens for more, and at most one :class:`Question` asked before the reveal (predict, then
observe). What a question's right answer is, is not written down: the functions below compute it
from what the model in use really answers, so a retrained model can change it.

======  ======================================================  ==========================
step    from                                                    question
======  ======================================================  ==========================
goals   the original notebook's goals                           —
data    both: the data's facts                                  —
pixels  both: one garment's pixels, x/255 and min-max           —
grid    the tutorial's 5x5 grid of training images              —
dense   the tutorial's Flatten-Dense(128)-Dense(10), 5 epochs   its test accuracy
one     the tutorial's one test image and its ten bars          —
errors  the tutorial's 5x3 grid, the confusion matrix           the class most often wrong
single  the notebook's ``expand_4times``: one garment, a quadrant  —
multi   ``expand_4times2``: up to four, the multi-hot label     —
versus  softmax against multi-label on one canvas (the heart)    what softmax names
sigmoid the decision threshold                                  do the bars sum to 1
looked  where the model looked                                  the brightest quadrant
own     a garment of one's own                                  —
train   the class challenge: everyone trains one, a board           —
======  ======================================================  ==========================
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data import NUM_CLASSES


@dataclass(frozen=True)
class Question:
    id: str
    choices: int  # texts lesson.<step>.choice_0 .. choice_{n-1}
    misconception: str = ""  # the wrong idea the question provokes, named (see the teacher notes)


@dataclass(frozen=True)
class Step:
    id: str
    page: str  # the full page, a file in pages/
    question: Question | None = None
    minutes: float = 3.0  # the teacher's plan for the step, activity included
    optional: bool = False  # left out of the core path unless the teacher includes it
    ticket: tuple[Question, ...] = ()  # an exit ticket's short questions (anonymous, counted like the others)


STEPS = (
    Step("goals", "home"),
    Step("data", "browse"),
    Step("pixels", "browse"),
    Step("grid", "browse"),
    Step("dense", "train", Question("dense_accuracy", 4)),
    Step("one", "predict"),
    Step("errors", "predict", Question("most_wrong", 4)),
    Step("single", "compose"),
    Step("multi", "compose"),
    Step("versus", "predict", Question("softmax_names", 4)),
    Step("sigmoid", "predict", Question("sum_to_one", 3)),
    Step("looked", "predict", Question("brightest_quadrant", 4)),
    Step("own", "draw"),
    Step("train", "train"),
)
STEP_IDS = tuple(step.id for step in STEPS)


def clamp_step(value, default: int = 0) -> int:
    """A step number from a URL or a form (1-based text such as '5') as an index into STEPS."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return min(max(number - 1, 0), len(STEPS) - 1)


# --- The questions' answers, from what the model in use answers --------------------------------

ACCURACY_BUCKETS = (0.5, 0.7, 0.88, 0.99)  # "about 50%", "about 70%", "about 88%", "about 99%"


def accuracy_choice(accuracy: float) -> int:
    """The bucket nearest to ``accuracy`` (question ``dense_accuracy``)."""
    return int(np.argmin([abs(accuracy - bucket) for bucket in ACCURACY_BUCKETS]))


MOST_WRONG_CLASSES = (1, 6, 8, 7)  # Trouser, Shirt, Bag, Sneaker: the choices of ``most_wrong``


def most_wrong_choice(labels: np.ndarray, predicted: np.ndarray) -> tuple[int, np.ndarray]:
    """Which of :data:`MOST_WRONG_CLASSES` the model gets wrong most often, and every class's
    error rate (question ``most_wrong``)."""
    labels, predicted = np.asarray(labels), np.asarray(predicted)
    errors = np.array([np.mean(predicted[labels == c] != c) if np.any(labels == c) else 0.0
                       for c in range(NUM_CLASSES)])
    return int(np.argmax(errors[list(MOST_WRONG_CLASSES)])), errors


#: The canvas of ``versus``, ``sigmoid`` and ``looked``: a Bag top-left, a Sneaker bottom-right.
VERSUS_CLASSES = {0: 8, 3: 7}


def softmax_choice(probabilities: np.ndarray) -> int:
    """What the softmax model named on the Bag-and-Sneaker canvas: 0 the Bag, 1 the Sneaker,
    3 something else (choice 2, "both", is what a softmax model can never say)."""
    top = int(np.argmax(probabilities))
    return {VERSUS_CLASSES[0]: 0, VERSUS_CLASSES[3]: 1}.get(top, 3)


def sum_choice(probabilities: np.ndarray, tolerance: float = 0.02) -> int:
    """Whether the ten multi-label probabilities sum to 1 (0), less (1) or more (2)."""
    total = float(np.sum(probabilities))
    return 0 if abs(total - 1) <= tolerance else 1 if total < 1 else 2


def quadrant_choice(shares: np.ndarray) -> int:
    """The quadrant holding most of the saliency (question ``brightest_quadrant``)."""
    return int(np.argmax(shares))
