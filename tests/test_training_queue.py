"""Every training queue keeps the same promises (fmnist.jobs.TrainingQueue): the same cases run
against this server's JobManager (a child process a training) and RQJobManager (a real Redis and
a real ``python -m fmnist worker``). Every job trains a real (tiny) model, or a long one that the
test cancels; the faulty training (tests/queue_helpers.py) fails or ignores Cancel on purpose.
What only one backend does is tested in tests/test_jobs.py and tests/test_rq_jobs.py.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import jobs, registry, rq_jobs, training_queue  # noqa: E402
from queue_helpers import (EXTRA_TRAINERS, FAILS, FAILURE, FAULTY, IGNORES_CANCEL, files_of, long,  # noqa: E402
                           models_without_json, tiny, training_batches, wait_for_job, wait_for_workers,
                           worker_process)

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(params=["local", "rq"])
def open_queue(request, monkeypatch, tmp_path):
    """``open_queue(trainer="train")``: a queue of the backend under test, on this test's registry
    folder; every queue opened on one backend is another server's view of the same jobs (a
    restarted server for the local one, another replica for Redis)."""
    monkeypatch.setenv(jobs.EXTRA_TRAINERS_ENV, EXTRA_TRAINERS)
    opened = []

    def local(trainer="train"):
        opened.append(jobs.JobManager(registry.Registry(), trainer=trainer, eval_size=200))
        return opened[-1]

    if request.param == "local":
        yield local
    else:
        url = request.getfixturevalue("redis_url")

        def on_redis(trainer="train"):
            opened.append(rq_jobs.RQJobManager(registry.Registry(), url, trainer=trainer, eval_size=200))
            return opened[-1]

        with worker_process(url, tmp_path, "worker"):
            wait_for_workers(url, ["worker"])
            yield on_redis
    for queue in opened:
        queue.shutdown()


def test_a_training_is_stored_and_a_stored_config_is_answered_at_once(open_queue, fmnist_data):
    queue = open_queue()
    config = tiny(epochs=2)
    job = queue.wait(queue.request(config, fmnist_data).key, timeout=180)
    assert job.state == jobs.DONE and job.error is None
    assert job.path == str(registry.Registry().path_for(config)) and job.metadata["key"] == config.key()
    assert 0 <= job.metadata["test"]["accuracy"] <= 1 and len(job.history["val_loss"]) == 2
    assert job.progress.stage == "done" and job.started <= job.finished
    curves = {(row["metric"], row["split"]) for row in job.curves()}
    assert curves == {("loss", "train"), ("accuracy", "train"), ("loss", "validation"), ("accuracy", "validation")}
    stored = os.stat(job.path).st_mtime_ns

    for asking in (queue, open_queue()):  # asked again here, and on another server (or replica)
        again = asking.request(config, fmnist_data)
        assert again.state in (jobs.DONE, jobs.CACHED) and again.metadata == job.metadata
        assert asking.active() == [] and asking.interrupted() == []
    assert os.stat(job.path).st_mtime_ns == stored  # not trained again
    assert [listed.key for listed in queue.jobs()] == [config.key()]


def test_jobs_wait_in_order_behind_the_running_one_and_one_config_is_one_job(open_queue, fmnist_data):
    queue = open_queue()
    running, first, second = long(), tiny(1), tiny(2)
    queue.request(running, fmnist_data)
    wait_for_job(queue, running.key(), training_batches)
    for config in (first, second, first):  # the first asked for twice
        assert queue.request(config, fmnist_data).state == jobs.QUEUED
    assert [queue.position(config.key()) for config in (running, first, second)] == [None, 1, 2]
    assert [job.key for job in queue.active()] == [running.key(), first.key(), second.key()]
    assert sorted(job.key for job in queue.jobs()) == sorted([running.key(), first.key(), second.key()])

    queue.cancel(running.key())
    ended = [queue.wait(config.key(), timeout=180) for config in (running, first, second)]
    assert [job.state for job in ended] == [jobs.CANCELLED, jobs.DONE, jobs.DONE]
    assert ended[0].finished <= ended[1].started and ended[1].finished <= ended[2].started  # one at a time, in order


def test_cancel_takes_a_waiting_job_out_at_once_and_stops_a_running_one_storing_nothing(open_queue, fmnist_data):
    queue = open_queue()
    running, waiting, sentinel = long(), tiny(1), tiny(2)
    queue.request(running, fmnist_data)
    wait_for_job(queue, running.key(), training_batches)
    queue.request(waiting, fmnist_data)

    queue.cancel(waiting.key())
    assert queue.get(waiting.key()).state == jobs.CANCELLED and queue.position(waiting.key()) is None
    queue.cancel(running.key())
    stopped = queue.wait(running.key(), timeout=60)
    assert stopped.state == jobs.CANCELLED and stopped.progress.epoch < running.epochs

    assert queue.wait(queue.request(sentinel, fmnist_data).key, timeout=180).state == jobs.DONE  # the slot is free
    never = queue.get(waiting.key())
    assert never.state == jobs.CANCELLED and never.started is None  # it was not trained before the sentinel
    assert files_of(running.key()) == [] and files_of(waiting.key()) == []

    again = queue.request(waiting, fmnist_data)  # asking again starts afresh
    assert again.state in jobs.ACTIVE and queue.wait(waiting.key(), timeout=180).state == jobs.DONE


def test_a_failing_training_ends_its_job_with_one_line_and_the_queue_goes_on(open_queue, fmnist_data):
    queue = open_queue(FAULTY)
    failing, fine = tiny(FAILS), tiny(1)
    queue.request(failing, fmnist_data)
    queue.request(fine, fmnist_data)
    failed = queue.wait(failing.key(), timeout=180)
    assert failed.state == jobs.FAILED and failed.error == FAILURE  # its first line, no traceback
    assert queue.wait(fine.key(), timeout=180).state == jobs.DONE
    assert files_of(failing.key()) == [] and queue.interrupted() == []

    retry = queue.request(failing, fmnist_data)  # a failed job is replaced when asked for again
    assert retry.state in jobs.ACTIVE and queue.wait(failing.key(), timeout=180).state == jobs.FAILED


def test_a_training_that_ignores_cancel_is_ended_and_the_queue_goes_on(open_queue, fmnist_data):
    queue = open_queue(FAULTY)
    stubborn, after = tiny(IGNORES_CANCEL), tiny(1)
    queue.request(stubborn, fmnist_data)
    wait_for_job(queue, stubborn.key(), training_batches)
    queue.request(after, fmnist_data)
    queue.cancel(stubborn.key())
    ended = queue.wait(stubborn.key(), timeout=90)  # STOP_GRACE (10 s) after Cancel, with room to spare
    assert ended.state == jobs.CANCELLED and files_of(stubborn.key()) == []
    assert queue.wait(after.key(), timeout=180).state == jobs.DONE
    assert models_without_json() == []


@pytest.mark.parametrize("redis_url_given", [False, True])
def test_open_queue_picks_the_backend_and_the_training_of_each_kind(redis_url_given, request):
    url = request.getfixturevalue("redis_url") if redis_url_given else None
    for kind in training_queue.KINDS:
        queue = training_queue.open_queue(kind, registry.Registry(), url, max_running=2)
        try:
            assert isinstance(queue, jobs.TrainingQueue) and queue.trainer == kind
            if url:
                assert isinstance(queue, rq_jobs.RQJobManager) and queue.queue.name == kind
            else:
                assert isinstance(queue, jobs.JobManager)
                assert (queue.warm, queue.max_running) == ((True, 1) if kind == "challenge" else (False, 2))
        finally:
            queue.shutdown()
    with pytest.raises(ValueError, match="no training queue is called"):
        training_queue.open_queue("lesson", registry.Registry(), url)
