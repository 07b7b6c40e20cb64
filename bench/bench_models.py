"""Model figures: test metrics of the shipped models, training throughput against a plain
Keras CNN measured in the same run, Quick preset wall times, single-image latency.

    python bench/bench_models.py [--skip-quick] [--full]

--full also re-trains the three Full presets (about 25 minutes on 2 cores); without it
their wall time is read from models/*.json, where `python -m fmnist train` wrote it.
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

from fmnist import composite, data, evaluation, registry, training  # noqa: E402
from fmnist.cli import format_metrics  # noqa: E402
from fmnist.inference import Predictor  # noqa: E402
from fmnist.contract import SHIPPED_NAMES, kind_and_arch  # noqa: E402

MODELS = ROOT / "models"


def plain_cnn():
    """The issue's reference: Conv32-Pool-Conv64-Pool-Dense128 on the whole 56x56 canvas."""
    import keras
    from keras import layers

    model = keras.Sequential([
        keras.Input((56, 56, 1)),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(),
        layers.Flatten(), layers.Dense(128, activation="relu"), layers.Dense(10, activation="softmax"),
    ])
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def fit_rate(model, x, y, batch_size: int) -> float:
    """Images per second of one epoch of ``fit``, after a warm-up batch."""
    model.fit(x[:batch_size], y[:batch_size], batch_size=batch_size, epochs=1, verbose=0)
    start = time.perf_counter()
    model.fit(x, y, batch_size=batch_size, epochs=1, verbose=0)
    return len(x) / (time.perf_counter() - start)


def throughput(dataset, n: int) -> None:
    """The reference fitted on canvases as arrays; the tile networks through ``training.train``,
    the trainer that made the shipped models (2 epochs of the Full recipe on ``n`` garments)."""
    (x_train, y_train), _ = dataset
    canvases = composite.make_single_set(x_train[:n], y_train[:n], np.random.default_rng(0))
    reference = fit_rate(plain_cnn(), data.scale_255(canvases.images)[..., None], canvases.labels, 32)
    print(f"plain Keras CNN on 56x56 canvases (reference): {reference:,.0f} canvases/s")
    for kind in ("single", "multi"):
        config = training.TrainConfig.from_dict({**training.PRESETS[kind]["full"].__dict__,
                                                 "epochs": 2, "train_size": n})
        rate = training.train(config, dataset, eval_size=500).train_images_per_s  # tiles/s, validation included
        # garments per canvas: 1 for single, 2 on average (0-4 uniform) for multi
        per_canvas = (1 if kind == "single" else 2) * (1 + config.empty_fraction)
        print(f"{kind} tile network (training.train): {rate:,.0f} tiles/s = {rate / per_canvas:,.0f} canvases/s "
              f"({rate / per_canvas / reference:.1f}x the reference)")


def shipped_metrics(dataset) -> None:
    for name in SHIPPED_NAMES:  # dense, the tile networks single and multi, the plain CNN pair
        kind, _ = kind_and_arch(name)
        path = MODELS / f"{name}.keras"
        try:
            model = registry.load_model(path)
        except registry.ModelError as exc:
            print(f"{name}: not available ({exc})")
            continue
        meta = registry.read_metadata(path) or {}
        metrics = evaluation.evaluate(model, kind, dataset, threshold=meta.get("threshold"))
        print(f"{name} (shipped, {meta.get('params', model.count_params()):,} parameters, "
              f"{path.stat().st_size / 1e6:.2f} MB): {format_metrics(kind, metrics)}")
        print(f"  trained in {meta.get('wall_time_s', float('nan')):.0f} s "
              f"({meta.get('epochs')} epochs, {meta.get('machine', {}).get('cpus')} CPUs) per its JSON")


def latency(dataset, calls: int = 200) -> None:
    (_, _), (x_test, y_test) = dataset
    canvas = composite.place_in_quadrant(x_test[0], 2)
    for name in SHIPPED_NAMES:
        kind, _ = kind_and_arch(name)
        try:
            model = registry.load_model(MODELS / f"{name}.keras")
        except registry.ModelError as exc:
            print(f"{name}: not available ({exc})")
            continue
        predictor = Predictor(model)
        picture = x_test[0] if kind == "dense" else canvas
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            predictor(picture)
            times.append((time.perf_counter() - start) * 1000)
        slow = []
        batch = data.scale_255(picture[None])
        batch = batch if kind == "dense" else batch[..., None]
        for _ in range(20):
            start = time.perf_counter()
            model.predict(batch, verbose=0)
            slow.append((time.perf_counter() - start) * 1000)
        print(f"{name}: one picture, median {statistics.median(times):.1f} ms, "
              f"p95 {np.percentile(times, 95):.1f} ms over {calls} calls "
              f"(model.predict: median {statistics.median(slow):.1f} ms)")


def quick_presets(dataset, presets=("quick",)) -> None:
    for preset in presets:
        for kind in training.KINDS:
            result = training.train(training.PRESETS[kind][preset], dataset)
            print(f"{kind} {preset} preset: {result.wall_time:.1f} s wall, {format_metrics(kind, result.metrics)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-quick", action="store_true")
    parser.add_argument("--full", action="store_true", help="also re-train the Full presets")
    parser.add_argument("--throughput-size", type=int, default=8192)
    args = parser.parse_args()
    import keras

    print(f"keras {keras.__version__} ({keras.backend.backend()}), {os.cpu_count()} CPUs, "
          f"{time.strftime('%Y-%m-%d')}")
    print(json.dumps(training.machine()))
    dataset = data.load_data()
    print("\n== shipped models: test metrics")
    shipped_metrics(dataset)
    print("\n== single-picture prediction latency")
    latency(dataset)
    print("\n== training throughput")
    throughput(dataset, args.throughput_size)
    presets = () if args.skip_quick else ("quick",)
    if args.full:
        presets += ("full",)
    if presets:
        print("\n== preset wall times")
        quick_presets(dataset, presets)


if __name__ == "__main__":
    main()
