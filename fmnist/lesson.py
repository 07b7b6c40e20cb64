"""The lesson: both original notebooks as one path, from the data to a model's answer, in 50 minutes.

Each :class:`Step` names its texts (``lesson.<id>.*`` in ``fmnist/i18n/lesson.py``), the page a
student opens for more, at most one :class:`Question` asked before the reveal (predict, then
observe), the teacher's plan in minutes, and whether it is optional (left out of the core path
unless the teacher includes it). What a question's right answer is, is not written down where
it is a fact about a model: the functions below compute it from what the model on screen really
answers, so a retrained model can change it. Every question names the misconception it targets.

=======  =================================================  =========================  ========
step     shows                                              question                   path
=======  =================================================  =========================  ========
goals    the canvas we are going to: two garments            —                          core
data     the data's facts                                   —                          core
pixels   x/255 and min-max, on a picture where they differ  —                          optional
grid     the tutorial's 5x5 grid of training images          —                          core
dense    the tutorial's network and its training curves     train against test         core
one      one test image; what its confidence is worth       —                          core
errors   the tutorial's grid with its mistakes, confusion    the class most often wrong  core
single   one garment on a canvas, in any quadrant           —                          optional
multi    up to four garments, the multi-hot label            —                          core
conv     what the plain CNN's first filters respond to      —                          core
versus   the notebook's softmax CNN on two garments         what its bars look like    core
sigmoid  the notebook's ten sigmoids and a threshold        which threshold is exact   core
looked   where the model looked (saliency)                 a class that is not there  optional
own      a garment of one's own; outlines                   confidence on outlines     core
train    the class challenge                                —                          optional
summary  the three big ideas, with the figures of the day   —                          core
ticket   an exit ticket: three short questions              one per big idea           core
=======  =================================================  =========================  ========

The steps ``versus``, ``sigmoid``, ``looked`` and ``conv`` show the original notebook's plain CNNs
(``models/plain_*.keras``: Dense(10, softmax) and Dense(10, sigmoid), the textbook's outputs);
the studio's tile networks answer differently by construction, and the steps say so.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .data import NUM_CLASSES

WORDS_PER_MINUTE = 150  # a teacher reading aloud
CORE_MINUTES = 50  # what the core path must fit in


@dataclass(frozen=True)
class Question:
    id: str
    choices: int  # texts lesson.<step>.choice_0 .. choice_{n-1} (an exit ticket's: see text_prefix)
    misconception: str = ""  # the wrong idea the question provokes, named (see the teacher notes)
    answer: int | None = None  # the right choice where it is known in advance (an exit ticket's);
    #                            None: computed from the model on screen (ui.lesson_steps.REVEALS)


@dataclass(frozen=True)
class Step:
    id: str
    page: str  # the full page, a file in pages/
    question: Question | None = None
    minutes: float = 3.0  # the teacher's plan for the step, activity included
    optional: bool = False  # left out of the core path unless the teacher includes it
    ticket: tuple[Question, ...] = ()  # an exit ticket's short questions (anonymous, counted like the others)
    activity: float = 0.0  # of ``minutes``, those spent doing (answering, talking, trying), not listening


STEPS = (
    Step("goals", "home", minutes=2, activity=1),
    Step("data", "browse", minutes=2, activity=1),
    Step("pixels", "browse", minutes=3, activity=1.5, optional=True),
    Step("grid", "browse", minutes=2.5, activity=1.5),
    Step("dense", "train", Question(
        "train_vs_test", 3, "A model does as well on new pictures as on the pictures it learned from."),
        minutes=5, activity=3),
    Step("one", "predict", minutes=4, activity=2.5),
    Step("errors", "predict", Question(
        "most_wrong", 4, "Mistakes are spread evenly: one accuracy figure describes every class."),
        minutes=5, activity=3),
    Step("single", "compose", minutes=3, activity=1.5, optional=True),
    Step("multi", "compose", minutes=3, activity=1.5),
    Step("conv", "predict", minutes=3.5, activity=2),
    Step("versus", "predict", Question(
        "softmax_two", 4, "A softmax model shows two garments as two high bars, or as a 50/50 split "
                          "that means 'both are there'."),
        minutes=4.5, activity=3),
    Step("sigmoid", "predict", Question(
        "threshold_exact", 4, "When the model is sure, the threshold does not matter; a higher threshold "
                              "is always safer."),
        minutes=4.5, activity=3),
    Step("looked", "predict", Question(
        "map_absent_class", 4, "A saliency map shows where the garment is, so it stays dark for a class "
                               "that is not on the canvas."),
        minutes=4, activity=2.5, optional=True),
    Step("own", "draw", Question(
        "outline_confidence", 4, "A model's confidence means the same on any picture: 95% sure is 95% right, "
                                 "on drawings too."),
        minutes=6, activity=4.5),
    Step("train", "train", minutes=15, activity=13, optional=True),
    Step("summary", "home", minutes=2, activity=0.5),
    Step("ticket", "home", minutes=4.5, activity=3, ticket=(
        Question("ticket_test", 3, "Test images are more practice; a model's score on its training images "
                                   "is its score.", answer=1),
        Question("ticket_outputs", 3, "A softmax model can say 'both' by giving two classes more than 50%.",
                 answer=2),
        Question("ticket_confidence", 3, "A model that is 99% sure is right, whatever the picture.", answer=1),
    )),
)
STEP_IDS = tuple(step.id for step in STEPS)
QUESTIONS = {step.question.id: step for step in STEPS if step.question}
TICKET = {question.id: step for step in STEPS for question in step.ticket}


def clamp_step(value, default: int = 0) -> int:
    """A step number from a URL or a form (1-based text such as '5') as an index into STEPS."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return min(max(number - 1, 0), len(STEPS) - 1)


