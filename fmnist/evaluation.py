"""Every figure the studio reports about a model, in one place: the test predictions and the
metrics computed from them.

    predictions = test_predictions(model, "multi", load_data())   # what the model answered
    metrics_from(predictions, threshold=0.5)                      # the "test" section of its JSON
    evaluate(model, "multi", load_data(), threshold=0.5)          # the two steps in one call

Where a model is tested
    dense   the 10,000 test images.
    single  10,000 test composites: each test image in a random quadrant of its own canvas.
    multi   10,000 test composites of 0-4 test garments each.
    The composites are drawn with :data:`EVAL_SEED`, so every model of a kind (shipped or
    trained in the app) is tested on the same canvases and the shipped figures can be reproduced.

Multi-class (dense, single): the answer is the class with the highest probability.
    accuracy       share of images whose answer is their class.
    cross_entropy  mean of -log p(true class), p clipped to [1e-7, 1 - 1e-7] as Keras does.
    confusion matrix, per-class precision and recall, the most confused pairs.

Multi-label (multi): every class is decided on its own, present when p >= threshold.
    exact_match   share of canvases whose ten decisions are all right (an empty canvas
                  answered "nothing" counts as right).
    micro_f1      F1 of all (canvas, class) decisions pooled: 2TP / (2TP + FP + FN).
    macro_f1      mean over the ten classes of each class's F1; every class counts the same,
                  however often it appears.
    hamming_loss  share of the (canvas, class) decisions that are wrong.
    precision     TP / (TP + FP), recall TP / (TP + FN), pooled like micro_f1.
    loss          mean binary cross-entropy of the ten probabilities (clipped like above).

Conventions where a ratio has nothing to divide by:
    * precision of a class that is never predicted, recall of a class that never occurs: 0.
    * F1 of a class that neither occurs nor is predicted (TP = FP = FN = 0): 1. Nothing was
      there to find and nothing was claimed, which is a right answer, as exact-match counts
      an empty canvas answered "nothing" as right. The same holds for micro_f1 when the whole
      set has no garment and none was claimed (the canvases with 0 garments in
      :func:`scores_by_count`); precision and recall stay 0 there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import composite
from .data import NUM_CLASSES, scale_255

EVAL_SEED = 20241122  # the test composites every canvas model is evaluated on
CLIP = 1e-7
THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)  # 0.05, 0.10, ..., 0.95


# --- Predictions ---------------------------------------------------------------------------

def predict(model, images: np.ndarray, batch_size: int = 500) -> np.ndarray:
    """(n, 10) probabilities of a contract model for uint8 (n, 28, 28) images or (n, 56, 56)
    canvases.

    Pixels are scaled to pixels/255 float32 one batch at a time (the whole test set as float32
    would be a 125 MB copy), with the channel axis added when the model's input has one.
    ``predict_on_batch`` on chunks measured 10-20% faster than ``model.predict`` on the 10,000
    test canvases (2 CPU cores), which builds a tf.data pipeline around the same work;
    batches of 2,000 were slower than 500.
    """
    images = np.asarray(images)
    channel = len(model.inputs[0].shape) == 4
    chunks = []
    for start in range(0, len(images), batch_size):
        batch = scale_255(images[start:start + batch_size])
        chunks.append(np.asarray(model.predict_on_batch(batch[..., None] if channel else batch)))
    if not chunks:
        return np.zeros((0, NUM_CLASSES), dtype=np.float32)
    return np.concatenate(chunks)


def test_composites(kind: str, x_test: np.ndarray, y_test: np.ndarray,
                    size: int | None = None) -> composite.Composites:
    """The fixed test canvases a canvas model is evaluated on (seeded by :data:`EVAL_SEED`).

    single: the first ``size`` test images (all by default), one per canvas in a random
    quadrant. multi: ``size`` canvases (10,000 by default) of 0-4 garments drawn from all
    the test images.
    """
    rng = np.random.default_rng(EVAL_SEED)
    count = len(x_test) if size is None else size
    if kind == "single":
        return composite.make_single_set(x_test[:count], y_test[:count], rng)
    if kind == "multi":
        return composite.make_multi_set(x_test, y_test, count, rng)
    raise ValueError(f"test composites are for 'single' or 'multi', got {kind!r}")


@dataclass(frozen=True, eq=False)
class TestPredictions:
    """A model's answers on its test set, with what it was shown.

    kind:          "dense", "single" or "multi"
    images:        uint8, as the model saw them: (n, 28, 28) test images for dense,
                   (n, 56, 56) test composites for single and multi
    labels:        (n,) class ids for dense and single; (n, 10) multi-hot for multi
    probabilities: (n, 10) float32, the model's output
    sources:       (n, 4) index into the test images of the garment in each quadrant
                   (-1 = empty) for the canvas models; None for dense
    """

    __test__ = False  # not a pytest test class, whatever its name

    kind: str
    images: np.ndarray
    labels: np.ndarray
    probabilities: np.ndarray
    sources: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.images)

    @property
    def predicted(self) -> np.ndarray:
        """(n,) the class with the highest probability (the answer of dense and single)."""
        return self.probabilities.argmax(axis=1)

    @property
    def counts(self) -> np.ndarray | None:
        """(n,) garments on each canvas, or None for dense."""
        return None if self.sources is None else (self.sources != composite.EMPTY).sum(axis=1)


def test_predictions(model, kind: str, dataset, size: int | None = None) -> TestPredictions:
    """The model's answers on its test set (see the module docstring); ``size`` takes fewer
    images or canvases. About 10 s for a canvas model on the full set on 2 CPU cores.
    A kind other than dense, single or multi is refused with ValueError."""
    _, (x_test, y_test) = dataset
    if kind == "dense":
        count = len(x_test) if size is None else size
        images, labels, sources = x_test[:count], y_test[:count], None
    else:
        canvases = test_composites(kind, x_test, y_test, size)
        images, labels, sources = canvases.images, canvases.labels, canvases.sources
    return TestPredictions(kind, images, labels, predict(model, images), sources)


def choose_examples(predictions: TestPredictions, mistakes_only: bool = False, true_class: int | None = None,
                    predicted_class: int | None = None, least_confident: bool = False) -> np.ndarray:
    """Indices of the test images of a dense or single model to show: all, or only the mistakes,
    of one true class, of one answer; in test order, or the least sure answer (lowest top
    probability) first."""
    if predictions.kind == "multi":
        raise ValueError("choose_examples is for one answer per image (dense, single)")
    keep = np.ones(len(predictions), dtype=bool)
    if mistakes_only:
        keep &= predictions.predicted != predictions.labels
    if true_class is not None:
        keep &= predictions.labels == true_class
    if predicted_class is not None:
        keep &= predictions.predicted == predicted_class
    chosen = np.flatnonzero(keep)
    if least_confident:
        chosen = chosen[np.argsort(predictions.probabilities[chosen].max(axis=1), kind="stable")]
    return chosen


# --- Multi-class metrics (one answer per image) ------------------------------------------------

def accuracy(probs: np.ndarray, labels: np.ndarray) -> float:
    """Share of rows whose most probable class is the label."""
    return float(np.mean(np.asarray(probs).argmax(axis=1) == np.asarray(labels)))


def cross_entropy(probs: np.ndarray, labels: np.ndarray) -> float:
    """Mean of -log p(true class), p clipped to [1e-7, 1 - 1e-7] (Keras's sparse categorical
    cross-entropy on probabilities)."""
    probs = np.asarray(probs)
    labels = np.asarray(labels)
    true = np.clip(probs[np.arange(len(labels)), labels], CLIP, 1 - CLIP)
    return float(-np.mean(np.log(true)))


def confusion_matrix(true: np.ndarray, predicted: np.ndarray, classes: int = NUM_CLASSES) -> np.ndarray:
    """(classes, classes) int64 counts: row = true class, column = predicted class."""
    true = np.asarray(true, dtype=np.int64)
    predicted = np.asarray(predicted, dtype=np.int64)
    return np.bincount(true * classes + predicted, minlength=classes * classes).reshape(classes, classes)


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, 0 where the denominator is 0."""
    numerator = np.asarray(numerator, dtype=np.float64)
    denominator = np.asarray(denominator, dtype=np.float64)
    return np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0)


