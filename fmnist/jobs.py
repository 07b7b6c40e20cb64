"""Training jobs that outlive a page: one interface, :class:`TrainingQueue`, and its backends.

:class:`JobManager` (the default: the jobs of one server, each trained in a child process of
it) and, for several servers, :class:`fmnist.rq_jobs.RQJobManager` (the jobs in one Redis that
every server shares, trained by ``python -m fmnist worker`` processes; :class:`QueueUnavailable`
while Redis cannot be reached). :func:`fmnist.training_queue.open_queue` picks one for a server;
``tests/test_training_queue.py`` runs the same cases against both.

    queue = JobManager(Registry(), trainer="train")
    job = queue.request(config, dataset)     # queued, running, or at once "cached"
    queue.position(job.key)                  # 1 = next in line, None = not waiting
    job.progress, job.history                # what any session can draw
    queue.cancel(job.key)
    queue.wait(job.key, timeout=60)          # the job once finished

Both are built the same way: the registry the models go to, and the name of a training in
:data:`TRAINERS` (a name is what an RQ job carries to a worker on another machine). A server
opens one queue of each kind for all its sessions (the app caches what ``open_queue`` gives), so
a browser refresh does not stop a training and every session sees every job.

What a job goes through, and who moves it:

==========  =============================================================  ======================
state       what it means                                                  set by
==========  =============================================================  ======================
queued      waiting its turn (``position`` 1 = next)                       ``request``
running     training: ``progress`` and the live ``trace`` grow             the trainer
done        trained and stored in the registry (``path``, ``metadata``)    the trainer
cached      the config was already in the registry: nothing trained        ``request``
failed      ``error`` says why in one line; nothing stored                 the trainer, a restart,
                                                                           a lost worker
cancelled   nothing stored                                                 ``cancel``
==========  =============================================================  ======================

What every backend promises (each one a case of the shared tests):

- one job a config: requests for the same config, from any session, share one job; a failed or
  cancelled one is replaced when asked for again;
- a config already stored is answered at once (CACHED, or DONE while the queue still holds the
  job that trained it), and nothing trains;
- the jobs wait in order; ``active()`` lists the running ones first, then the waiting;
- Cancel takes a waiting job out of the queue at once; a running one stops after its batch, and
  one that does not is ended :data:`STOP_GRACE` seconds later, CANCELLED (the queue goes on);
- a failure ends its job with a one-line error (:func:`readable`), never the server or a worker;
- a model is stored whole or not at all (the registry writes atomically), never without its JSON.

This module's backend, :class:`JobManager`: by default one job trains at a time (a classroom
shares two CPU cores). Each training runs in a child process (``isolate=True``): TensorFlow gets
the cores to itself instead of sharing one interpreter lock with the pages, a crash ends the job
and not the server, and Cancel first asks the training to stop after its batch, then ends the
process if it has not. Progress comes back through a pipe; the child stops by itself if the
server goes away. ``warm=True`` (the class challenge) keeps one child for every job. Every job's
state is also written to ``<registry>/jobs/<key>.json``, so that a server stopped in the middle of
a training shows that job as failed after a restart (:data:`INTERRUPTED`), never as running.
"""

from __future__ import annotations

import importlib
import json
import logging
import multiprocessing
import os
import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Callable

from . import challenge, training
from .registry import Registry, read_metadata, write_text_atomically

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, CACHED, FAILED, CANCELLED = "queued", "running", "done", "cached", "failed", "cancelled"
ACTIVE = (QUEUED, RUNNING)
FINISHED = (DONE, CACHED, FAILED, CANCELLED)
#: The error of a job that was queued or running when its server stopped.
INTERRUPTED = "the server stopped before this training finished"
STOP_GRACE = 10.0  # seconds a training has to stop after Cancel, before it is ended
WAIT_EVERY = 0.1  # seconds between a waiter's looks at its job

