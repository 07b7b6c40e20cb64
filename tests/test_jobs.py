"""Training jobs: one at a time, a queue with places, shared requests, cancel, readable failures,
a process of its own per training, and a restart that finds what it left behind.

Every job trains a real (tiny) model. The queue tests train in threads (``isolate=False``) so a
gate can hold the first one back; the others train in child processes, as the app does.
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
def gated():
    trainer = GatedTrain()
    yield trainer
    trainer.gate.set()  # never leave a worker waiting


def wait_until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_one_job_trains_at_a_time_and_the_others_wait_in_order(store, gated, fmnist_data):
    manager = jobs.JobManager(store, train_fn=gated, eval_size=200, isolate=False)
    first, second, third = (manager.request(tiny(seed), fmnist_data) for seed in (1, 2, 3))

    wait_until(lambda: gated.order)
    assert [first.state, second.state, third.state] == [jobs.RUNNING, jobs.QUEUED, jobs.QUEUED]
    assert [manager.position(job.key) for job in (first, second, third)] == [None, 1, 2]
    assert [job.key for job in manager.active()] == [first.key, second.key, third.key]

    gated.gate.set()
    for job in (first, second, third):
        assert manager.wait(job.key, timeout=120).state == jobs.DONE
    assert gated.most_at_once == 1
    assert gated.order == [first.key, second.key, third.key]
    assert {entry.key for entry in store.entries()} == {first.key, second.key, third.key}
    assert manager.active() == []


def test_two_requests_for_the_same_config_share_one_job(store, gated, fmnist_data):
    manager = jobs.JobManager(store, train_fn=gated, eval_size=200, isolate=False)
    asked = manager.request(tiny(), fmnist_data)
    asked_again = manager.request(tiny(), fmnist_data)
    assert asked_again is asked
    gated.gate.set()
    manager.wait(asked.key, timeout=120)
    assert manager.request(tiny(), fmnist_data) is asked  # done: the same job, curves and all
    assert gated.order == [asked.key]


def test_a_finished_job_is_stored_with_metrics_and_curves(store, fmnist_data):
    manager = jobs.JobManager(store, eval_size=200)
    job = manager.wait(manager.request(tiny(kind="single"), fmnist_data).key, timeout=120)
    assert job.state == jobs.DONE
    assert job.path == str(store.path_for(job.config))
    assert 0 <= job.metadata["test"]["accuracy"] <= 1
    assert job.progress.stage == "done"
    curves = {(row["metric"], row["split"]) for row in job.curves()}
    assert curves == {("loss", "train"), ("accuracy", "train"), ("loss", "validation"), ("accuracy", "validation")}

    restarted = jobs.JobManager(store, train_fn=GatedTrain(), eval_size=200, isolate=False)  # e.g. the server restarted
    again = restarted.request(tiny(kind="single"), fmnist_data)
    assert again.state == jobs.CACHED and again.metadata == job.metadata
    assert {row["split"] for row in again.curves()} == {"train", "validation"}  # from the stored history


def test_cancelling_a_waiting_job_takes_it_out_of_the_queue(store, gated, fmnist_data):
    manager = jobs.JobManager(store, train_fn=gated, eval_size=200, isolate=False)
    first, second, third = (manager.request(tiny(seed), fmnist_data) for seed in (1, 2, 3))
    manager.cancel(second.key)
    assert second.state == jobs.CANCELLED
    assert manager.position(third.key) == 1
    gated.gate.set()
    assert manager.wait(third.key, timeout=120).state == jobs.DONE
    assert second.key not in gated.order
    assert store.lookup(second.config) is None


def test_a_failure_becomes_a_one_line_message_and_the_queue_goes_on(tmp_path, fmnist_data):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the registry folder should be")
    manager = jobs.JobManager(registry.Registry(blocked), eval_size=200)
    failed = manager.request(tiny(1), fmnist_data)
    after = manager.request(tiny(2), fmnist_data)
    assert manager.wait(failed.key, timeout=120).state == jobs.FAILED
    assert failed.error and "\n" not in failed.error and "Traceback" not in failed.error
    assert manager.wait(after.key, timeout=120).state == jobs.FAILED  # it ran: the failure freed the slot
    retry = manager.request(tiny(1), fmnist_data)
    assert retry is not failed  # a failed config can be asked for again
    manager.wait(retry.key, timeout=120)


def test_two_slots_train_two_jobs_at_once(store, gated, fmnist_data):
    manager = jobs.JobManager(store, max_running=2, train_fn=gated, eval_size=200, isolate=False)
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


def test_each_training_runs_in_a_process_of_its_own(store, fmnist_data):
    manager = jobs.JobManager(store, train_fn=fail_with_pid, eval_size=200)
    job = manager.wait(manager.request(tiny(), fmnist_data).key, timeout=120)
    assert job.state == jobs.FAILED
    assert job.error.startswith("trained in process ") and job.error != f"trained in process {os.getpid()}"


def test_a_crashing_training_fails_its_job_and_the_server_goes_on(store, fmnist_data):
    crashing = jobs.JobManager(store, train_fn=crash, eval_size=200)
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


def test_a_job_still_waiting_when_the_server_stopped_is_failed_after_a_restart(store, gated, fmnist_data):
    manager = jobs.JobManager(store, train_fn=gated, eval_size=200, isolate=False)
    running, waiting = manager.request(tiny(1), fmnist_data), manager.request(tiny(2), fmnist_data)
    wait_until(lambda: gated.order)
    assert waiting.state == jobs.QUEUED
    assert json.loads((store.root / "jobs" / f"{waiting.key}.json").read_text())["state"] == jobs.QUEUED

    again = GatedTrain()
    restarted = jobs.JobManager(store, train_fn=again, eval_size=200, isolate=False)
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


def test_cancel_stops_a_training_process_and_stores_nothing(store, fmnist_data):
    manager = jobs.JobManager(store, eval_size=200)
    long = tiny(kind="multi", epochs=50, train_size=2000)
    job = manager.request(long, fmnist_data)
    wait_until(lambda: job.progress is not None and job.progress.stage == "train", timeout=120)
    manager.cancel(job.key)
    assert manager.wait(job.key, timeout=60).state == jobs.CANCELLED
    assert job.progress.epoch < 50 and store.lookup(long) is None
    assert json.loads((store.root / "jobs" / f"{job.key}.json").read_text())["state"] == jobs.CANCELLED
    again = manager.request(long, fmnist_data)
    assert again is not job and again.state in jobs.ACTIVE  # asking again starts afresh
    manager.cancel(again.key)
    assert manager.wait(again.key, timeout=60).state == jobs.CANCELLED


def train_ignoring_stop(config, dataset, on_progress, should_stop, eval_size):
    """training.train that never hears the stop request (as a training stuck in a long step)."""
    return training.train(config, dataset, on_progress=on_progress, should_stop=lambda: False, eval_size=eval_size)


def test_a_training_that_ignores_the_stop_request_is_ended(store, fmnist_data, monkeypatch):
    import multiprocessing

    monkeypatch.setattr(jobs, "STOP_GRACE", 1.0)
    manager = jobs.JobManager(store, train_fn=train_ignoring_stop, eval_size=200)
    long = tiny(kind="single", epochs=50, train_size=2000)
    job = manager.request(long, fmnist_data)
    wait_until(lambda: job.progress is not None and job.progress.stage == "train", timeout=120)
    child = next(p for p in multiprocessing.active_children() if p.name == f"train-{job.key}")
    manager.cancel(job.key)
    assert manager.wait(job.key, timeout=60).state == jobs.CANCELLED
    assert not child.is_alive() and child.exitcode == -signal.SIGKILL  # ended, not stopped by itself
    assert job.progress.epoch < 50 and store.lookup(long) is None
    assert not list(store.root.glob("*.keras"))


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


def test_a_training_that_cannot_be_handed_to_a_process_fails_its_job_with_a_message(store, fmnist_data):
    manager = jobs.JobManager(store, train_fn=lambda config, dataset, **kwargs: None, eval_size=200)  # not picklable
    job = manager.wait(manager.request(tiny(), fmnist_data).key, timeout=60)
    assert job.state == jobs.FAILED and job.error and "\n" not in job.error
    assert manager.active() == []
