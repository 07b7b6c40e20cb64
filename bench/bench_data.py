"""Data loading and composite generation speed, against seed 000's loop.

    python bench/bench_data.py [--reference-size 6000] [--repeats 5]

Prints medians over repeats. The seed's ``expand_4times2`` (a Python loop per canvas,
float64 arrays, Keras' to_categorical per garment) is re-run here as typed on ``--reference-size`` canvases and scaled linearly to 60,000.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fmnist import composite, data  # noqa: E402


def timed(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def seed_expand_4times2(x_data, y_data):
    """Seed 000's ``expand_4times2`` as typed (keras' to_categorical per garment, np.random,
    shuffle inside the loop), one canvas per call as the notebook calls it."""
    from keras.utils import to_categorical

    bg = np.zeros(shape=(28, 28))
    obj_count = np.random.randint(0, 5)
    label = np.zeros((10,))
    slots = [bg, bg, bg, bg]
    for idx in range(obj_count):
        i = np.random.randint(len(x_data))
        slots[idx] = x_data[i]
        label += to_categorical(y_data[i], 10)
        np.random.shuffle(slots)
    new_img = np.vstack([np.hstack(slots[:2]), np.hstack(slots[2:])])
    return np.array([new_img]), np.array([(label >= 1).astype(np.int8)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference-size", type=int, default=6000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    load = timed(data.load_data, args.repeats)
    (x_train, y_train), _ = data.load_data()
    print(f"load_data (70,000 images, SHA-256 verified): {load:.3f} s median of {args.repeats}")

    rng = np.random.default_rng(0)
    multi = timed(lambda: composite.make_multi_set(x_train, y_train, 60000, rng), args.repeats)
    single = timed(lambda: composite.make_single_set(x_train, y_train, rng), args.repeats)
    print(f"make_multi_set  60,000 canvases: {multi:.3f} s ({60000 / multi:,.0f} canvases/s)")
    print(f"make_single_set 60,000 canvases: {single:.3f} s ({60000 / single:,.0f} canvases/s)")

    x_float = x_train.astype(np.float64) / 255.0  # the seed works on float64 copies
    seed_expand_4times2(x_float, y_train)  # import keras outside the timing
    n = args.reference_size
    start = time.perf_counter()
    canvases, labels = zip(*(seed_expand_4times2(x_float, y_train) for _ in range(n)))
    np.array(canvases), np.array(labels)
    loop = (time.perf_counter() - start) * 60000 / n
    print(f"seed 000 loop, {n:,} canvases scaled to 60,000: {loop:.1f} s")
    print(f"speed-up of make_multi_set over the seed loop: {loop / multi:.0f}x")


if __name__ == "__main__":
    main()
