"""Training rate of the shipped tile network with glibc's default malloc and with
``fmnist.runtime.keep_freed_memory`` (what ``training.train`` uses), in alternating fresh
processes, so both see the same machine:

    python bench/bench_malloc.py [--rounds 3] [--tiles 10240]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ONE_EPOCH = """
import os, resource, sys, time
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
sys.path.insert(0, {root!r})
from fmnist import runtime
if {tuned}:
    runtime.keep_freed_memory()
import numpy as np
from fmnist import data, models, training
(x_train, y_train), _ = data.load_data()
config = training.PRESETS["single"]["full"]
tiles, targets = training.tile_set("single", x_train, y_train, np.random.default_rng(0), {tiles}, config.empty_fraction)
x = data.scale_255(tiles)[..., None]
net = models.tile_network_for("single", width=config.width, convs=config.convs, blocks=config.blocks)
training._compile(net, "single", config, 1000)
net.fit(x[:1024], targets[:1024], batch_size=config.batch_size, epochs=1, verbose=0)  # warm-up
usage, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
net.fit(x, targets, batch_size=config.batch_size, epochs=1, verbose=0)
seconds, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF)
print(len(x) / seconds, (after.ru_stime - usage.ru_stime) / seconds, after.ru_minflt - usage.ru_minflt)
"""


def one_epoch(tuned: bool, tiles: int) -> tuple[float, float, int]:
    code = ONE_EPOCH.format(root=str(ROOT), tuned=tuned, tiles=tiles)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    rate, system, faults = out.split()
    return float(rate), float(system), int(faults)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tiles", type=int, default=10240)
    args = parser.parse_args()
    runs = {False: [], True: []}
    for _ in range(args.rounds):
        for tuned in (False, True):
            runs[tuned].append(one_epoch(tuned, args.tiles))
    for tuned, name in ((False, "default malloc (reference)"), (True, "keep_freed_memory")):
        rates = [rate for rate, _, _ in runs[tuned]]
        print(f"{name}: median {statistics.median(rates):,.0f} tiles/s (runs: "
              f"{', '.join(f'{r:,.0f}' for r in rates)}), system time {statistics.median(s for _, s, _ in runs[tuned]):.2f} "
              f"CPU-s per s, {statistics.median(f for _, _, f in runs[tuned]):,.0f} page faults an epoch")
    ratio = statistics.median(r for r, _, _ in runs[True]) / statistics.median(r for r, _, _ in runs[False])
    print(f"keep_freed_memory trains {ratio:.2f}x as fast as the default (medians of {args.rounds} alternating runs)")


if __name__ == "__main__":
    main()
