"""Training jobs that outlive a page: queued, trained in a worker thread, watched by anyone.

    manager = JobManager(Registry())
    job = manager.request(config, dataset)     # queued, running, or at once "cached"
    manager.position(job.key)                  # 1 = next in line, None = not waiting
    job.progress, job.history                  # what any session can draw
    manager.cancel(job.key)

One manager serves the whole server (the Train page keeps it in ``st.cache_resource``),
so a browser refresh does not stop a training and every session sees every job. By
default one job trains at a time (a classroom shares two CPU cores) and the others wait
in order. Two requests for the same config share one job; a config already in the
registry is answered at once from disk. A finished model goes into the registry; a
failure becomes a one-line message, not a traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from . import training
from .registry import Registry, read_metadata

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, CACHED, FAILED, CANCELLED = "queued", "running", "done", "cached", "failed", "cancelled"
ACTIVE = (QUEUED, RUNNING)
FINISHED = (DONE, CACHED, FAILED, CANCELLED)


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

    def _record(self, progress: training.Progress) -> None:
        self.progress = progress
        loss, accuracy = progress.logs.get("loss"), progress.logs.get("accuracy")
        if progress.stage == "train" and loss is not None and accuracy is not None and progress.batch > 0:
            at = progress.epoch - 1 + progress.batch / max(progress.batches, 1)
            self.trace.append((round(at, 4), float(loss), float(accuracy)))


def readable(exc: BaseException) -> str:
    """One line a user can read: the message, or the kind of error when it has none."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text or type(exc).__name__


class JobManager:
    """Queues training requests and runs at most ``max_running`` of them at once, in threads."""

    def __init__(self, registry: Registry, max_running: int = 1, eval_size: int | None = None,
                 train_fn: Callable = training.train, keep_finished: int = 50):
        self.registry = registry
        self.max_running = max_running
        self.eval_size = eval_size
        self.train_fn = train_fn
        self.keep_finished = keep_finished
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._queue: list[str] = []  # keys of waiting jobs, first in line first
        self._datasets: dict[str, object] = {}
        self._running = 0

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

    def wait(self, key: str, timeout: float | None = None) -> Job | None:
        """Block until the job has finished (or ``timeout`` seconds passed); returns it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            job = self.get(key)
            if job is None or job.state in FINISHED:
                return job
            if deadline is not None and time.monotonic() > deadline:
                return job
            time.sleep(0.05)

    # --- working -----------------------------------------------------------------------------

    def _start_waiting(self) -> None:
        """Start queued jobs while there is room (the lock is held)."""
        while self._queue and self._running < self.max_running:
            key = self._queue.pop(0)
            job, dataset = self._jobs[key], self._datasets.pop(key)
            job.state, job.started = RUNNING, time.time()
            self._running += 1
            threading.Thread(target=self._work, args=(job, dataset), name=f"train-{key}", daemon=True).start()

    def _work(self, job: Job, dataset) -> None:
        state, error, metadata, path = FAILED, None, None, None
        try:
            result = self.train_fn(job.config, dataset, on_progress=job._record,
                                   should_stop=job.stop.is_set, eval_size=self.eval_size)
            if job.stop.is_set():
                raise training.Cancelled(f"training of {job.kind} was cancelled")
            path = self.registry.put(result)
            metadata = read_metadata(path)
            state = DONE
        except training.Cancelled:
            state = CANCELLED
        except Exception as exc:  # any failure ends this job, never the server
            log.exception("training job %s failed", job.key)
            error = readable(exc)
        finally:
            with self._lock:
                job.state, job.error, job.finished = state, error, time.time()
                job.metadata, job.path = metadata, None if path is None else str(path)
                self._running -= 1
                self._start_waiting()

    def _forget_old(self) -> None:
        """Keep the newest ``keep_finished`` finished jobs (the lock is held)."""
        finished = sorted((job for job in self._jobs.values() if job.state in FINISHED), key=lambda j: j.submitted)
        for job in finished[:max(0, len(finished) - self.keep_finished)]:
            del self._jobs[job.key]