#: The trainings a queue runs, by name: ``train(config, dataset, on_progress=, should_stop=, eval_size=)``
#: returning a :class:`fmnist.training.TrainResult`.
TRAINERS: dict[str, Callable] = {"train": training.train, "challenge": challenge.train}
#: More trainings, for tests and experiments: ``name=module:function`` pairs, comma-separated. A
#: worker finds them only if its own environment names them too.
EXTRA_TRAINERS_ENV = "FMNIST_EXTRA_TRAINERS"


def trainer_function(name: str) -> Callable:
    """The training function :data:`TRAINERS` (or ``$FMNIST_EXTRA_TRAINERS``) names; ValueError if none."""
    if name in TRAINERS:
        return TRAINERS[name]
    extra = dict(pair.strip().split("=", 1) for pair in os.environ.get(EXTRA_TRAINERS_ENV, "").split(",")
                 if "=" in pair)
    if name in extra:
        module, _, function = extra[name].partition(":")
        return getattr(importlib.import_module(module), function)
    raise ValueError(f"no training is called {name!r}: one of {', '.join(sorted(TRAINERS))}")


class QueueUnavailable(RuntimeError):
    """The shared training queue (Redis, ``fmnist.rq_jobs``) cannot be reached right now; the
    message says so in one line, and the same manager works again once it is back."""


def trace_point(progress: training.Progress) -> tuple[float, float, float] | None:
    """The live curve's point for a report: (epoch as a float, loss, accuracy), or None for a report
    that is not a training batch."""
    loss, accuracy = progress.logs.get("loss"), progress.logs.get("accuracy")
    if progress.stage != "train" or loss is None or accuracy is None or progress.batch <= 0:
        return None
    return (round(progress.epoch - 1 + progress.batch / max(progress.batches, 1), 4), float(loss), float(accuracy))


@dataclass
class Job:
    """One requested training, as every session sees it."""

    config: training.TrainConfig
    state: str = QUEUED
    progress: training.Progress | None = None  # the latest report while running
    trace: list = field(default_factory=list)  # (epoch as a float, loss, accuracy) while training
    metadata: dict | None = None  # the stored JSON once done (or cached)
    path: str | None = None  # the stored .keras once done (or cached)
    error: str | None = None
    submitted: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    stop: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def key(self) -> str:
        return self.config.key()

    @property
    def kind(self) -> str:
        return self.config.kind

    @property
    def history(self) -> dict:
        """Per finished epoch: loss, accuracy, val_loss, val_accuracy."""
        if self.metadata is not None:
            return self.metadata.get("history") or {}
        return self.progress.history if self.progress is not None else {}

    @property
    def cancelling(self) -> bool:
        return self.state == RUNNING and self.stop.is_set()

    def curves(self) -> list[dict]:
        """Rows for the loss and accuracy charts: epoch, metric, split ("train"/"validation"), value.

        Training points follow the running batch averages inside each epoch; validation
        points come once per finished epoch.
        """
        rows = []
        points = list(self.trace)
        if not points:  # loaded from disk: only the per-epoch history is known
            history = self.history
            points = [(epoch + 1, loss, accuracy) for epoch, (loss, accuracy)
                      in enumerate(zip(history.get("loss", []), history.get("accuracy", [])))]
        for epoch, loss, accuracy in points:
            rows.append({"epoch": epoch, "metric": "loss", "split": "train", "value": loss})
            rows.append({"epoch": epoch, "metric": "accuracy", "split": "train", "value": accuracy})
        history = self.history
        for name, metric in (("val_loss", "loss"), ("val_accuracy", "accuracy")):
            for epoch, value in enumerate(history.get(name, []), start=1):
                rows.append({"epoch": float(epoch), "metric": metric, "split": "validation", "value": value})
        return rows

    def record(self) -> dict:
        """What is written to the registry's jobs folder."""
        return {"key": self.key, "config": self.config.relevant(), "state": self.state, "error": self.error,
                "submitted": self.submitted, "started": self.started, "finished": self.finished}

    def _record(self, progress: training.Progress) -> None:
        self.progress = progress
        point = trace_point(progress)
        if point is not None:
            self.trace.append(point)


