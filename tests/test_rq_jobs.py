"""What only the training queue on RQ workers (fmnist.rq_jobs) does: managers on several app
replicas share one Redis, workers are real ``python -m fmnist worker`` processes, trainings are real
(tiny) ones, Redis is a real server that the tests stop, hang (SIGSTOP) and start again. The
promises every queue keeps are in tests/test_training_queue.py.

Two managers on the same Redis stand for two app replicas ("A" and "B"). Where a call must not
hang, it runs under a generous guard (queue_helpers.returns_within), never a measured time.
"""

import os
import signal
import subprocess
import sys
import threading

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import challenge, jobs, registry, rq_jobs, training  # noqa: E402
from queue_helpers import (EXTRA_TRAINERS, FAULTY, ROOT, STUCK, files_of, models_without_json,  # noqa: E402
                           returns_within, rq_job, tiny, training_batches, wait_for_job, wait_for_workers,
                           worker_process)


def dense(epochs=1, train_size=2000, seed=0):
    """The tutorial model on a few thousand images: about two seconds an epoch of 20,000 on 2 cores."""
    return training.TrainConfig("dense", epochs=epochs, train_size=train_size, batch_size=32, seed=seed)


def manager(redis_url, **options):
    return rq_jobs.RQJobManager(registry.Registry(), redis_url, eval_size=200, **options)


def queued_ids(redis_url, queue="train"):
    import redis
    from rq import Queue

    return Queue(queue, connection=redis.Redis.from_url(redis_url)).job_ids


def test_a_training_asked_on_one_replica_is_watched_and_loaded_on_another(redis_url, tmp_path):
    replica_a, replica_b = manager(redis_url), manager(redis_url)
    config = dense(epochs=2, train_size=20000)
    start = threading.Barrier(10)
    answers = []

    def press(replica):
        start.wait()
        answers.append(replica.request(config, None))

    pressers = [threading.Thread(target=press, args=(replica,)) for replica in [replica_a, replica_b] * 5]
    for presser in pressers:
        presser.start()
    for presser in pressers:
        presser.join()
    assert {job.key for job in answers} == {config.key()} and {job.state for job in answers} == {jobs.QUEUED}
    assert queued_ids(redis_url) == [config.key()]  # ten presses at once on two replicas: one RQ job
    assert replica_b.position(config.key()) == 1 and [job.key for job in replica_b.active()] == [config.key()]

    with worker_process(redis_url, tmp_path, "worker-a"):
        running = wait_for_job(replica_b, config.key(), training_batches)
        assert running.progress.epochs == 2 and running.progress.batches == 625 and running.trace
        assert replica_b.position(config.key()) is None and [job.state for job in replica_a.active()] == [jobs.RUNNING]
        done = replica_b.wait(config.key(), timeout=180)

    assert done.state == jobs.DONE and done.metadata["key"] == config.key() and done.error is None
    assert len(done.history["loss"]) == 2 and done.started <= done.finished
    assert registry.load_model(done.path).output_shape == (None, 10)  # loaded from the shared registry
    again = replica_a.request(config, None)  # the eleventh press, after the training: the same job
    assert again.state == jobs.DONE and again.trace
    assert [job.key for job in replica_a.jobs()] == [job.key for job in replica_b.jobs()] == [config.key()]
    assert replica_a.active() == [] and replica_a.interrupted() == []

    rq_job(redis_url, config.key()).delete()  # Redis forgot the job (its day is over): the model is on disk
    assert replica_a.request(config, None).state == jobs.CACHED and queued_ids(redis_url) == []
    assert replica_b.get(config.key()).state == jobs.CACHED  # a replica that was not asked finds it too


def test_cancel_on_one_replica_stops_a_training_of_another_and_empties_the_queue(redis_url, tmp_path):
    replica_a, replica_b = manager(redis_url), manager(redis_url)
    long, short = dense(epochs=20, train_size=20000), dense(seed=7)
    with worker_process(redis_url, tmp_path, "worker-c"):
        replica_a.request(long, None)
        wait_for_job(replica_a, long.key(), training_batches)
        assert replica_a.request(short, None).state == jobs.QUEUED  # waits behind the long one

        replica_b.cancel(short.key())  # a waiting job leaves the queue at once
        assert replica_a.get(short.key()).state == jobs.CANCELLED
        assert replica_a.position(short.key()) is None and queued_ids(redis_url) == []

        replica_b.cancel(long.key())
        asked = replica_a.get(long.key())
        assert asked.cancelling or asked.state == jobs.CANCELLED
        stopped = replica_a.wait(long.key(), timeout=60)
        assert stopped.state == jobs.CANCELLED and stopped.progress.epoch < 20
        sentinel = dense(seed=8)  # queued after the cancelled one: trained once the worker is free
        assert replica_b.wait(replica_b.request(sentinel, None).key, timeout=90).state == jobs.DONE
        assert replica_b.get(short.key()).state == jobs.CANCELLED
        assert "started" not in rq_job(redis_url, short.key()).meta  # no worker ever took it
        assert files_of(long.key()) == [] and files_of(short.key()) == []

        again = replica_b.request(short, None)  # a cancelled job is replaced when asked for again
        assert again.state in jobs.ACTIVE and replica_b.wait(short.key(), timeout=180).state == jobs.DONE
    assert replica_a.get(long.key()).state == jobs.CANCELLED and registry.Registry().lookup(long) is None