def text_prefix(step: Step, question: Question) -> str:
    """Where a question's texts are (``<prefix>.question``, ``<prefix>.choice_<i>``): ``lesson.<step>``
    for a step's question, ``lesson.<step>.<question>`` for one of an exit ticket's."""
    return f"lesson.{step.id}" if question is step.question else f"lesson.{step.id}.{question.id}"


# --- The hour: what the core path takes ---------------------------------------------------------

def core_steps() -> tuple[Step, ...]:
    return tuple(step for step in STEPS if not step.optional)


def spoken_texts(step: Step, lang: str = "en") -> list[str]:
    """What is read aloud at a step: its title and words (with its bullets: goals, points), its
    question(s) with their choices, and the teacher notes (say, ask, misconception)."""
    from . import i18n

    key = f"lesson.{step.id}"
    texts = [i18n.t(f"{key}.{part}", lang) for part in ("title", "body", "say", "ask", "myth")]
    texts += [i18n.t(other, lang) for other in i18n.TEXT  # a step's words in bullets: its goals, its points
              if other.startswith((f"{key}.goal_", f"{key}.point_"))]
    for question in ((step.question,) if step.question else ()) + step.ticket:
        prefix = text_prefix(step, question)
        texts.append(i18n.t(f"{prefix}.question", lang))
        texts += [i18n.t(f"{prefix}.choice_{i}", lang) for i in range(question.choices)]
    return texts


def word_count(texts) -> int:
    return sum(len(re.findall(r"[\w'’%.,-]+", re.sub(r"[*_`]", "", text))) for text in texts)


def reading_minutes(step: Step, lang: str = "en") -> float:
    return word_count(spoken_texts(step, lang)) / WORDS_PER_MINUTE


# --- The questions' answers, from what the model on screen answers -------------------------------

SAME_BAND = 0.01  # "about as often": test accuracy within one point of training accuracy


def training_accuracy(model, config: dict, dataset) -> tuple[float, int]:
    """(accuracy, images) of a tutorial model on the training images it learned from: those its
    config's seed and train_size drew (``fmnist.training.training_pool``)."""
    from . import evaluation
    from .recipes import MAX_TRAIN_SIZE
    from .training import training_pool

    (x_train, y_train), _ = dataset
    pool = training_pool(y_train, int(config.get("seed", 0)), int(config.get("train_size", MAX_TRAIN_SIZE)))
    return evaluation.accuracy(evaluation.predict(model, x_train[pool]), y_train[pool]), len(pool)


def generalisation_choice(train_accuracy: float, test_accuracy: float, band: float = SAME_BAND) -> int:
    """Question ``train_vs_test``: on the test images the model is right more often (0), about as
    often (1, within ``band``) or less often (2) than on its own training images."""
    gap = test_accuracy - train_accuracy
    return 0 if gap > band else 2 if gap < -band else 1


MOST_WRONG_CLASSES = (0, 2, 4, 6)  # T-shirt/top, Pullover, Coat, Shirt: the choices of ``most_wrong``


def error_rates(labels: np.ndarray, predicted: np.ndarray) -> np.ndarray:
    """(10,) the share of each class's test images answered wrong."""
    labels, predicted = np.asarray(labels), np.asarray(predicted)
    return np.array([np.mean(predicted[labels == c] != c) if np.any(labels == c) else 0.0
                     for c in range(NUM_CLASSES)])


def most_wrong_choice(labels: np.ndarray, predicted: np.ndarray) -> tuple[int, np.ndarray]:
    """Which of :data:`MOST_WRONG_CLASSES` the model gets wrong most often, and every class's
    error rate (question ``most_wrong``)."""
    errors = error_rates(labels, predicted)
    return int(np.argmax(errors[list(MOST_WRONG_CLASSES)])), errors


def mistakes_window(labels: np.ndarray, predicted: np.ndarray, size: int = 15, at_least: int = 3) -> int:
    """Where the tutorial's grid of ``size`` test images in a row starts so that it shows mistakes:
    the first start whose ``size`` images hold at least ``at_least`` wrong answers (else the start
    of the window with the most)."""
    wrong = (np.asarray(labels) != np.asarray(predicted)).astype(int)
    if len(wrong) <= size:
        return 0
    counts = np.convolve(wrong, np.ones(size, dtype=int), mode="valid")
    enough = np.flatnonzero(counts >= at_least)
    return int(enough[0]) if len(enough) else int(np.argmax(counts))