def readable(exc: BaseException) -> str:
    """One line a user can read: the message, or the kind of error when it has none."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text or type(exc).__name__


def recorded_config(record: dict) -> training.TrainConfig | None:
    """The config a job record names, or None when it names none that could be trained."""
    values = record.get("config")
    if not isinstance(values, dict):
        return None
    try:
        return training.TrainConfig.from_dict(values)
    except (TypeError, ValueError):
        return None


def _recorded_time(record: dict, name: str) -> float | None:
    """A time in a job record, or None when it is not a number (the jobs are sorted by them)."""
    value = record.get(name)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


class TrainingQueue(ABC):
    """The training jobs of one queue, as every session sees them (see the module's text)."""

    registry: Registry  # where the models go, and where a config already trained is found
    trainer: str  # the name in TRAINERS of what trains each job
    eval_size: int | None  # test images each model is scored on (None: the whole test set)

    @abstractmethod
    def request(self, config: training.TrainConfig, dataset=None) -> Job:
        """The job for ``config``: the one queued or running, the stored model, or a new job.
        ``dataset`` is what a training in this server uses (a worker elsewhere loads its own)."""

    @abstractmethod
    def get(self, key: str) -> Job | None:
        """The job of a config key, or None if this queue knows none."""

    @abstractmethod
    def jobs(self) -> list[Job]:
        """Every job this queue knows, oldest first."""

    @abstractmethod
    def active(self) -> list[Job]:
        """Running jobs first, then waiting ones in queue order."""

    @abstractmethod
    def interrupted(self) -> list[Job]:
        """The jobs that failed because what trained them stopped (a server, a worker)."""

    @abstractmethod
    def position(self, key: str) -> int | None:
        """Place in the queue (1 = next to start), or None if the job is not waiting."""

    @abstractmethod
    def cancel(self, key: str) -> None:
        """Stop a job: a waiting one leaves the queue at once, a running one stops after its batch."""

    @abstractmethod
    def shutdown(self) -> None:
        """Let go of what this queue holds (a warm process, a connection); tests and benches call it."""

    def wait(self, key: str, timeout: float | None = None) -> Job | None:
        """Block until the job has finished (or ``timeout`` seconds passed); returns it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            job = self.get(key)
            if job is None or job.state in FINISHED:
                return job
            if deadline is not None and time.monotonic() > deadline:
                return job
            time.sleep(WAIT_EVERY)


# --- The child process -----------------------------------------------------------------------

def _server_gone() -> bool:
    """In a training process: has the server that started it gone away? (Its parent's sentinel,
    which works on Windows too, where a process whose parent dies keeps its parent's id.)"""
    parent = multiprocessing.parent_process()
    return parent is not None and not parent.is_alive()


def _train_in_child(train_fn, config, dataset, root: str, eval_size, pipe, stop) -> None:
    """A training job's whole life in its own process: train, store, report through ``pipe``."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

    def should_stop() -> bool:
        return stop.is_set() or _server_gone()  # asked to, or the server is gone

    try:
        _train_one(train_fn, config, dataset, root, eval_size, pipe, should_stop)
    finally:
        pipe.close()


def _train_one(train_fn, config, dataset, root: str, eval_size, pipe, should_stop) -> None:
    """Train, store and report one job through ``pipe`` (in a child process)."""
    try:
        result = train_fn(config, dataset, on_progress=lambda progress: pipe.send(("progress", progress)),
                          should_stop=should_stop, eval_size=eval_size)
        if should_stop():
            raise training.Cancelled(f"training of {config.kind} was cancelled")
        pipe.send(("done", str(Registry(root).put(result))))
    except training.Cancelled:
        pipe.send(("cancelled", None))
    except Exception as exc:  # any failure ends this job, never the server
        pipe.send(("failed", readable(exc)))


def _warm_worker(train_fn, root: str, eval_size, jobs_in, pipe, stop) -> None:
    """A warm training process: TensorFlow imported and the data loaded once, then one job after
    another from ``jobs_in`` (a config, or None to end), each reported through ``pipe`` as
    :func:`_train_in_child` reports its one job. It ends by itself if the server goes away."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras

    from .data import load_data

    dataset = load_data()

    def should_stop() -> bool:
        return stop.is_set() or _server_gone()

    try:
        while not _server_gone():
            if not jobs_in.poll(1.0):
                continue
            config = jobs_in.recv()
            if config is None:
                break
            try:
                _train_one(train_fn, config, dataset, root, eval_size, pipe, should_stop)
            finally:
                keras.backend.clear_session()  # the next job starts from a clean Keras state
    except (EOFError, OSError):
        pass  # the server closed its end
    finally:
        pipe.close()


class JobManager(TrainingQueue):
    """The jobs of one server: at most ``max_running`` train at once, in child processes of it.

    ``isolate=True`` trains each job in a child process (the trainer's function is handed to it
    by reference, so it must be a module-level function); ``isolate=False`` in a thread of this
    process (tests that hold a training back with a gate). ``warm=True`` (the class challenge:
    many small trainings) keeps one child process for every job, one after another: a new
    process and a TensorFlow import cost 3-4 s, more than a challenge's whole training.
    """

    def __init__(self, registry: Registry, *, trainer: str = "train", max_running: int = 1,
                 eval_size: int | None = None, keep_finished: int = 50, isolate: bool = True, warm: bool = False):
        self.registry = registry
        self.trainer = trainer
        self.train_fn = trainer_function(trainer)
        self.warm = warm
        self._warm_child = None  # (process, jobs pipe, reports pipe, stop event) while one is up
        self.max_running = 1 if warm else max_running
        self.eval_size = eval_size
        self.keep_finished = keep_finished
        self.isolate = isolate
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._queue: list[str] = []  # keys of waiting jobs, first in line first
        self._datasets: dict[str, object] = {}
        self._running = 0
        for record in self._settle_records():
            config = recorded_config(record)
            if config is None:
                continue
            self._jobs[config.key()] = Job(config, state=FAILED, error=INTERRUPTED,
                                           submitted=_recorded_time(record, "submitted") or time.time(),
                                           started=_recorded_time(record, "started"),
                                           finished=_recorded_time(record, "finished"))

    # --- asking ------------------------------------------------------------------------------

    def request(self, config: training.TrainConfig, dataset) -> Job:
        """The job for ``config``: the one already queued or running, the stored model, or a new job."""
        key = config.key()
        with self._lock:
            job = self._jobs.get(key)
            if job is not None and job.state in ACTIVE:
                return job
            entry = self.registry.lookup(config)
            if entry is not None:
                if job is not None and job.state in (DONE, CACHED):
                    return job  # keeps the live curves of a job trained here
                job = Job(config, state=CACHED, metadata=entry.metadata, path=str(entry.path),
                          finished=time.time())
            else:
                job = Job(config)
                self._queue.append(key)
                self._datasets[key] = dataset
                self._save(job)
            self._jobs[key] = job
            self._forget_old()
            self._start_waiting()
            return job

    def get(self, key: str) -> Job | None:
        with self._lock:
            return self._jobs.get(key)

    def jobs(self) -> list[Job]:
        """Every job this server knows, oldest first."""
        with self._lock:
            return sorted(self._jobs.values(), key=lambda job: job.submitted)

    def active(self) -> list[Job]:
        """Running jobs first, then waiting ones in queue order."""
        with self._lock:
            running = [job for job in self._jobs.values() if job.state == RUNNING]
            return running + [self._jobs[key] for key in self._queue]

    def interrupted(self) -> list[Job]:
        """The jobs that were queued or running when the server last stopped (failed since)."""
        with self._lock:
            return [job for job in self._jobs.values() if job.state == FAILED and job.error == INTERRUPTED]

    def position(self, key: str) -> int | None:
        """Place in the queue (1 = next to start), or None if the job is not waiting."""
        with self._lock:
            return self._queue.index(key) + 1 if key in self._queue else None

    def cancel(self, key: str) -> None:
        """Stop a job: a waiting one leaves the queue at once, a running one stops after its batch."""
        with self._lock:
            job = self._jobs.get(key)
            if job is None or job.state not in ACTIVE:
                return
            job.stop.set()
            if job.state == QUEUED:
                self._queue.remove(key)
                self._datasets.pop(key, None)
                job.state, job.finished = CANCELLED, time.time()
                self._save(job)

    # --- working -----------------------------------------------------------------------------

    def _start_waiting(self) -> None:
        """Start queued jobs while there is room (the lock is held)."""
        while self._queue and self._running < self.max_running:
            key = self._queue.pop(0)
            job, dataset = self._jobs[key], self._datasets.pop(key)
            job.state, job.started = RUNNING, time.time()
            self._save(job)
            self._running += 1
            work = self._work_in_warm_child if self.warm else self._work_in_child if self.isolate else self._work_in_thread
            threading.Thread(target=work, args=(job, dataset), name=f"train-{key}", daemon=True).start()

    def _work_in_thread(self, job: Job, dataset) -> None:
        state, error, path = FAILED, None, None
        try:
            result = self.train_fn(job.config, dataset, on_progress=job._record,
                                   should_stop=job.stop.is_set, eval_size=self.eval_size)
            if job.stop.is_set():
                raise training.Cancelled(f"training of {job.kind} was cancelled")
            path, state = str(self.registry.put(result)), DONE
        except training.Cancelled:
            state = CANCELLED
        except Exception as exc:  # any failure ends this job, never the server
            log.exception("training job %s failed", job.key)
            error = readable(exc)
        self._finish(job, state, error, path)

    def _work_in_child(self, job: Job, dataset) -> None:
        """Start the job's process and relay what it says until it ends (in a watcher thread)."""
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no copy of the server's threads
        receive, send = context.Pipe(duplex=False)
        stop = context.Event()
        child = context.Process(target=_train_in_child, name=f"train-{job.key}", daemon=True,
                                args=(self.train_fn, job.config, dataset, str(self.registry.root), self.eval_size,
                                      send, stop))
        outcome: tuple[str, str | None] | None = None
        try:
            child.start()
            send.close()
            outcome = self._relay(job, child, receive, stop)
        except Exception as exc:  # the process could not even start
            log.exception("training job %s could not start", job.key)
            outcome = ("failed", readable(exc))
        finally:
            if child.pid is not None:  # started
                child.join(timeout=STOP_GRACE)
                if child.is_alive():
                    child.kill()
                    child.join()
            receive.close()
        self._conclude(job, outcome, child.exitcode)

    @staticmethod
    def _relay(job: Job, child, receive, stop) -> tuple[str, str | None] | None:
        """Relay a child's reports on ``job`` until its outcome; None when the child ended without one."""
        stop_asked = None
        while True:
            if job.stop.is_set() and stop_asked is None:
                stop.set()
                stop_asked = time.monotonic()
            if stop_asked is not None and time.monotonic() - stop_asked > STOP_GRACE:
                child.kill()  # it did not stop after its batch: end it
                return ("cancelled", None)
            if receive.poll(0.2):
                try:
                    kind, value = receive.recv()
                except EOFError:  # the child ended without a word: it crashed
                    return None
                if kind == "progress":
                    job._record(value)
                else:
                    return (kind, value)
            elif not child.is_alive() and not receive.poll():
                return None

    def _conclude(self, job: Job, outcome: tuple[str, str | None] | None, exitcode) -> None:
        if outcome is None:
            outcome = ("cancelled", None) if job.stop.is_set() else (
                "failed", f"the training process ended unexpectedly (exit code {exitcode})")
        kind, value = outcome
        if kind == "done":
            self._finish(job, DONE, None, value)
        elif kind == "cancelled":
            self._finish(job, CANCELLED, None, None)
        else:
            self._finish(job, FAILED, value, None)

    def _warm_process(self):
        """The warm child, started if there is none (or it died)."""
        if self._warm_child is None or not self._warm_child[0].is_alive():
            context = multiprocessing.get_context("spawn")
            jobs_out, jobs_in = context.Pipe(duplex=False)[::-1]
            receive, send = context.Pipe(duplex=False)
            stop = context.Event()
            child = context.Process(target=_warm_worker, name="train-warm", daemon=True,
                                    args=(self.train_fn, str(self.registry.root), self.eval_size, jobs_in, send,
                                          stop))
            child.start()
            jobs_in.close()
            send.close()
            self._warm_child = (child, jobs_out, receive, stop)
        return self._warm_child

    def _work_in_warm_child(self, job: Job, dataset) -> None:
        """Hand the job to the warm child and relay what it says (the child loads its own data)."""
        outcome, exitcode = None, None
        try:
            child, jobs_out, receive, stop = self._warm_process()
            stop.clear()
            jobs_out.send(job.config)
            outcome = self._relay(job, child, receive, stop)
            if outcome is None or not child.is_alive():
                child.join(timeout=1)
                exitcode = child.exitcode
                self._warm_child = None  # it died or was ended: the next job starts a new one
        except Exception as exc:
            log.exception("training job %s could not reach the warm process", job.key)
            outcome = ("failed", readable(exc))
            self._warm_child = None
        self._conclude(job, outcome, exitcode)

    def shutdown(self) -> None:
        """End the warm child, if any (tests, benches)."""
        warm, self._warm_child = self._warm_child, None
        if warm is not None:
            child, jobs_out, _, _ = warm
            try:
                jobs_out.send(None)
            except OSError:
                pass
            child.join(timeout=5)
            if child.is_alive():
                child.kill()

    def _finish(self, job: Job, state: str, error: str | None, path: str | None) -> None:
        metadata = read_metadata(path) if path else None
        with self._lock:
            job.state, job.error, job.finished = state, error, time.time()
            job.metadata, job.path = metadata, path
            self._save(job)
            self._running -= 1
            self._start_waiting()

    def _forget_old(self) -> None:
        """Keep the newest ``keep_finished`` finished jobs (the lock is held)."""
        finished = sorted((job for job in self._jobs.values() if job.state in FINISHED), key=lambda j: j.submitted)
        for job in finished[:max(0, len(finished) - self.keep_finished)]:
            del self._jobs[job.key]

    # --- the records on disk -------------------------------------------------------------------

    @property
    def records_dir(self):
        return self.registry.root / "jobs"

    def _save(self, job: Job) -> None:
        """Write the job's state beside the models (atomically); a read-only registry only loses
        the record, never the job."""
        if job.state == CACHED:
            return
        try:
            self.records_dir.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self.records_dir / f"{job.key}.json", json.dumps(job.record()) + "\n")
        except OSError as exc:
            log.warning("could not record job %s: %s", job.key, exc)

    def _settle_records(self) -> list[dict]:
        """At start: jobs recorded as queued or running belong to a server that stopped; they
        are failed now, and returned so that the page can say so."""
        interrupted = []
        if not self.records_dir.is_dir():
            return interrupted
        for path in sorted(self.records_dir.glob("*.json")):
            if path.name.startswith("."):
                continue  # a write that never finished
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(record, dict) or record.get("state") not in ACTIVE:
                continue
            record.update(state=FAILED, error=INTERRUPTED, finished=time.time())
            try:
                write_text_atomically(path, json.dumps(record) + "\n")
            except OSError:
                pass
            interrupted.append(record)
        return interrupted