def test_while_one_worker_trains_a_long_job_the_other_trains_the_challenge_queue(redis_url, tmp_path):
    trains = manager(redis_url)
    board = rq_jobs.RQJobManager(registry.Registry(), redis_url, trainer="challenge", queue_name="challenge")
    long = dense(epochs=50, train_size=20000)
    configs = [challenge.config_for(challenge.Choices(hidden=hidden, epochs=4)) for hidden in (16, 32, 64, 128)]
    with worker_process(redis_url, tmp_path, "worker-1"), worker_process(redis_url, tmp_path, "worker-2"):
        wait_for_workers(redis_url, ["worker-1", "worker-2"], timeout=90)
        trains.request(long, None)
        wait_for_job(trains, long.key(), training_batches)  # minutes of training ahead
        busy = rq_job(redis_url, long.key()).meta["worker"]
        keys = [board.request(config, None).key for config in configs]
        finished = [board.wait(key, timeout=180) for key in keys]
        assert trains.get(long.key()).state == jobs.RUNNING  # still busy with it all along
        trains.cancel(long.key())
        assert trains.wait(long.key(), timeout=60).state == jobs.CANCELLED
    assert [job.state for job in finished] == [jobs.DONE] * 4
    assert all("public_accuracy" in job.metadata["test"] for job in finished)  # the challenge's training
    free = ({"worker-1", "worker-2"} - {busy}).pop()
    assert {key: rq_job(redis_url, key).meta["worker"] for key in keys} == dict.fromkeys(keys, free)


def test_a_worker_killed_mid_training_leaves_a_failed_job_and_nothing_stored(redis_url, tmp_path):
    watcher = manager(redis_url)
    config = dense(epochs=3, train_size=20000)
    with worker_process(redis_url, tmp_path, "worker-killed") as doomed:
        watcher.request(config, None)
        wait_for_job(watcher, config.key(), training_batches)
        os.killpg(doomed.pid, signal.SIGKILL)  # the machine is gone
        # within the heartbeat's seconds (RQ alone would take minutes): a generous guard, not a speed
        failed = wait_for_job(watcher, config.key(), lambda job: job.state in jobs.FINISHED, timeout=90)
    assert failed.state == jobs.FAILED and failed.error == rq_jobs.LOST
    assert [job.key for job in watcher.interrupted()] == [config.key()]
    assert files_of(config.key()) == [] and registry.Registry().lookup(config) is None
    held = rq_job(redis_url, config.key())
    assert held.get_status() == "failed" and config.key() not in held.started_job_registry.get_job_ids()

    with worker_process(redis_url, tmp_path, "worker-fresh"):
        assert watcher.request(config, None).state == jobs.QUEUED  # the failed job is replaced
        done = watcher.wait(config.key(), timeout=90)
    assert done.state == jobs.DONE and registry.Registry().lookup(config) is not None
    assert watcher.interrupted() == []


def every_call(replica, config):
    """Every call a page makes on a queue, about ``config`` or a new one."""
    return (lambda: replica.get(config.key()), lambda: replica.request(dense(seed=4), None), replica.active,
            replica.jobs, replica.interrupted, lambda: replica.position(config.key()),
            lambda: replica.cancel(config.key()), lambda: replica.wait(config.key(), timeout=1))


def test_a_redis_restart_is_reported_and_then_survived(redis_url, redis_service, tmp_path):
    replica = manager(redis_url)
    config = dense(seed=3)
    assert replica.request(config, None).state == jobs.QUEUED
    redis_service.stop()
    try:
        for call in every_call(replica, config):
            with pytest.raises(jobs.QueueUnavailable, match="cannot be reached"):
                returns_within(60, call)
    finally:
        redis_service.start()  # the same port, the append-only file read back
    assert replica.get(config.key()).state == jobs.QUEUED and replica.position(config.key()) == 1
    with worker_process(redis_url, tmp_path, "worker-after"):
        assert replica.wait(config.key(), timeout=90).state == jobs.DONE
    assert registry.Registry().lookup(config) is not None


