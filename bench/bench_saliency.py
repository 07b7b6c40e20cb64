"""Saliency maps of the shipped canvas models: do they look where the garment is, and how fast.

    python bench/bench_saliency.py [--size 1000] [--compare-size 150]

For every garment class on a test composite (``evaluation.test_composites``), the map of that
class is asked for, and it *hits* when its hottest quadrant holds a garment of that class.
Both canvas models are asked on both kinds of canvas (the single model on a canvas of several
garments is asked about each class on it). Printed per model and canvas kind:

* every method of ``fmnist.saliency`` on the first ``--compare-size`` canvases: hit rate, how
  often its hottest quadrant is the one whose blanking lowers p(class) most (occlusion: the
  model's own answer to "where did you look"), time;
* the default method on ``--size`` canvases: its hit rate, the hit rate on the classes the model
  itself found (multi: p >= its threshold; single: among its top k classes for k classes on
  the canvas) and on those it missed, and its agreement with occlusion;
* two baselines: a map of random noise, and the quadrant with the most ink;
* the time of one map on its own (a picture on the Predict page), dense model included.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from fmnist import composite, data, evaluation, registry, saliency  # noqa: E402

MODELS = ROOT / "models"
CANVAS_KINDS = ("single", "multi")


def questions(canvases: composite.Composites):
    """(canvas index, class) for every distinct garment class on every canvas."""
    if canvases.labels.ndim == 1:
        return np.arange(len(canvases)), canvases.labels.astype(np.int32)
    rows, classes = np.nonzero(canvases.labels)
    return rows, classes.astype(np.int32)


def class_in_quadrant(canvases: composite.Composites, y_test: np.ndarray) -> np.ndarray:
    """(n, 4) class of the garment in each quadrant, -1 where empty."""
    return np.where(canvases.sources == composite.EMPTY, -1, y_test[np.maximum(canvases.sources, 0)])


def hits(heat: np.ndarray, quadrant_classes: np.ndarray, classes: np.ndarray) -> np.ndarray:
    """Whether each map's hottest quadrant holds its class (a map without heat misses)."""
    shares = saliency.quadrant_shares(heat)
    hottest = shares.argmax(axis=1)
    return shares.any(axis=1) & (quadrant_classes[np.arange(len(hottest)), hottest] == classes)


def occlusion_quadrant(model, canvases: np.ndarray, classes: np.ndarray) -> np.ndarray:
    """The quadrant whose blanking lowers p(class) the most, for each (canvas, class)."""
    drops = np.zeros((len(canvases), composite.QUADRANTS))
    base = evaluation.predict(model, canvases)[np.arange(len(canvases)), classes]
    for quadrant in range(composite.QUADRANTS):
        blanked = canvases.copy()
        row, col = divmod(quadrant, 2)
        blanked[:, row * 28:(row + 1) * 28, col * 28:(col + 1) * 28] = 0
        drops[:, quadrant] = base - evaluation.predict(model, blanked)[np.arange(len(canvases)), classes]
    return drops.argmax(axis=1)


def model_found(model, kind: str, canvases: np.ndarray, classes: np.ndarray, distinct: np.ndarray,
                threshold: float) -> np.ndarray:
    """Whether the model itself answers each class: multi p >= threshold; single among its top k."""
    probs = evaluation.predict(model, canvases)
    if kind == "multi":
        return probs[np.arange(len(classes)), classes] >= threshold
    rank = (probs > probs[np.arange(len(classes)), classes][:, None]).sum(axis=1)
    return rank < distinct


def timed_maps(model, images, classes, method):
    start = time.perf_counter()
    heat = saliency.saliency_maps(model, images, classes, method)
    return heat, (time.perf_counter() - start) * 1000 / max(len(images), 1)


def compare_methods(models, sets, y_test, size: int) -> None:
    print(f"\n== every method, first {size:,} canvases of each kind: hit rate / hottest = occlusion's quadrant "
          f"(ms per map, in batches)")
    for kind, model in models.items():
        for canvas_kind, canvases in sets.items():
            canvases = canvases_head(canvases, size)
            rows, classes = questions(canvases)
            where = class_in_quadrant(canvases, y_test)[rows]
            occluded = occlusion_quadrant(model, canvases.images[rows], classes)
            figures = []
            for method in saliency.METHODS:
                heat, ms = timed_maps(model, canvases.images[rows], classes, method)
                agree = saliency.quadrant_shares(heat).argmax(axis=1) == occluded
                figures.append(f"{method} {hits(heat, where, classes).mean():.3f}/{agree.mean():.3f} ({ms:.1f} ms)")
            print(f"{kind} model on {canvas_kind} canvases, {len(rows):,} maps: " + "  ".join(figures))


