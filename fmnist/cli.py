"""The project's command line.

    python -m fmnist check-data          verify the four archives, print where they are
    python -m fmnist facts               the dataset facts the seed notebooks print
    python -m fmnist train KIND          train dense, single or multi; writes models/KIND.keras + .json
    python -m fmnist train KIND --arch plain
                                         the notebook's plain CNN; writes models/plain_KIND.keras + .json
    python -m fmnist evaluate [NAME ...] print the test metrics of the models in models/
    python -m fmnist answers [NAME ...]  store each shipped model's answers to its test set beside it
                                         (models/KIND.answers.npz: what the Predict page shows on a
                                         freshly started server without making anyone wait)
    python -m fmnist worker [--queues challenge train] [--burst] [--name NAME]
                                         train what the app servers queue in Redis ($FMNIST_REDIS_URL),
                                         storing models in the shared registry ($FMNIST_REGISTRY)

``python -m fmnist train single`` reproduces the shipped ``models/single.keras`` (the
"shipped" preset: 24 epochs and test-time mirror averaging, 23 minutes on 2 cores),
``python -m fmnist train single --arch plain`` the shipped ``models/plain_single.keras``;
every knob of the recipe is an option, e.g. ``--epochs 2 --preset quick`` (the options are
built from ``fmnist.recipes.KNOBS``, as the Train page's widgets are).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from .contract import ARCHS, DEFAULT_ARCH, KINDS, SHIPPED_NAMES, file_stem, kind_and_arch
from .recipes import KNOBS, PRESET_NAMES, preset

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


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


def _silence_tensorflow() -> None:
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def _print_progress(progress) -> None:
    # an epoch's end is reported with its validation figures (the last batch may be reported before, without)
    if progress.stage == "train" and progress.batch == progress.batches and "val_loss" in progress.logs:
        logs = "  ".join(f"{k} {v:.4f}" for k, v in sorted(progress.logs.items()))
        print(f"epoch {progress.epoch}/{progress.epochs}  {logs}  ({progress.elapsed:.0f} s)", flush=True)
    elif progress.stage == "evaluate":
        print("evaluating on the test split ...", flush=True)


def format_metrics(kind: str, metrics: dict) -> str:
    if kind != "multi":
        return f"accuracy {metrics['accuracy']:.4f} on {metrics['test_images']:,} test images"
    by_count = "  ".join(f"{n}: {v:.3f}" for n, v in metrics["exact_match_by_count"].items())
    return (f"exact-match {metrics['exact_match']:.4f}  micro-F1 {metrics['micro_f1']:.4f}  "
            f"(threshold {metrics['threshold']}, {metrics['test_images']:,} test canvases)\n"
            f"  exact-match by object count  {by_count}")


def config_from(args):
    """The TrainConfig the ``train`` command's arguments describe: the preset of the kind and
    architecture, with the knobs given changed.

    Raises ValueError for a recipe that cannot be trained."""
    changes = {knob.name: getattr(args, knob.name) for knob in KNOBS if getattr(args, knob.name) is not None}
    arch = changes.get("arch", DEFAULT_ARCH)
    try:
        start = preset(args.kind, args.preset, arch)
    except KeyError:
        raise ValueError(f"arch {arch!r} is for the canvas models (single, multi), not {args.kind}") from None
    return dataclasses.replace(start, **changes)


def train(args) -> int:
    _silence_tensorflow()
    from . import data, registry, training

    try:
        config = config_from(args)
    except ValueError as exc:
        print(f"cannot train {args.kind}: {exc}", file=sys.stderr)
        return 2
    name = file_stem(config.kind, config.arch)
    print(f"training {name} ({args.preset} preset): {config.relevant()}", flush=True)
    result = training.train(config, data.load_data(), on_progress=_print_progress)
    out = Path(args.out) / f"{name}.keras"
    registry.save_model(result.model, result.metadata(), out, result.test_predictions)
    print(f"{name}: {format_metrics(args.kind, result.metrics)}")
    print(f"trained in {result.wall_time:.0f} s ({result.train_images_per_s:.0f} images/s); wrote {out} "
          f"({out.stat().st_size / 1e6:.2f} MB), {out.with_suffix('.json').name} and its test answers")
    return 0


def shipped_files(names: list[str], folder) -> list[tuple[str, str, Path]] | None:
    """(name, kind, .keras path) of each shipped model named, in ``folder``; None (and a message)
    when a name is not a shipped model's."""
    unknown = set(names) - set(SHIPPED_NAMES)
    if unknown:
        print(f"unknown model {sorted(unknown)}; choose from {', '.join(SHIPPED_NAMES)}", file=sys.stderr)
        return None
    return [(name, kind_and_arch(name)[0], Path(folder) / f"{name}.keras") for name in names]