CONFIDENT = 0.9  # a "confident mistake": a wrong answer given with at least this probability


def confident_mistakes(probabilities: np.ndarray, labels: np.ndarray, at_least: float = CONFIDENT) -> np.ndarray:
    """Indices of the test images answered wrong with at least ``at_least`` confidence, surest first."""
    probabilities, labels = np.asarray(probabilities), np.asarray(labels)
    confidence = probabilities.max(axis=1)
    found = np.flatnonzero((probabilities.argmax(axis=1) != labels) & (confidence >= at_least))
    return found[np.argsort(-confidence[found], kind="stable")]


#: The canvas of ``goals``, ``versus``, ``sigmoid`` and ``looked``: a Bag top-left, a Sneaker bottom-right.
VERSUS_CLASSES = {0: 8, 3: 7}
SURE = 0.8  # "nearly all": a bar at or above this
HALF = (0.3, 0.7)  # "about half": a bar between these


def softmax_choice(probabilities: np.ndarray) -> int:
    """Question ``softmax_two``, on the Bag-and-Sneaker canvas: about half each for the two (0),
    nearly all on one of them (1), nearly all on both (2: what ten bars summing to 1 cannot do),
    or something else (3)."""
    p = np.asarray(probabilities, dtype=float)
    pair = p[list(VERSUS_CLASSES.values())]
    if pair.min() >= SURE:
        return 2
    if pair.max() >= SURE:
        return 1
    if np.all((pair >= HALF[0]) & (pair <= HALF[1])):
        return 0
    return 3


def softmax_margin(probabilities: np.ndarray) -> float:
    """How far the two garments' bars are from the edges that decide :func:`softmax_choice`."""
    pair = np.asarray(probabilities, dtype=float)[list(VERSUS_CLASSES.values())]
    edges = np.array([SURE, *HALF])
    return float(np.abs(pair[:, None] - edges[None]).min())


THRESHOLDS = (0.2, 0.5, 0.8)  # the choices of ``threshold_exact``; choice 3 is "any of the three"


def threshold_choice(probabilities: np.ndarray, truth: np.ndarray) -> int:
    """Question ``threshold_exact``: which threshold of :data:`THRESHOLDS` names exactly the garments
    on the canvas (its index), or 3 when all three do. When none or two do, the one with the fewest
    wrong yes/no answers (the first of equals)."""
    p, truth = np.asarray(probabilities, dtype=float), np.asarray(truth).astype(bool)
    wrong = [int(np.sum((p >= t) != truth)) for t in THRESHOLDS]
    if not any(wrong):
        return 3
    return int(np.argmin(wrong))


def threshold_margin(probabilities: np.ndarray) -> float:
    """How far the nearest bar is from any threshold of :data:`THRESHOLDS`."""
    p = np.asarray(probabilities, dtype=float)
    return float(np.abs(p[:, None] - np.asarray(THRESHOLDS)[None]).min())


ABSENT_CLASS = 9  # Ankle boot: what the map of ``looked`` is asked about, on a canvas that has none


def map_choice(shares: np.ndarray, quadrant_classes) -> int:
    """Question ``map_absent_class``: where a saliency map is brightest: on the Bag (0), on the
    Sneaker (1), on an empty quadrant (2), or nowhere (3: a map with no heat at all)."""
    shares = np.asarray(shares, dtype=float)
    if not shares.any():
        return 3
    garment = int(quadrant_classes[int(np.argmax(shares))])
    return 2 if garment < 0 else 0 if garment == VERSUS_CLASSES[0] else 1 if garment == VERSUS_CLASSES[3] else 2


HONEST = 0.05  # a confidence band is honest when its share of right answers is within this of its confidence
HONEST_COUNT = 100  # bands with fewer answers are too noisy to judge


def calibration_gap(calibration) -> float:
    """The largest gap between confidence and share right over the bands with at least
    :data:`HONEST_COUNT` answers (``fmnist.evaluation.Calibration``)."""
    enough = calibration.count >= HONEST_COUNT
    return float(np.max(np.abs(calibration.right[enough] - calibration.confidence[enough]))) if enough.any() else 1.0


CONV_CLASSES = (1, 2, 5, 8)  # the canvas of ``conv``: Trouser, Pullover, Sandal, Bag, one per quadrant
OUTLINE_EXAMPLES = 8  # test garments shown beside their outlines at ``own``
SURE_AT = 0.95  # "95% sure or more"
OUTLINE_BUCKETS = (0.95, 0.70, 0.45, 0.20)  # the choices of ``outline_confidence``: "still about 95%", ...


def confidence_choice(share_right: float) -> int:
    """Question ``outline_confidence``: the bucket nearest to the share of the model's answers given
    at 95% or more on outlines that are right."""
    return int(np.argmin([abs(share_right - bucket) for bucket in OUTLINE_BUCKETS]))


def binomial_se(share: float, count: int) -> float:
    """The standard error of a share measured on ``count`` pictures (the noise a question's margin
    is compared with)."""
    return math.sqrt(max(share * (1 - share), 1e-12) / max(count, 1))
