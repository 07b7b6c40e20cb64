"""The class challenge's library: the budget, the halves, nicknames, ranks, and the warm training
process that trains one model after another without a process start each."""

from __future__ import annotations

import os
import signal
import time

import numpy as np
import pytest

from fmnist import challenge, jobs, registry, training
from fmnist.recipes import TrainConfig

pytestmark = pytest.mark.timeout(600)


def test_every_choice_spends_the_same_budget_of_images():
    for epochs in challenge.EPOCHS:
        config = challenge.config_for(challenge.Choices(epochs=epochs))
        assert config.epochs * config.train_size <= challenge.BUDGET_IMAGES
        assert config.epochs * config.train_size > challenge.BUDGET_IMAGES - epochs
        assert config.kind == "dense" and config.seed == challenge.SEED


def test_choices_outside_the_challenge_are_refused():
    for bad in (dict(hidden=1000), dict(epochs=9), dict(learning_rate=0.3), dict(normalise="min-max")):
        with pytest.raises(ValueError):
            challenge.Choices(**bad)


def test_different_choices_are_different_models_and_the_same_choices_one():
    a = challenge.config_for(challenge.Choices(hidden=64))
    assert a.key() == challenge.config_for(challenge.Choices(hidden=64)).key()
    assert a.key() != challenge.config_for(challenge.Choices(hidden=32)).key()
    assert challenge.choices_of(a) == challenge.Choices(hidden=64)


def test_the_halves_are_fixed_disjoint_and_cover_the_test_set():
    public, private = challenge.public_private()
    again, _ = challenge.public_private()
    assert np.array_equal(public, again)
    assert len(public) == len(private) == 5000
    assert not set(public) & set(private) and len(set(public) | set(private)) == 10_000
    assert public[:10].tolist() != list(range(10))  # not simply the first half


def test_half_scores_count_right_answers_in_each_half():
    labels = np.zeros(10_000, dtype=int)
    probabilities = np.zeros((10_000, 10))
    public, private = challenge.public_private()
    probabilities[public, 0] = 1  # right on the public half
    probabilities[private, 1] = 1  # wrong on the private half
    assert challenge.half_scores(probabilities, labels) == {"public_accuracy": 1.0, "private_accuracy": 0.0}


@pytest.mark.parametrize(("typed", "kept"), [("  Ana  ", "Ana"), ("a\tb\nc", "a b c"), ("<b>Bo</b>", "<b>Bo</b>"),
                                            ("x" * 40, "x" * 24), ("\x00\x07", ""), ("민지", "민지"), (None, "")])
def test_nicknames_are_plain_text(typed, kept):
    assert challenge.clean_nickname(typed) == kept


def test_ranks_share_ties_and_skip_unknown_scores():
    assert challenge.ranks([0.8, 0.9, None, 0.8]) == [2, 1, None, 2]
    assert challenge.ranks([]) == []


TINY = dict(epochs=1, train_size=600, batch_size=64)


def test_the_challenge_trainer_records_both_halves(fmnist_data, tmp_path):
    result = challenge.train(TrainConfig("dense", **TINY), fmnist_data)
    test = result.metadata()["test"]
    assert 0.3 < test["public_accuracy"] < 1 and 0.3 < test["private_accuracy"] < 1
    assert abs((test["public_accuracy"] + test["private_accuracy"]) / 2 - test["accuracy"]) < 1e-6


def test_a_model_trained_on_raw_pixels_still_takes_the_contracts_input(fmnist_data):
    from fmnist.inference import Predictor

    result = training.train(TrainConfig("dense", normalise="raw", hidden=32, **TINY), fmnist_data)
    assert "raw_pixels" in [layer.name for layer in result.model.layers]
    _, (x_test, y_test) = fmnist_data
    answers = Predictor(result.model)(x_test[:500])  # given pixels/255, as every caller does
    assert np.mean(answers.argmax(axis=1) == y_test[:500]) > 0.3


def configs(count: int) -> list[TrainConfig]:
    return [TrainConfig("dense", seed=seed, hidden=16, **TINY) for seed in range(count)]


def wait_until_training(manager, key):
    """Until the warm process reports the job's first batches."""
    deadline = time.monotonic() + 120
    while (job := manager.get(key)).state != jobs.RUNNING or job.progress is None:
        assert job.state in jobs.ACTIVE and time.monotonic() < deadline, (job.state, job.error)
        time.sleep(0.2)


def test_the_warm_process_trains_one_job_after_another_in_one_process(tmp_path):
    manager = jobs.JobManager(registry.Registry(tmp_path), trainer="challenge", warm=True, eval_size=None)
    try:
        slow = manager.request(TrainConfig("dense", epochs=30, train_size=55000, seed=2), None)
        wait_until_training(manager, slow.key)  # minutes of training ahead: the others must wait
        pid = manager._warm_child[0].pid
        keys = [manager.request(config, None).key for config in configs(2)]
        assert [manager.position(key) for key in keys] == [1, 2]  # waiting their turn, in order

        manager.cancel(slow.key)
        assert manager.wait(slow.key, timeout=60).state == jobs.CANCELLED  # stopped after its batch
        for key in keys:
            job = manager.wait(key, timeout=240)
            assert job.state == jobs.DONE, job.error
            assert "public_accuracy" in job.metadata["test"]  # the challenge's training
        assert manager._warm_child[0].pid == pid  # one process for every job, the cancelled one too
        assert all(registry.Registry(tmp_path).path_for_key(key).exists() for key in keys)
        assert not registry.Registry(tmp_path).path_for_key(slow.key).exists()
    finally:
        manager.shutdown()


def test_a_warm_process_killed_mid_job_fails_that_job_and_the_next_gets_a_new_one(tmp_path):
    manager = jobs.JobManager(registry.Registry(tmp_path), warm=True)
    try:
        slow, quick = TrainConfig("dense", epochs=30, train_size=55000, seed=1), configs(1)[0]
        first = manager.request(slow, None)
        wait_until_training(manager, first.key)
        victim = manager._warm_child[0].pid
        os.kill(victim, signal.SIGKILL)
        assert manager.wait(first.key, timeout=60).state == jobs.FAILED
        assert not registry.Registry(tmp_path).path_for_key(first.key).exists()  # nothing half-written
        second = manager.request(quick, None)
        assert manager.wait(second.key, timeout=240).state == jobs.DONE
        assert manager._warm_child[0].pid != victim
    finally:
        manager.shutdown()