def answers(args) -> int:
    _silence_tensorflow()
    from . import answer_files, data, registry

    files = shipped_files(args.names or list(SHIPPED_NAMES), args.models)
    if files is None:
        return 2
    dataset = data.load_data()
    for name, kind, path in files:
        stored = answer_files.answers_path(path)
        if answer_files.read(path, kind, dataset) is not None:
            print(f"{name}: {stored} is up to date")
            continue
        start = time.perf_counter()
        try:
            answer_files.test_predictions(path, kind, dataset, load_model=registry.load_model)
        except registry.ModelError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return 1
        if answer_files.read(path, kind, dataset) is None:
            print(f"{name}: could not write {stored}", file=sys.stderr)
            return 1
        print(f"{name}: answered {answer_files.TEST_SET_SIZE:,} test pictures in {time.perf_counter() - start:.1f} s; "
              f"wrote {stored} ({stored.stat().st_size / 1e3:.0f} kB)")
    return 0


def evaluate(args) -> int:
    _silence_tensorflow()
    from . import data, evaluation, registry

    files = shipped_files(args.kinds or list(KINDS), args.models)
    if files is None:
        return 2
    dataset = data.load_data()
    for name, kind, path in files:
        try:
            model = registry.load_model(path)
        except registry.ModelError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return 1
        threshold = (registry.read_metadata(path) or {}).get("threshold")
        print(f"{name}: {format_metrics(kind, evaluation.evaluate(model, kind, dataset, threshold=threshold))}")
    return 0


def worker(args) -> int:
    import os

    from . import jobs, rq_jobs

    url = os.environ.get(rq_jobs.REDIS_URL_ENV)
    if not url:
        print(f"{rq_jobs.REDIS_URL_ENV} is not set: a worker trains what the app servers queue in Redis; "
              f"set it to the same URL they use, e.g. redis://127.0.0.1:6379/0", file=sys.stderr)
        return 2
    _silence_tensorflow()
    try:
        return rq_jobs.run_worker(url, args.queues or rq_jobs.QUEUES, name=args.name, burst=args.burst)
    except jobs.QueueUnavailable as exc:
        print(f"worker: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # a malformed URL, or a name another live worker holds
        print(f"worker: {jobs.readable(exc)}", file=sys.stderr)
        return 2


def add_knob_options(parser: argparse.ArgumentParser) -> None:
    """An option for every knob of :data:`fmnist.recipes.KNOBS` (``--batch-size`` for batch_size),
    none given by default: a knob left out keeps the preset's value."""
    for knob in KNOBS:
        scope = [] if knob.kinds == KINDS else [", ".join(knob.kinds)]
        scope += [] if knob.archs == ARCHS else [f"--arch {' or '.join(knob.archs)}"]
        scope = f" [{'; '.join(scope)}]" if scope else ""
        if knob.type is bool:
            parser.add_argument(knob.option, action=argparse.BooleanOptionalAction, help=knob.help + scope)
        else:
            parser.add_argument(knob.option, type=knob.type, choices=knob.choices if knob.type is str else None,
                                help=knob.help + scope)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fmnist", description="Fashion-MNIST Studio's command line")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check-data", help="verify the dataset archives").set_defaults(func=check_data)
    commands.add_parser("facts", help="print the dataset facts").set_defaults(func=facts)

    trainer = commands.add_parser("train", help="train a model and write it with its JSON")
    trainer.add_argument("kind", choices=KINDS)
    trainer.add_argument("--preset", choices=PRESET_NAMES, default="shipped",
                         help="the recipe to start from: quick (10-20 s on 2 cores), full (the Train page's longest, "
                              "within 15 minutes) or shipped (the shipped model's, the default); the options below "
                              "change it")
    add_knob_options(trainer)
    trainer.add_argument("--out", default=str(MODELS_DIR), help="output folder (default: models/)")
    trainer.set_defaults(func=train)

    evaluator = commands.add_parser("evaluate", help="print the test metrics of saved models")
    evaluator.add_argument("kinds", nargs="*", metavar="NAME",
                           help=f"{', '.join(SHIPPED_NAMES)} (default: dense, single and multi)")
    evaluator.add_argument("--models", default=str(MODELS_DIR), help="folder of the .keras files")
    evaluator.set_defaults(func=evaluate)

    answerer = commands.add_parser("answers", help="store each shipped model's test answers beside it "
                                                   "(recomputed only when missing or stale)")
    answerer.add_argument("names", nargs="*", metavar="NAME", help=f"{', '.join(SHIPPED_NAMES)} (default: all)")
    answerer.add_argument("--models", default=str(MODELS_DIR), help="folder of the .keras files")
    answerer.set_defaults(func=answers)

    trainer_worker = commands.add_parser("worker", help="train the jobs queued in Redis ($FMNIST_REDIS_URL), "
                                                        "one after another in one warm process")
    trainer_worker.add_argument("--queues", nargs="+", metavar="QUEUE",
                                help="queues in the order they are served (default: challenge train; "
                                     "challenge trainings take seconds, train ones minutes)")
    trainer_worker.add_argument("--burst", action="store_true", help="quit once the queues are empty")
    trainer_worker.add_argument("--name", help="the worker's name in RQ (default: RQ's random one)")
    trainer_worker.set_defaults(func=worker)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
