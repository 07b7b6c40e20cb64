"""The project's command line.

    python -m fmnist check-data          verify the four archives, print where they are
    python -m fmnist facts               the dataset facts the seed notebooks print
"""

from __future__ import annotations

import argparse
import sys
import time


def check_data(args) -> int:
    from . import data

    start = time.perf_counter()
    try:
        (x_train, _), (x_test, _) = data.load_data(allow_download=False)
    except data.DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Fashion-MNIST verified in {data.find_data_dir()}: {len(x_train)} train + {len(x_test)} test images "
          f"({time.perf_counter() - start:.2f} s)")
    return 0


def facts(args) -> int:
    from . import data

    (x_train, y_train), (x_test, y_test) = data.load_data()
    for split, (x, y) in (("train", (x_train, y_train)), ("test", (x_test, y_test))):
        f = data.facts(x, y)
        print(f"{split}: shape {f.shape}, pixels {f.pixel_min}-{f.pixel_max}, "
              f"brightest #{f.brightest}, darkest #{f.darkest}")
        print("  per class: " + ", ".join(f"{name} {n}" for name, n in zip(data.CLASS_NAMES, f.counts_per_class)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fmnist", description="Fashion-MNIST Studio's command line")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check-data", help="verify the dataset archives").set_defaults(func=check_data)
    commands.add_parser("facts", help="print the dataset facts").set_defaults(func=facts)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
