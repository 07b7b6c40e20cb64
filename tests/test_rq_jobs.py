"""Training on RQ workers: managers on several app replicas share one Redis, workers are real
``python -m fmnist worker`` processes, trainings are real (tiny) ones, Redis is a real server
that the tests stop and start again.

Two managers on the same Redis stand for two app replicas ("A" and "B").
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import challenge, jobs, registry, rq_jobs, training  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def dense(epochs=1, train_size=2000, seed=0):
    """The tutorial model on a few thousand images: about two seconds an epoch of 20,000 on 2 cores."""
    return training.TrainConfig("dense", epochs=epochs, train_size=train_size, batch_size=32, seed=seed)


def manager(redis_url, **options):
    return rq_jobs.RQJobManager(registry.Registry(), redis_url, eval_size=200, **options)


@contextlib.contextmanager
def worker_process(redis_url, folder: Path, name: str, *options):
    """A ``python -m fmnist worker`` of its own session (so that it can be killed with its group),
    stopped on the way out; its log in ``folder``."""
    env = {**os.environ, "FMNIST_REDIS_URL": redis_url, "PYTHONUNBUFFERED": "1"}
    with open(folder / f"{name}.log", "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "fmnist", "worker", "--name", name, *options],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def wait_for(condition, timeout=60.0, every=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out"
        time.sleep(every)


def wait_for_job(replica, key, condition, timeout=90.0):
    """Until ``replica`` shows the job in a state that meets ``condition``; returns that snapshot."""
    def shown():
        job = replica.get(key)
        return job if job is not None and condition(job) else None
    return wait_for(shown, timeout)


def training_batches(job) -> bool:
    return job.state == jobs.RUNNING and job.progress is not None and job.progress.batch > 0


def wait_for_workers(redis_url, names, timeout=60.0):
    """Until every named worker has warmed up and registered in RQ."""
    import redis
    from rq import Worker

    connection = redis.Redis.from_url(redis_url)
    try:
        wait_for(lambda: set(names) <= {w.name for w in Worker.all(connection=connection)}, timeout, every=0.2)
    finally:
        connection.close()


def rq_job(redis_url, key):
    import redis
    from rq.job import Job
    from rq.serializers import JSONSerializer

    return Job.fetch(key, connection=redis.Redis.from_url(redis_url), serializer=JSONSerializer)


def queued_ids(redis_url, queue="train"):
    import redis
    from rq import Queue

    return Queue(queue, connection=redis.Redis.from_url(redis_url)).job_ids


def files_of(key: str) -> list[Path]:
    """Anything in the registry folder named after ``key``: the model, its JSON, a temporary file."""
    root = registry.Registry().root
    return sorted(root.glob(f"*{key}*")) if root.exists() else []


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
        done = replica_b.wait(config.key(), timeout=60)

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
        stopped = replica_a.wait(long.key(), timeout=15)
        assert stopped.state == jobs.CANCELLED and stopped.progress.epoch < 20
        time.sleep(1.5)  # the worker is free now: it must not take the cancelled job
        assert replica_b.get(short.key()).state == jobs.CANCELLED
        assert files_of(long.key()) == [] and files_of(short.key()) == []

        again = replica_b.request(short, None)  # a cancelled job is replaced when asked for again
        assert again.state in jobs.ACTIVE and replica_b.wait(short.key(), timeout=60).state == jobs.DONE
    assert replica_a.get(long.key()).state == jobs.CANCELLED and registry.Registry().lookup(long) is None


def test_two_workers_share_a_queue(redis_url, tmp_path):
    board = rq_jobs.RQJobManager(registry.Registry(), redis_url, queue_name="challenge", train_fn_name="challenge")
    choices = [challenge.Choices(hidden=hidden, epochs=4) for hidden in (16, 32, 64, 128)]
    configs = [challenge.config_for(choice) for choice in choices]
    with worker_process(redis_url, tmp_path, "worker-1"), worker_process(redis_url, tmp_path, "worker-2"):
        wait_for_workers(redis_url, ["worker-1", "worker-2"], timeout=90)
        keys = [board.request(config, None).key for config in configs]
        finished = [board.wait(key, timeout=90) for key in keys]
    assert [job.state for job in finished] == [jobs.DONE] * 4
    assert all("public_accuracy" in job.metadata["test"] for job in finished)  # the challenge's train function
    trained_by = {key: rq_job(redis_url, key).meta["worker"] for key in keys}
    assert set(trained_by.values()) == {"worker-1", "worker-2"}, trained_by


def test_a_worker_killed_mid_training_leaves_a_failed_job_and_nothing_stored(redis_url, tmp_path):
    watcher = manager(redis_url)
    config = dense(epochs=3, train_size=20000)
    with worker_process(redis_url, tmp_path, "worker-killed") as doomed:
        watcher.request(config, None)
        wait_for_job(watcher, config.key(), training_batches)
        os.killpg(doomed.pid, signal.SIGKILL)  # the machine is gone
        killed = time.monotonic()
        failed = wait_for_job(watcher, config.key(), lambda job: job.state in jobs.FINISHED, timeout=30)
        noticed = time.monotonic() - killed
    assert failed.state == jobs.FAILED and failed.error == rq_jobs.LOST and noticed < 15
    assert [job.key for job in watcher.interrupted()] == [config.key()]
    assert files_of(config.key()) == [] and registry.Registry().lookup(config) is None
    held = rq_job(redis_url, config.key())
    assert held.get_status() == "failed" and config.key() not in held.started_job_registry.get_job_ids()

    with worker_process(redis_url, tmp_path, "worker-fresh"):
        assert watcher.request(config, None).state == jobs.QUEUED  # the failed job is replaced
        done = watcher.wait(config.key(), timeout=90)
    assert done.state == jobs.DONE and registry.Registry().lookup(config) is not None
    assert watcher.interrupted() == []


def test_a_redis_restart_is_reported_and_then_survived(redis_url, redis_service, tmp_path):
    replica = manager(redis_url)
    config = dense(seed=3)
    assert replica.request(config, None).state == jobs.QUEUED
    redis_service.stop()
    try:
        for call in (lambda: replica.get(config.key()), lambda: replica.request(dense(seed=4), None),
                     replica.active, replica.jobs, lambda: replica.position(config.key()),
                     lambda: replica.cancel(config.key())):
            began = time.monotonic()
            with pytest.raises(jobs.QueueUnavailable, match="cannot be reached"):
                call()
            assert time.monotonic() - began < 5
    finally:
        redis_service.start()  # the same port, the append-only file read back
    assert replica.get(config.key()).state == jobs.QUEUED and replica.position(config.key()) == 1
    with worker_process(redis_url, tmp_path, "worker-after"):
        assert replica.wait(config.key(), timeout=90).state == jobs.DONE
    assert registry.Registry().lookup(config) is not None


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
