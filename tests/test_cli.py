"""The command line that reproduces the shipped models: train writes a model and its JSON, evaluate reads them."""

import dataclasses
import json
import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import cli, recipes, registry  # noqa: E402

TINY = ["--epochs", "1", "--train-size", "300", "--width", "4", "--batch-size", "64"]


def test_train_writes_the_model_and_json_that_evaluate_reads(fmnist_data, tmp_path, capsys):
    assert cli.main(["train", "multi", "--preset", "quick", *TINY, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "exact-match" in out and "wrote" in out
    epochs = [line for line in out.splitlines() if line.startswith("epoch ")]
    assert len(epochs) == 1 and "val_accuracy" in epochs[0]  # one line an epoch, with its validation figures
    meta = json.loads((tmp_path / "multi.json").read_text())
    assert meta["config"]["width"] == 4 and meta["config"]["train_size"] == 300
    assert meta["config"]["tile_answer"] == "softmax" and 0.05 <= meta["threshold"] <= 0.95
    registry.load_model(tmp_path / "multi.keras")  # safe_mode

    assert cli.main(["evaluate", "multi", "--models", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("multi: exact-match") and f"threshold {meta['threshold']}" in printed
    assert f"{meta['test']['exact_match']:.4f}" in printed  # the same figures as at training time


def test_a_recipe_that_cannot_be_trained_is_refused_with_a_message(tmp_path, capsys):
    assert cli.main(["train", "single", "--tile-answer", "sigmoid", "--out", str(tmp_path)]) == 2
    assert "tile_answer" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_evaluate_names_a_missing_model(tmp_path, capsys):
    assert cli.main(["evaluate", "single", "--models", str(tmp_path)]) == 1
    assert "single" in capsys.readouterr().err


def test_every_knob_of_a_recipe_is_an_option_of_train(capsys):
    with pytest.raises(SystemExit):
        cli.main(["train", "--help"])
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    for knob in recipes.KNOBS:
        assert knob.option in shown and knob.help in shown, knob.name
    assert "--no-flip" in shown
    args = cli.build_parser().parse_args(["train", "single"])
    assert all(getattr(args, knob.name) is None for knob in recipes.KNOBS)  # left out: the preset's value


def test_the_options_change_the_preset_they_start_from():
    args = cli.build_parser().parse_args(["train", "multi", "--preset", "quick", "--epochs", "3", "--tile-answer",
                                          "sigmoid", "--no-flip", "--empty-fraction", "0.2", "--learning-rate", "1e-3"])
    assert cli.config_from(args) == dataclasses.replace(recipes.PRESETS["multi"]["quick"], epochs=3, flip=False,
                                                        tile_answer="sigmoid", empty_fraction=0.2, learning_rate=1e-3)
    plain = cli.build_parser().parse_args(["train", "single"])
    assert cli.config_from(plain) == recipes.PRESETS["single"]["shipped"]  # the shipped model's recipe
    averaged = cli.build_parser().parse_args(["train", "single", "--preset", "full", "--mirror-average"])
    assert cli.config_from(averaged) == dataclasses.replace(recipes.PRESETS["single"]["full"], mirror_average=True)
