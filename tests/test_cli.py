"""The command line that reproduces the shipped models: train writes a model and its JSON, evaluate reads them."""

import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import cli, registry  # noqa: E402

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