def test_a_hung_redis_is_reported_at_once_and_then_survived(redis_url, redis_service):
    """A Redis that accepts connections and never answers (SIGSTOP: a frozen host, a full swap):
    every call says the queue cannot be reached instead of hanging the page."""
    replica = manager(redis_url)
    config = dense(seed=3)
    assert replica.request(config, None).state == jobs.QUEUED
    os.kill(redis_service.process.pid, signal.SIGSTOP)
    try:
        for call in every_call(replica, config):
            with pytest.raises(jobs.QueueUnavailable, match="cannot be reached"):
                returns_within(60, call)
    finally:
        os.kill(redis_service.process.pid, signal.SIGCONT)
    assert replica.get(config.key()).state == jobs.QUEUED and replica.position(config.key()) == 1
    assert replica.request(dense(seed=4), None).state == jobs.QUEUED and replica.position(dense(seed=4).key()) == 2


@pytest.mark.parametrize("outage", ["a moment", "until the worker gives up"])
def test_redis_lost_while_a_worker_trains_ends_the_job_in_one_clear_state(outage, redis_url, redis_service, tmp_path):
    """Redis stopped mid-training, then started again: at once, or only once the worker has trained
    on, stored the model and quit because RQ could not record the job's end."""
    watcher = manager(redis_url)
    config = dense(epochs=3, train_size=20000)
    with worker_process(redis_url, tmp_path, "worker-a") as worker:
        wait_for_workers(redis_url, ["worker-a"])
        watcher.request(config, None)
        wait_for_job(watcher, config.key(), training_batches)
        redis_service.stop()  # the append-only file keeps what Redis held
        try:
            if outage != "a moment":
                assert worker.wait(timeout=300) == 1
                said = (tmp_path / "worker-a.log").read_text().strip().splitlines()[-1]
                assert said.startswith("worker: the training queue (Redis at") and "cannot be reached" in said
        finally:
            redis_service.start()
        ended = wait_for_job(watcher, config.key(), lambda job: job.state in jobs.FINISHED, timeout=180)
        assert ended.state in (jobs.DONE, jobs.FAILED), (ended.state, ended.error)
        if ended.state == jobs.DONE:  # finished and stored, whole
            assert ended.metadata["key"] == config.key() and registry.load_model(ended.path).output_shape == (None, 10)
            assert registry.Registry().lookup(config) is not None
        else:  # failed, and nothing of it written
            assert files_of(config.key()) == [] and ended.error
        assert models_without_json() == []

    with worker_process(redis_url, tmp_path, "worker-b"):  # the cluster goes on (the first may have quit)
        after = dense(seed=5)
        assert watcher.wait(watcher.request(after, None).key, timeout=120).state == jobs.DONE
        assert watcher.get(config.key()).state == ended.state  # the job's end stays as it was said


def test_a_training_stuck_where_no_signal_reaches_is_cancelled_and_its_worker_exits(redis_url, tmp_path,
                                                                                     monkeypatch):
    """Cancel, then :data:`fmnist.rq_jobs.STOP_GRACE` (10 s) later the worker's stop signal, which this
    training blocks; three times that later the job is recorded cancelled and the worker exits (its
    supervisor starts a fresh one). The 10 s signal that does reach a training is in
    tests/test_training_queue.py (the training that ignores Cancel)."""
    monkeypatch.setenv(jobs.EXTRA_TRAINERS_ENV, EXTRA_TRAINERS)
    queue = manager(redis_url, trainer=FAULTY)
    stuck = tiny(STUCK)
    with worker_process(redis_url, tmp_path, "worker-stuck") as worker:
        wait_for_workers(redis_url, ["worker-stuck"])
        queue.request(stuck, None)
        wait_for_job(queue, stuck.key(), training_batches)
        queue.cancel(stuck.key())
        assert returns_within(180, lambda: worker.wait(timeout=170)) == 70  # 30 s, with room to spare
    ended = queue.get(stuck.key())
    assert ended.state == jobs.CANCELLED and files_of(stuck.key()) == []
    assert f"training {stuck.key()} is stuck" in (tmp_path / "worker-stuck.log").read_text()


@pytest.mark.parametrize("url, says", [(None, "FMNIST_REDIS_URL is not set"),
                                       ("redis://127.0.0.1:9/0", "cannot be reached")])
def test_the_worker_command_says_what_is_missing(url, says):
    env = {k: v for k, v in os.environ.items() if k != "FMNIST_REDIS_URL"}
    if url:
        env["FMNIST_REDIS_URL"] = url
    done = subprocess.run([sys.executable, "-m", "fmnist", "worker"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
    assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
