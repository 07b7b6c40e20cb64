"""Levers on the shipped tile networks' accuracy, each measured against the shipped model.

    python bench/bench_ablations.py
    python bench/bench_ablations.py --also /tmp/full/single.keras   # a model trained with other knobs, e.g.
                                      # python -m fmnist train single --preset full --out /tmp/full

Measured without training anything:

- test-time mirror averaging: every tile answered as it is and mirrored left-right, the two
  answers averaged before they are combined (``fmnist.models.canvas_model(...,
  mirror_average=True)``, a registered layer, so it lives inside a saved model that loads with
  ``safe_mode``). The tile networks were trained on mirrored garments too.

For each: test figures on the 10,000 test composites every model is scored on (seeded by
``evaluation.EVAL_SEED``) and on 10,000 more drawn with another seed, and one picture's
latency through ``fmnist.inference.Predictor`` (median and p95 of 200 calls).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from fmnist import composite, data, evaluation, models, registry  # noqa: E402
from fmnist.inference import Predictor  # noqa: E402

OTHER_SEED = 777  # test composites drawn independently of evaluation.EVAL_SEED


def other_composites(kind: str, x_test, y_test) -> composite.Composites:
    rng = np.random.default_rng(OTHER_SEED)
    if kind == "single":
        return composite.make_single_set(x_test, y_test, rng)
    return composite.make_multi_set(x_test, y_test, len(x_test), rng)


def figures(model, kind: str, dataset, threshold) -> str:
    shown = []
    _, (x_test, y_test) = dataset
    sets = {"test": evaluation.test_composites(kind, x_test, y_test),
            f"seed {OTHER_SEED}": other_composites(kind, x_test, y_test)}
    for name, canvases in sets.items():
        probs = evaluation.predict(model, canvases.images)
        if kind == "single":
            shown.append(f"{name}: accuracy {evaluation.accuracy(probs, canvases.labels):.4f}")
        else:
            scores = evaluation.multi_label_scores(probs, canvases.labels, threshold)
            shown.append(f"{name}: exact-match {scores['exact_match']:.4f} micro-F1 {scores['micro_f1']:.4f}")
    return "; ".join(shown)


def latency(model, calls: int = 200) -> str:
    predictor = Predictor(model)
    canvas = np.zeros((56, 56), dtype=np.uint8)
    predictor(canvas)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        predictor(canvas)
        times.append((time.perf_counter() - start) * 1000)
    return f"one picture median {statistics.median(times):.1f} ms, p95 {np.percentile(times, 95):.1f} ms"


def round_trip(model, kind: str) -> None:
    """The averaged model saved and loaded back as a shipped one would be (safe_mode)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{kind}.keras"
        registry.save_model(model, {"name": kind}, path)
        loaded = registry.load_model(path)
        canvas = np.random.default_rng(0).random((4, 56, 56, 1)).astype("float32")
        same = np.allclose(loaded.predict(canvas, verbose=0), model.predict(canvas, verbose=0), atol=1e-6)
        print(f"  saved and loaded back with safe_mode: {'same answers' if same else 'DIFFERENT ANSWERS'}")


def compare(path: Path, dataset, name: str, save: bool) -> None:
    """A tile-network model at ``path`` as it is and with mirror averaging."""
    metadata = registry.read_metadata(path) or {}
    kind = (metadata.get("config") or {}).get("kind") or path.stem
    model = registry.load_model(path)
    threshold = metadata.get("threshold", 0.5)
    network = models.tile_network_of(model)  # the same weights, answering without and with the mirror
    alone = models.canvas_model(network, kind)
    averaged = models.canvas_model(network, kind, mirror_average=True)
    epochs = (metadata.get("config") or {}).get("epochs", "?")
    saved = "mirror-averaged" if models.mirror_averages(model) else "as trained"
    print(f"\n== {kind}, {name}: {epochs} epochs, saved {saved}"
          + (f" (threshold {threshold})" if kind == "multi" else ""))
    print(f"tile network alone:       {figures(alone, kind, dataset, threshold)}; {latency(alone)}")
    print(f"mirror-averaged answers:  {figures(averaged, kind, dataset, threshold)}; {latency(averaged)}")
    if save:
        round_trip(averaged, kind)


def main() -> None:
    import argparse

    import keras

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--also", nargs="*", type=Path, default=[],
                        help="other trained tile-network models (.keras with their JSON) to measure the same way")
    args = parser.parse_args()
    print(f"keras {keras.__version__} ({keras.backend.backend()}), {time.strftime('%Y-%m-%d %H:%M')}")
    dataset = data.load_data()
    for kind in ("single", "multi"):
        compare(registry.shipped_path(kind), dataset, "shipped", save=True)
    for path in args.also:
        compare(path, dataset, str(path), save=False)


if __name__ == "__main__":
    main()
