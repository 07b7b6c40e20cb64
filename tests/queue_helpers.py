"""What the training queue tests share: a faulty training that a worker in another process finds
by name, real ``python -m fmnist worker`` processes, waits, and a guard against a call that hangs.

The faulty training is found through ``$FMNIST_EXTRA_TRAINERS`` (:data:`EXTRA_TRAINERS`), which a
test sets in its own process (``monkeypatch.setenv``) before it starts a worker: the worker's
environment, a copy of the test's, names it too.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fmnist import jobs, registry, training
from fmnist.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
FAULTY = "faulty"  # the trainer's name
EXTRA_TRAINERS = f"{FAULTY}={Path(__file__).stem}:faulty_training"
FAILS, IGNORES_CANCEL, STUCK = 13, 14, 15  # the seeds of a config the faulty training mistreats
FAILURE = "the training fell over on purpose"


def faulty_training(config, dataset, on_progress=None, should_stop=None, eval_size=None):
    """:func:`fmnist.training.train`, except for three seeds: :data:`FAILS` raises (a two-line
    message), :data:`IGNORES_CANCEL` never asks ``should_stop`` and never ends (a training stuck
    outside its batch loop), :data:`STUCK` does the same with the worker's stop signal blocked (as
    in native code that a signal handler cannot interrupt)."""
    if config.seed == FAILS:
        raise RuntimeError(f"{FAILURE}\nsecond line of the details")
    if config.seed in (IGNORES_CANCEL, STUCK):
        if config.seed == STUCK:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
        for batch in itertools.count(1):  # reports its batches, never asks should_stop
            on_progress(Progress(epoch=1, epochs=1, batch=batch, batches=10**9, logs={"loss": 2.0, "accuracy": 0.1}))
            time.sleep(0.1)
    return training.train(config, dataset, on_progress=on_progress, should_stop=should_stop, eval_size=eval_size)


def tiny(seed=0, epochs=1):
    """The tutorial model on 600 images: a second or two."""
    return training.TrainConfig("dense", epochs=epochs, train_size=600, batch_size=64, seed=seed)


def long(seed=0):
    """The tutorial model for 50 epochs of 20,000 images: minutes, so it is still training when
    the test is done with it (and cancels it)."""
    return training.TrainConfig("dense", epochs=50, train_size=20000, batch_size=32, seed=seed)


def files_of(key: str) -> list[Path]:
    """Anything in the registry folder named after ``key``: the model, its JSON, a temporary file."""
    root = registry.Registry().root
    return sorted(root.glob(f"*{key}*")) if root.exists() else []


def models_without_json() -> list[Path]:
    root = registry.Registry().root
    return [path for path in root.glob("*.keras") if not registry.metadata_path(path).exists()] if root.exists() else []


# --- Waiting ---------------------------------------------------------------------------------------

def wait_for(condition, timeout=60.0, every=0.05):
    """Until ``condition()`` is true (returns it); a test failure after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out"
        time.sleep(every)


def wait_for_job(queue, key, condition, timeout=120.0):
    """Until ``queue`` shows the job in a state that meets ``condition``; returns that snapshot."""
    def shown():
        job = queue.get(key)
        return job if job is not None and condition(job) else None
    return wait_for(shown, timeout)


def training_batches(job) -> bool:
    return job.state == jobs.RUNNING and job.progress is not None and job.progress.batch > 0


def returns_within(seconds: float, call):
    """``call()``'s answer (or what it raised), run in a thread of its own; a test failure if it has
    not returned after ``seconds``. A guard against a hang, generous by design: not a speed."""
    outcome = {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the test as it was raised
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"the call still had not returned after {seconds} s: it hangs")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


# --- Real workers ---------------------------------------------------------------------------------

@contextlib.contextmanager
def worker_process(redis_url, folder: Path, name: str, *options):
    """A ``python -m fmnist worker`` of its own session (so that it can be killed with its group),
    stopped on the way out; its log in ``folder``. It sees this process's environment (the
    registry folder, $FMNIST_EXTRA_TRAINERS) and this folder's modules."""
    path = os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "FMNIST_REDIS_URL": redis_url, "PYTHONUNBUFFERED": "1", "PYTHONPATH": path}
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


def wait_for_workers(redis_url, names, timeout=90.0):
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