def precision_recall(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-class precision (right answers / times predicted, the columns) and recall (right
    answers / times present, the rows) of a confusion matrix. A class never predicted has
    precision 0; a class never present has recall 0."""
    matrix = np.asarray(matrix)
    right = np.diag(matrix)
    return _ratio(right, matrix.sum(axis=0)), _ratio(right, matrix.sum(axis=1))


def most_confused(matrix: np.ndarray, k: int = 5) -> list[tuple[int, int, int]]:
    """The ``k`` largest off-diagonal cells as (true class, predicted class, count), largest
    first (ties in class order); pairs never confused are left out."""
    matrix = np.asarray(matrix)
    off = matrix.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(-off, axis=None, kind="stable")[:k]
    pairs = [(int(t), int(p), int(off[t, p])) for t, p in zip(*np.unravel_index(order, off.shape))]
    return [pair for pair in pairs if pair[2] > 0]



# --- Calibration: how often an answer given with some confidence is right ----------------------

CONFIDENCE_BANDS = (0.0, 0.5, 0.7, 0.9, 0.95, 0.99, 1.0)  # the bands' edges; the last band holds 1.0


@dataclass(frozen=True)
class Calibration:
    """A multi-class model's answers grouped by their confidence (the top probability): for each
    band ``[lower, upper)`` (the last one closed), how many answers, their mean confidence and
    the share of them that were right. A band with no answer has count 0 and NaN shares."""

    lower: np.ndarray
    upper: np.ndarray
    count: np.ndarray
    confidence: np.ndarray
    right: np.ndarray


def calibration(probs: np.ndarray, labels: np.ndarray, edges=CONFIDENCE_BANDS) -> Calibration:
    probs, labels = np.asarray(probs), np.asarray(labels)
    edges = np.asarray(edges, dtype=np.float64)
    confidence = probs.max(axis=1).astype(np.float64)
    right = probs.argmax(axis=1) == labels
    band = np.clip(np.searchsorted(edges, confidence, side="right") - 1, 0, len(edges) - 2)
    count = np.bincount(band, minlength=len(edges) - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_confidence = np.bincount(band, confidence, len(edges) - 1) / count
        share_right = np.bincount(band, right.astype(np.float64), len(edges) - 1) / count
    return Calibration(edges[:-1], edges[1:], count, mean_confidence, share_right)


def confident_answers(probs: np.ndarray, labels: np.ndarray, at_least: float = 0.95) -> tuple[int, int]:
    """(how many answers were given with at least ``at_least`` confidence, how many of them were right)."""
    probs, labels = np.asarray(probs), np.asarray(labels)
    sure = probs.max(axis=1) >= at_least
    return int(sure.sum()), int(np.sum(probs[sure].argmax(axis=1) == labels[sure]))


# --- Multi-label metrics (ten decisions per canvas) ---------------------------------------------

def _f1(tp, fp, fn) -> np.ndarray:
    """2TP / (2TP + FP + FN), 1 where there was nothing to find and nothing claimed."""
    tp, fp, fn = (np.asarray(v, dtype=np.float64) for v in (tp, fp, fn))
    denominator = 2 * tp + fp + fn
    return np.divide(2 * tp, denominator, out=np.ones_like(denominator), where=denominator > 0)


def exact_match(decided: np.ndarray, truth: np.ndarray) -> float:
    """Share of rows whose decisions (bool or 0/1) all equal the truth."""
    return float(np.mean(np.all(np.asarray(decided, dtype=bool) == np.asarray(truth, dtype=bool), axis=1)))


def keras_exact_match(y_true, y_pred, threshold: float = 0.5):
    """:func:`exact_match` of ``y_pred >= threshold`` in Keras ops, for the logs of ``fit``
    (the multi tile network with ten sigmoids reports it as its accuracy)."""
    from keras import ops

    decided = ops.cast(y_pred >= threshold, y_true.dtype)
    return ops.mean(ops.cast(ops.all(ops.equal(decided, y_true), axis=-1), "float32"))


def binary_cross_entropy(probs: np.ndarray, truth: np.ndarray) -> float:
    """Mean binary cross-entropy over every (row, class), p clipped to [1e-7, 1 - 1e-7]."""
    probs = np.clip(np.asarray(probs), CLIP, 1 - CLIP)
    truth = np.asarray(truth)
    return float(-np.mean(truth * np.log(probs) + (1 - truth) * np.log(1 - probs)))


def multi_label_scores(probs: np.ndarray, truth: np.ndarray, threshold: float) -> dict:
    """exact_match, micro_f1, macro_f1, hamming_loss, precision and recall of the decisions
    ``probs >= threshold`` against the multi-hot ``truth`` (see the module docstring)."""
    decided = np.asarray(probs) >= threshold
    truth = np.asarray(truth).astype(bool)
    tp = np.sum(decided & truth, axis=0)
    fp = np.sum(decided & ~truth, axis=0)
    fn = np.sum(~decided & truth, axis=0)
    return {
        "exact_match": exact_match(decided, truth),
        "micro_f1": float(_f1(tp.sum(), fp.sum(), fn.sum())),
        "macro_f1": float(np.mean(_f1(tp, fp, fn))),
        "hamming_loss": float(np.mean(decided != truth)),
        "precision": float(_ratio(tp.sum(), tp.sum() + fp.sum())),
        "recall": float(_ratio(tp.sum(), tp.sum() + fn.sum())),
    }


def scores_by_count(probs: np.ndarray, truth: np.ndarray, counts: np.ndarray, threshold: float) -> dict[int, dict]:
    """:func:`multi_label_scores` of the canvases with each garment count, for the counts
    present: ``{count: scores}`` in increasing count."""
    counts = np.asarray(counts)
    return {int(n): multi_label_scores(probs[counts == n], truth[counts == n], threshold)
            for n in np.unique(counts)}


def threshold_sweep(probs: np.ndarray, truth: np.ndarray, thresholds) -> dict[str, np.ndarray]:
    """Each score of :func:`multi_label_scores` at each threshold: ``{metric: (len(thresholds),)}``,
    plus ``"threshold"`` itself."""
    rows = [multi_label_scores(probs, truth, t) for t in thresholds]
    sweep = {"threshold": np.asarray(thresholds, dtype=np.float64)}
    sweep.update({name: np.array([row[name] for row in rows]) for name in rows[0]})
    return sweep


def choose_threshold(probs: np.ndarray, truth: np.ndarray) -> float:
    """The decision threshold with the best exact-match (on validation canvases), from 0.05 to
    0.95 in steps of 0.05; the lowest one wins a tie."""
    scores = threshold_sweep(probs, truth, THRESHOLD_GRID)["exact_match"]
    return float(THRESHOLD_GRID[int(np.argmax(scores))])


# --- The test figures of a model -------------------------------------------------------------

def metrics_from(predictions: TestPredictions, threshold: float | None = None) -> dict:
    """The "test" section of a model's JSON, from its test predictions.

    dense, single: accuracy, loss, test_images.
    multi: exact_match, micro_f1, macro_f1, hamming_loss, precision, recall, loss,
    exact_match_by_count ({"0": ..., "4": ...}), threshold (0.5 unless given), test_images.
    """
    probs, labels = predictions.probabilities, predictions.labels
    if predictions.kind != "multi":
        return {"accuracy": accuracy(probs, labels), "loss": cross_entropy(probs, labels),
                "test_images": len(predictions)}
    threshold = 0.5 if threshold is None else threshold
    scores = multi_label_scores(probs, labels, threshold)
    scores["loss"] = binary_cross_entropy(probs, labels)
    by_count = scores_by_count(probs, labels, predictions.counts, threshold)
    scores["exact_match_by_count"] = {str(n): s["exact_match"] for n, s in by_count.items()}
    scores["threshold"] = threshold
    scores["test_images"] = len(predictions)
    return scores


def evaluate(model, kind: str, dataset, threshold: float | None = None, size: int | None = None) -> dict:
    """Test figures of ``model`` (see :func:`metrics_from`): accuracy for dense (test images)
    and single (test composites); exact-match, F1 and exact-match by garment count for multi
    (test composites), at ``threshold`` (0.5 unless given). ``size`` tests on fewer."""
    return metrics_from(test_predictions(model, kind, dataset, size), threshold)


# The API's names start with "test": keep pytest from collecting them where a test imports them.
test_composites.__test__ = test_predictions.__test__ = False
