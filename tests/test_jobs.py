"""What only this server's training queue (fmnist.jobs.JobManager) does: slots, a process of its
own per training, a crash or a kill that ends only its job, a restart that finds what it left
behind, a training that stops when its server dies. The promises every queue keeps (order,
shared requests, Cancel, failures) are in tests/test_training_queue.py.

Every job trains a real (tiny) model. Tests that hold a training back with a gate train in threads
(``isolate=False``); the others in child processes, as the app does.
"""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import json

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import jobs, registry, training  # noqa: E402


def tiny(seed=0, kind="dense", **changes):
    recipe = dict(epochs=1, train_size=300, seed=seed)
    if kind != "dense":
        recipe.update(width=4, convs=1, batch_size=64)
    return training.TrainConfig(kind, **{**recipe, **changes})


class GatedTrain:
    """training.train that waits for ``gate`` first, and records how many run at once and in what order."""

    def __init__(self):
        self.gate = threading.Event()
        self.order = []
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def __call__(self, config, dataset, **kwargs):
        with self._lock:
            self.order.append(config.key())
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            assert self.gate.wait(60), "the test never opened the gate"
            return training.train(config, dataset, **kwargs)
        finally:
            with self._lock:
                self.running -= 1


@pytest.fixture
def store(tmp_path):
    return registry.Registry(tmp_path / "registry")


@pytest.fixture
def trainer(monkeypatch):
    """A queue takes the name of its training: ``trainer(function)`` registers a test's function in
    jobs.TRAINERS for this test and returns its name."""
    def register(function) -> str:
        name = f"test-{getattr(function, '__name__', type(function).__name__)}-{id(function)}"
        monkeypatch.setitem(jobs.TRAINERS, name, function)
        return name
    return register


@pytest.fixture
def gated():
    trainer = GatedTrain()
    yield trainer
    trainer.gate.set()  # never leave a worker waiting


def wait_until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_two_slots_train_two_jobs_at_once(store, gated, fmnist_data, trainer):
    manager = jobs.JobManager(store, max_running=2, trainer=trainer(gated), eval_size=200, isolate=False)
    for seed in (1, 2, 3):
        manager.request(tiny(seed), fmnist_data)
    wait_until(lambda: len(gated.order) == 2)
    assert gated.running == 2
    gated.gate.set()
    for job in manager.jobs():
        manager.wait(job.key, timeout=120)
    assert gated.most_at_once == 2


def fail_with_pid(config, dataset, **kwargs):
    raise RuntimeError(f"trained in process {os.getpid()}")


def crash(config, dataset, **kwargs):
    os._exit(3)  # as a segfault or the kernel's OOM killer would end it: no word, no clean-up


def test_each_training_runs_in_a_process_of_its_own(store, fmnist_data, trainer):
    manager = jobs.JobManager(store, trainer=trainer(fail_with_pid), eval_size=200)
    job = manager.wait(manager.request(tiny(), fmnist_data).key, timeout=120)
    assert job.state == jobs.FAILED
    assert job.error.startswith("trained in process ") and job.error != f"trained in process {os.getpid()}"


def test_a_crashing_training_fails_its_job_and_the_server_goes_on(store, fmnist_data, trainer):
    crashing = jobs.JobManager(store, trainer=trainer(crash), eval_size=200)
    job = crashing.wait(crashing.request(tiny(1), fmnist_data).key, timeout=120)
    assert job.state == jobs.FAILED and "exit code 3" in job.error
    assert crashing.active() == []
    manager = jobs.JobManager(store, eval_size=200)
    assert manager.wait(manager.request(tiny(2), fmnist_data).key, timeout=120).state == jobs.DONE


def test_a_killed_training_leaves_no_model_and_a_restart_shows_the_job_failed(store, fmnist_data):
    import multiprocessing

    manager = jobs.JobManager(store, eval_size=200)
    long = tiny(kind="single", epochs=50, train_size=2000)
    job = manager.request(long, fmnist_data)
    wait_until(lambda: job.progress is not None and job.progress.stage == "train", timeout=120)
    record = json.loads((store.root / "jobs" / f"{job.key}.json").read_text())
    assert record["state"] == jobs.RUNNING

    restarted = jobs.JobManager(store, eval_size=200)  # what a new server finds while this one trains
    assert restarted.get(job.key).state == jobs.FAILED
    assert restarted.get(job.key).error == jobs.INTERRUPTED
    assert [interrupted.key for interrupted in restarted.interrupted()] == [job.key]

    child = next(p for p in multiprocessing.active_children() if p.name == f"train-{job.key}")
    os.kill(child.pid, signal.SIGKILL)
    assert manager.wait(job.key, timeout=60).state == jobs.FAILED
    assert store.lookup(long) is None
    assert not list(store.root.glob("*.keras")) and not list(store.root.glob(".*"))