def canvases_head(canvases: composite.Composites, size: int) -> composite.Composites:
    return composite.Composites(canvases.images[:size], canvases.labels[:size], canvases.sources[:size])


def default_method(models, thresholds, sets, y_test) -> None:
    method = saliency.DEFAULT_METHOD
    print(f"\n== {method} (the default) on every canvas: hit rate; on the classes the model found; "
          f"agreement with occlusion")
    for kind, model in models.items():
        for canvas_kind, canvases in sets.items():
            rows, classes = questions(canvases)
            images = canvases.images[rows]
            where = class_in_quadrant(canvases, y_test)[rows]
            heat, ms = timed_maps(model, images, classes, method)
            hit = hits(heat, where, classes)
            distinct = (np.count_nonzero(canvases.labels, axis=1)[rows] if canvases.labels.ndim == 2
                        else np.ones(len(rows)))
            found = model_found(model, kind, images, classes, distinct, thresholds.get(kind, 0.5))
            occluded = occlusion_quadrant(model, images, classes)
            agree = saliency.quadrant_shares(heat).argmax(axis=1) == occluded
            print(f"{kind} model on {canvas_kind} canvases, {len(rows):,} maps: hit {hit.mean():.3f}; "
                  f"found by the model ({found.mean():.1%} of them) {hit[found].mean():.3f}, "
                  f"missed {hit[~found].mean() if (~found).any() else float('nan'):.3f}; "
                  f"hottest = occlusion's quadrant {agree.mean():.3f}; {ms:.2f} ms per map")


def baselines(sets, y_test) -> None:
    print("\n== baselines on the same questions")
    rng = np.random.default_rng(0)
    for canvas_kind, canvases in sets.items():
        rows, classes = questions(canvases)
        where = class_in_quadrant(canvases, y_test)[rows]
        noise = rng.random((len(rows), 56, 56), dtype=np.float32)
        ink = canvases.images[rows].astype(np.float32)
        print(f"{canvas_kind} canvases, {len(rows):,} questions: random map {hits(noise, where, classes).mean():.3f}, "
              f"quadrant with the most ink {hits(ink, where, classes).mean():.3f}")


def one_map_latency(models, dense, x_test, sets, calls: int = 50) -> None:
    print(f"\n== one map on its own ({saliency.DEFAULT_METHOD}), median of {calls} calls")
    pictures = {"dense": (dense, x_test[0])}
    pictures.update({kind: (model, sets["multi"].images[0]) for kind, model in models.items()})
    for kind, (model, picture) in pictures.items():
        if model is None:
            continue
        saliency.saliency_map(model, picture, 0)  # the first call traces the gradient function
        times = []
        for call in range(calls):
            start = time.perf_counter()
            saliency.saliency_map(model, picture, call % 10)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{kind}: {statistics.median(times):.1f} ms (p95 {np.percentile(times, 95):.1f} ms)")


def load(kind: str):
    try:
        return registry.load_model(MODELS / f"{kind}.keras")
    except registry.ModelError as exc:
        print(f"{kind}: not available ({exc})")
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1000, help="canvases of each kind for the default method")
    parser.add_argument("--compare-size", type=int, default=150, help="canvases of each kind for every method")
    args = parser.parse_args()
    import keras

    print(f"keras {keras.__version__} ({keras.backend.backend()}), {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}")
    start = time.perf_counter()
    _, (x_test, y_test) = data.load_data()
    models = {kind: model for kind in CANVAS_KINDS if (model := load(kind)) is not None}
    thresholds = {kind: (registry.read_metadata(MODELS / f"{kind}.keras") or {}).get("threshold") or 0.5
                  for kind in models}
    sets = {kind: evaluation.test_composites(kind, x_test, y_test, args.size) for kind in CANVAS_KINDS}
    print(json.dumps({"canvases": {k: len(v) for k, v in sets.items()}, "thresholds": thresholds}))
    compare_methods(models, sets, y_test, args.compare_size)
    default_method(models, thresholds, sets, y_test)
    baselines(sets, y_test)
    one_map_latency(models, load("dense"), x_test, sets)
    print(f"\nbench took {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
