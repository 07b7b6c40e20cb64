"""The take-home notebook against the studio's trainer: how far apart their test figures land.

    python bench/bench_notebook.py                     # the budgets of tests/test_notebook.py, seeds 0-4
    python bench/bench_notebook.py --seeds 0 1 --kind single --train-size 4000

For each seed, trains the config with ``fmnist.training.train`` and executes the notebook of
``fmnist.notebook`` for the same config (nbclient, a fresh kernel, the data from the local
folder), and prints both test figures (accuracy; exact match for multi), their difference in
points and both wall times; then the largest difference, which ``fmnist.notebook.TOLERANCE``
must cover.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fmnist import data, notebook, recipes, training  # noqa: E402

#: The budgets tests/test_notebook.py runs (and the one this measures by default).
BUDGETS = {
    ("dense", "tiles"): dict(epochs=1, train_size=3000),
    ("single", "tiles"): dict(epochs=1, train_size=4000, width=8, batch_size=32),
    ("multi", "tiles"): dict(epochs=1, train_size=4000, width=8, batch_size=32),
    ("single", "plain"): dict(epochs=1, train_size=2000, batch_size=32),
    ("multi", "plain"): dict(epochs=1, train_size=2000, batch_size=32),
}

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--kind", nargs="*", default=["dense", "single"], choices=("dense", "single", "multi"))
parser.add_argument("--arch", default="tiles", choices=("tiles", "plain"))
parser.add_argument("--seeds", nargs="*", type=int, default=[0, 1, 2, 3, 4])
parser.add_argument("--train-size", type=int, help="instead of the test's budget")
parser.add_argument("--epochs", type=int, help="instead of the test's budget")
args = parser.parse_args()

dataset = data.load_data()
folder = str(data.find_data_dir())
for kind in args.kind:
    arch = "tiles" if kind == "dense" else args.arch
    budget = {**BUDGETS[(kind, arch)], **{name: value for name, value in
                                         (("train_size", args.train_size), ("epochs", args.epochs)) if value}}
    figure = "exact_match" if kind == "multi" else "accuracy"
    differences = []
    print(f"{kind} ({arch}), {budget}: {figure}")
    for seed in args.seeds:
        config = dataclasses.replace(recipes.preset(kind, "quick", arch), **budget, seed=seed)
        start = time.perf_counter()
        studio = training.train(config, dataset).metrics[figure]
        studio_s = time.perf_counter() - start
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as scratch:
            ran = notebook.execute(notebook.notebook_for(config, "en", folder), scratch)
        mine = notebook.figures_of(ran)[figure]
        notebook_s = time.perf_counter() - start
        differences.append(100 * (mine - studio))
        print(f"  seed {seed}: studio {studio:.4f} ({studio_s:.0f} s), notebook {mine:.4f} ({notebook_s:.0f} s): "
              f"{differences[-1]:+.2f} points", flush=True)
    print(f"  largest difference {max(map(abs, differences)):.2f} points, mean {sum(differences) / len(differences):+.2f}"
          f" (tolerance {notebook.tolerance_points(kind):g})")
