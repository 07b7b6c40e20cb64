"""The JSON beside every model file: what training writes into it, and how to read it back.

    card = describe(result)              # a TrainResult -> the dict saved as models/single.json
    headline_metric(card)                # ("accuracy", 0.926)
    training_facts(card)                 # epochs, images, wall time, cores, parameters; or None

The readers take whatever a JSON file held (an older format, a hand edit, a wrong type) and
return None or leave a figure out instead of raising, so a page can show what there is.
"""

from __future__ import annotations

import os
import platform
from datetime import datetime, timezone
from numbers import Real

from .contract import CANVAS_KINDS, DEFAULT_ARCH, file_stem
from .recipes import FORMAT_VERSION


def machine() -> dict:
    return {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()}


def describe(result) -> dict:
    """The metadata of a ``fmnist.training.TrainResult``: config and key, seeds, epochs, wall
    time, machine, versions, history, test metrics (and multi's decision threshold)."""
    import keras

    from .evaluation import EVAL_SEED

    card = {
        "name": file_stem(result.config.kind, result.config.arch),  # single, plain_single …
        "format": FORMAT_VERSION,
        "key": result.config.key(),
        "config": result.config.relevant(),
        "data_seed": result.config.seed,
        "eval_seed": EVAL_SEED,
        "epochs": len(result.history.get("loss", [])),
        "wall_time_s": round(result.wall_time, 1),
        "train_images_per_s": round(result.train_images_per_s, 1),
        "params": int(result.model.count_params()),
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": {"keras": keras.__version__, "backend": keras.backend.backend()},
        "history": result.history,
        "test": result.metrics,
    }
    if result.threshold is not None:
        card["threshold"] = result.threshold
    return card


# --- Reading one back ----------------------------------------------------------------------

def _number(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _section(card, name: str) -> dict:
    section = card.get(name) if isinstance(card, dict) else None
    return section if isinstance(section, dict) else {}


def test_figures(card: dict | None) -> dict:
    """The test figures that are numbers (accuracy, exact_match, micro_f1, threshold, test_images …)."""
    return {name: value for name, value in _section(card, "test").items() if _number(value)}


def exact_match_by_count(card: dict | None) -> dict | None:
    """multi's exact match per number of garments on the canvas ({"0": 0.99, "1": 0.93 …}), or None."""
    by_count = _section(card, "test").get("exact_match_by_count")
    if isinstance(by_count, dict) and by_count and all(_number(value) for value in by_count.values()):
        return by_count
    return None


def headline_metric(card: dict | None) -> tuple[str, float] | None:
    """The one test figure that sums a model up: accuracy, or exact-match for multi."""
    figures = test_figures(card)
    for name in ("exact_match", "accuracy"):
        if name in figures:
            return name, float(figures[name])
    return None


def training_facts(card: dict | None) -> dict | None:
    """How the model was trained: epochs, train_size, wall_time_s, cpus, params; None when any is
    missing or not a number (an older or hand-written JSON)."""
    if not isinstance(card, dict):
        return None
    facts = {"epochs": card.get("epochs"), "train_size": _section(card, "config").get("train_size"),
             "wall_time_s": card.get("wall_time_s"), "cpus": _section(card, "machine").get("cpus"),
             "params": card.get("params")}
    counts_ok = all(_count(facts[name]) for name in ("epochs", "train_size", "cpus", "params"))
    return facts if counts_ok and _number(facts["wall_time_s"]) else None


def mirror_averaged(card: dict | None) -> bool:
    """Whether the model answers every tile as it is and mirrored, and averages (its recipe's
    ``mirror_average``); False for a card that does not say."""
    return _section(card, "config").get("mirror_average") is True


def architecture(card: dict | None) -> str | None:
    """How a canvas model reads the canvas: "tiles" (the studio's tile network) or "plain" (the
    notebook's CNN over the whole canvas); None for dense or a card that does not say its kind.

    Tile models do not name their architecture (it was the only one when they were stored)."""
    config = _section(card, "config")
    if config.get("kind") not in CANVAS_KINDS:
        return None
    arch = config.get("arch", DEFAULT_ARCH)
    return arch if isinstance(arch, str) else None


def tile_answer(card: dict | None) -> str | None:
    """What a multi model's tile network answers ("softmax" or "sigmoid"); None for the other
    kinds and for a plain CNN.

    multi models stored before the tile answer was a choice (format 1 without the field) had
    sigmoid tiles."""
    config = _section(card, "config")
    if config.get("kind") != "multi" or architecture(card) != DEFAULT_ARCH:
        return None
    return config.get("tile_answer", "sigmoid")


def recipe_summary(card: dict | None) -> dict | None:
    """The recipe of a stored model in one row: epochs, train_size, batch_size, learning_rate,
    seed, wall_time_s (or None), trained_at ("" when unknown), arch, tile_answer; None when the
    recipe's figures are missing or not numbers."""
    if not isinstance(card, dict):
        return None
    config = _section(card, "config")
    row = {"epochs": card.get("epochs"), **{name: config.get(name) for name in
                                            ("train_size", "batch_size", "learning_rate", "seed")}}
    if not all(_count(row[name]) for name in ("epochs", "train_size", "batch_size", "seed")) \
            or not _number(row["learning_rate"]):
        return None
    wall_time = card.get("wall_time_s")
    return {**row, "wall_time_s": wall_time if _number(wall_time) else None,
            "trained_at": str(card.get("trained_at") or ""), "arch": architecture(card),
            "tile_answer": tile_answer(card)}