def test_a_job_still_waiting_when_the_server_stopped_is_failed_after_a_restart(store, gated, fmnist_data, trainer):
    manager = jobs.JobManager(store, trainer=trainer(gated), eval_size=200, isolate=False)
    running, waiting = manager.request(tiny(1), fmnist_data), manager.request(tiny(2), fmnist_data)
    wait_until(lambda: gated.order)
    assert waiting.state == jobs.QUEUED
    assert json.loads((store.root / "jobs" / f"{waiting.key}.json").read_text())["state"] == jobs.QUEUED

    again = GatedTrain()
    restarted = jobs.JobManager(store, trainer=trainer(again), eval_size=200, isolate=False)
    assert {job.key for job in restarted.interrupted()} == {running.key, waiting.key}
    assert restarted.get(waiting.key).error == jobs.INTERRUPTED and restarted.position(waiting.key) is None
    assert json.loads((store.root / "jobs" / f"{waiting.key}.json").read_text())["state"] == jobs.FAILED
    retry = restarted.request(tiny(2), fmnist_data)  # the restarted server trains it when asked again
    again.gate.set()
    assert restarted.wait(retry.key, timeout=120).state == jobs.DONE
    gated.gate.set()
    manager.wait(running.key, timeout=120)


def test_corrupt_job_records_are_skipped_and_the_manager_starts(store):
    folder = store.root / "jobs"
    folder.mkdir(parents=True)
    good = tiny(1)
    corrupt = {
        "half-written.json": '{"key": "dense-0123',
        "a-list.json": json.dumps([jobs.RUNNING]),
        "config-a-list.json": json.dumps({"state": jobs.RUNNING, "config": ["dense"]}),
        "config-a-string.json": json.dumps({"state": jobs.QUEUED, "config": "dense"}),
        "unknown-kind.json": json.dumps({"state": jobs.RUNNING, "config": {"kind": "resnet"}}),
        "epochs-a-word.json": json.dumps({"state": jobs.RUNNING, "config": {"kind": "dense", "epochs": "five"}}),
        "not-utf8.json": b"\xff\xfe\x00running",
    }
    for name, content in corrupt.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    odd_times = tiny(2)
    (folder / f"{odd_times.key()}.json").write_text(json.dumps(
        {"state": jobs.RUNNING, "config": odd_times.relevant(), "submitted": "yesterday", "started": [1]}))
    (folder / f"{good.key()}.json").write_text(json.dumps(
        {"key": good.key(), "state": jobs.RUNNING, "config": good.relevant(), "submitted": 1.0e9}))

    manager = jobs.JobManager(store, eval_size=200)
    assert {job.key for job in manager.interrupted()} == {good.key(), odd_times.key()}
    assert manager.get(good.key()).submitted == 1.0e9
    odd = manager.get(odd_times.key())
    assert isinstance(odd.submitted, float) and odd.started is None
    assert [job.key for job in manager.jobs()] == [good.key(), odd_times.key()]  # sorted by when asked
    for name in ("half-written.json", "a-list.json", "not-utf8.json"):  # nothing to settle: left as found
        content = corrupt[name]
        assert (folder / name).read_bytes() == (content if isinstance(content, bytes) else content.encode())


ORPHAN = """
import sys, time
sys.path.insert(0, {root!r})
from fmnist import data, jobs, registry, training
manager = jobs.JobManager(registry.Registry({registry!r}), eval_size=200)
job = manager.request(training.TrainConfig("single", epochs=50, train_size=2000, width=4, batch_size=64),
                      data.load_data())
while job.progress is None and job.state in jobs.ACTIVE:
    time.sleep(0.1)
if job.progress is None:
    print("no training:", job.state, job.error, flush=True)
    sys.exit(1)
import multiprocessing
print(multiprocessing.active_children()[0].pid, flush=True)
time.sleep(600)
"""


def read_line(process: subprocess.Popen, timeout: float) -> str:
    """The process's next line of output, or a failure once ``timeout`` seconds have passed without one."""
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            pytest.fail(f"no line from the process in {timeout} s")
    return process.stdout.readline()


def test_a_training_stops_by_itself_when_its_server_dies(tmp_path):
    root = Path(__file__).resolve().parent.parent
    server = subprocess.Popen([sys.executable, "-c", ORPHAN.format(root=str(root), registry=str(tmp_path))],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
    try:
        line = read_line(server, timeout=180)
        assert line.strip().isdigit(), f"the server did not start a training: {line!r}"
        child = int(line)
    finally:
        server.kill()  # no clean-up: as a server killed by its host
        server.wait()
    deadline = time.monotonic() + 60
    while Path(f"/proc/{child}").exists() and Path(f"/proc/{child}/status").read_text().find("State:\tZ") < 0:
        assert time.monotonic() < deadline, "the orphaned training is still running"
        time.sleep(0.2)
    assert not list(tmp_path.glob("*.keras"))


def test_a_training_that_cannot_be_handed_to_a_process_fails_its_job_with_a_message(store, fmnist_data, trainer):
    manager = jobs.JobManager(store, trainer=trainer(lambda config, dataset, **kwargs: None),
                              eval_size=200)  # not picklable
    job = manager.wait(manager.request(tiny(), fmnist_data).key, timeout=60)
    assert job.state == jobs.FAILED and job.error and "\n" not in job.error
    assert manager.active() == []
