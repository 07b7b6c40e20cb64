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


def test_a_seed_run_changes_only_the_seed():
    student = challenge.config_for(challenge.Choices(hidden=64))
    seeded = challenge.config_for(challenge.Choices(hidden=64), seed=3)
    assert seeded.seed == 3 and seeded.key() != student.key()
    assert challenge.config_for(challenge.Choices(hidden=64), seed=challenge.SEED).key() == student.key()
    assert {name: getattr(seeded, name) for name in ("hidden", "epochs", "train_size", "learning_rate")} == {
        name: getattr(student, name) for name in ("hidden", "epochs", "train_size", "learning_rate")}


# --- What the board may claim --------------------------------------------------------------------------

def test_the_wilson_interval_on_hand_worked_numbers():
    # 80% of 5,000: 0.8 +- 1.96 * sqrt(0.8 * 0.2 / 5000) = +-1.1 points, nudged towards one half
    low, high = challenge.wilson_interval(0.8, 5000)
    assert low == pytest.approx(0.78868, abs=1e-5) and high == pytest.approx(0.81085, abs=1e-5)
    # 10 right of 10: the textbook's (0.7225, 1), where accuracy +- 1.96 SE would say (1, 1)
    width = high - low
    low, high = challenge.wilson_interval(1.0, 10)
    assert low == pytest.approx(0.72247, abs=1e-5) and high == pytest.approx(1.0)
    assert challenge.wilson_interval(0.0, 10)[0] == 0.0
    # a tenth of the images, an interval about sqrt(10) = 3.16 times as wide
    low, high = challenge.wilson_interval(0.8, 500)
    assert (high - low) / width == pytest.approx(3.16, abs=0.02)


def test_two_accuracies_within_noise_of_each_other_on_a_half():
    # two scores near 80% on 5,000 images each: their difference is noise up to +-1.57 points
    assert challenge.difference_noise(0.8, 0.8, 5000) == pytest.approx(0.01568, abs=1e-5)
    assert challenge.within_noise(0.800, 0.815, 5000) and not challenge.within_noise(0.800, 0.817, 5000)
    assert challenge.within_noise(0.80, 0.83, 500)  # three points apart on 500 images: tied


def test_entries_within_noise_share_a_rank_and_a_better_score_never_ranks_lower():
    scores = [0.850, 0.842, 0.834, None, 0.700, 0.702]
    ranks = challenge.noise_ranks(scores, 5000)
    # 0.842 is 0.8 points below 0.850, inside the noise (+-1.4 points): tied; 0.834 is 1.6 points
    # below 0.850 (beyond noise) but within noise of 0.842: one entry is clearly better, rank 2;
    # 0.70 and 0.702 tie, clearly behind the three others
    assert ranks == [1, 1, 2, None, 4, 4]
    assert challenge.tied(ranks) == [True, True, False, False, True, True]
    assert challenge.noise_ranks([0.9, 0.8, 0.7], 5000) == [1, 2, 3]  # far apart: plain ranks
    assert challenge.noise_ranks([0.8, 0.8], 5000) == [1, 1]
    assert challenge.noise_ranks([0.9, 0.8, 0.7], 20) == [1, 1, 1]  # twenty images tell nothing apart
    assert challenge.noise_ranks([], 5000) == [] and challenge.tied([]) == []


def test_the_reshuffle_counts_the_moves_and_the_gaps_beyond_noise():
    # three entries: the two close ones swap places (noise), the third drops 5 points (beyond)
    found = challenge.reshuffle([0.850, 0.848, 0.800], [0.846, 0.851, 0.750], 5000)
    assert (found.entries, found.beyond_noise) == (3, 1)
    assert found.moved == 0  # the swapped pair was tied on both halves: no rank changed
    assert found.largest_gap == pytest.approx(5.0) and found.noise == pytest.approx(1.64, abs=0.01)
    calm = challenge.reshuffle([0.85, 0.80], [0.84, 0.81], 5000)
    assert (calm.moved, calm.beyond_noise) == (0, 0) and calm.largest_gap == pytest.approx(1.0)
    flipped = challenge.reshuffle([0.90, 0.80], [0.80, 0.90], 5000)
    assert (flipped.moved, flipped.beyond_noise) == (2, 2)
    assert challenge.reshuffle([], []) == challenge.Reshuffle(0, 0, 0, 0.0, 0.0)


def test_the_spread_of_one_setting_over_seeds():
    assert challenge.spread([0.84, None, 0.851, 0.846]) == (0.84, 0.851)
    assert challenge.spread([None]) is None


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
