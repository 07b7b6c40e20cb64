"""Training jobs on RQ workers, for more than one app server ($FMNIST_REDIS_URL set).

    queue = RQJobManager(Registry(), os.environ["FMNIST_REDIS_URL"])          # the Train page's
    queue = RQJobManager(Registry(), url, trainer="challenge", queue_name="challenge")
    job = queue.request(config, dataset)        # the dataset is not sent: workers load their own
    python -m fmnist worker                      # on any machine that sees Redis and the registry

:class:`RQJobManager` is a :class:`fmnist.jobs.TrainingQueue`, as :class:`fmnist.jobs.JobManager`
is, and answers with the same :class:`fmnist.jobs.Job` objects, so a page uses either
(:func:`fmnist.training_queue.open_queue` picks). Each answer is a snapshot of what Redis
holds when it is asked (a page asks again on each run, as it does); any number of managers, one a
replica, on the same Redis see the same jobs. The models go to the registry folder that every
replica and worker shares; a config already there is answered at once as CACHED, as on one server.

How it maps onto JobManager
===========================
- The RQ job's id is the config's key: ten presses anywhere in the cluster make one job. The
  enqueue is guarded by a lock in Redis (SET NX with a short expiry, then a second look), so two
  replicas pressing at the same instant still make one. A failed or cancelled job is replaced
  (deleted, enqueued again) when it is requested again.
- State: RQ's queued -> QUEUED, started -> RUNNING, finished -> DONE, failed -> FAILED, canceled
  or stopped -> CANCELLED; the worker also writes its own word in the job's meta (``state``),
  which decides between DONE and CANCELLED for a job that returned, and between FAILED and
  CANCELLED for one that failed. ``position`` is the place in this manager's queue.
- Progress, trace, error and times are in the job's meta, written by the worker at most every
  :data:`META_EVERY` seconds (and at each epoch's end); the trace is thinned to at most
  :data:`TRACE_LIMIT` points. ``metadata``/``path`` of a DONE job are read from this replica's
  registry folder.
- ``cancelling`` (the snapshot's ``stop`` event set) once Cancel was asked for a running job.
- ``interrupted()``: the jobs that failed because their worker was lost (error :data:`LOST`),
  which the Train page shows as it shows the jobs a restarted server left behind.

What lives in Redis
===================
- RQ's own keys (``rq:job:<key>``, ``rq:queue:<queue>``, its registries, results), serialised
  as JSON (:class:`rq.serializers.JSONSerializer`: nothing read from Redis is unpickled);
  finished and failed jobs are kept :data:`KEEP_S` seconds.
- ``fmnist:jobs:alive:<key>``: the worker's heartbeat for the job it trains, refreshed every
  :data:`HEARTBEAT_EVERY` s with a TTL of :data:`HEARTBEAT_TTL` s; ``fmnist:jobs:missing:<key>``:
  a manager saw it missing (lives twice the TTL; a job missing it for the TTL is lost).
- ``fmnist:jobs:cancel:<key>``: Cancel was asked; the worker reads it at most every
  :data:`CANCEL_POLL` s.
- ``fmnist:jobs:lock:<key>``: the short lock around an enqueue (or marking a job lost).
- ``fmnist:jobs:known:<queue>``: the keys requested, by time (what ``jobs()`` lists), the
  newest :data:`KEEP_KNOWN`.

What happens on each failure
============================
- Training raises: the job is FAILED with the one-line error; nothing is stored.
- Cancel of a queued job: it leaves the queue at once (RQ canceled). Of a running job: the
  flag is set, the training stops after its batch and the job ends CANCELLED, nothing stored.
  A training that has not stopped :data:`STOP_GRACE` s later (stuck outside the batch loop) is
  interrupted inside the worker (a signal raises Cancelled in its main thread); one that still
  has not stopped after three times that is recorded as cancelled and its worker exits, since
  a worker stuck in native code is of no use to anyone (run workers under a supervisor that
  restarts them, as systemd's ``Restart=always`` does).
- A worker dies (SIGKILL, the machine gone): its heartbeat expires within :data:`HEARTBEAT_TTL`
  s; once managers have seen it missing for as long again, the next one that looks at the job
  marks it FAILED with :data:`LOST`, in RQ too (out of the started registry, into the failed
  one): about 12 s, instead of RQ noticing minutes later. The
  registry writes a model under a temporary name and renames it into place, so a worker
  killed mid-training or mid-write leaves no model for that key. Requesting it again trains it
  anew. (The worker is one process, see :func:`run_worker`: there is no forked child that
  could outlive it.)
- Redis unreachable (restarting, network): every manager call raises
  :class:`fmnist.jobs.QueueUnavailable` within about :data:`QUICK_TIMEOUT` s; the same manager
  works again once Redis is back (the server keeps its append-only file, so queued jobs are
  still there). A worker keeps training through an outage (its reports are dropped meanwhile)
  and RQ's worker reconnects to dequeue. A heartbeat that expired during the outage does not
  make the job lost: the absence is counted from Redis's return, and the worker beats again
  within a second. (A network cut between one worker and Redis, Redis itself up, longer than
  twice the TTL does make it lost; that worker then finishes and stores it, and the job shows
  DONE after all, below.) RQ's own bookkeeping needs Redis when a job ends: a worker whose job
  ends during an outage quits, its model stored (its supervisor starts a fresh one).
- A worker stores the model, then cannot say so (Redis away at that moment, or it stopped): the
  registry is the truth, and a failed job whose model is stored whole shows DONE. A worker's
  heartbeat stops only after its job's last word (done, cancelled, failed) is written, so a job
  ending while a manager looks is never taken for one whose worker was lost.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import logging
import os
import signal
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.exceptions import LockError
from redis.retry import Retry
from rq import Queue, get_current_job
from rq.exceptions import DeserializationError, NoSuchJobError
from rq.job import Job as RQJob
from rq.job import JobStatus
from rq.registry import StartedJobRegistry
from rq.serializers import JSONSerializer
from rq.utils import now as rq_now

from . import jobs, training
from .jobs import CACHED, CANCELLED, DONE, FAILED, QUEUED, RUNNING, trace_point, trainer_function
from .registry import Registry, read_metadata

log = logging.getLogger(__name__)

REDIS_URL_ENV = "FMNIST_REDIS_URL"
QUEUES = ("challenge", "train")  # a worker's default order: challenge jobs take 2 s, train jobs minutes
#: The error of a job whose worker stopped (killed, machine gone) while it trained.
LOST = "the worker training this model stopped before it finished"

PREFIX = "fmnist:jobs"
HEARTBEAT_EVERY = 1.0  # seconds between a training worker's heartbeats
HEARTBEAT_TTL = 6  # seconds a heartbeat lives; a job seen without one for as long again is lost
LOST_AFTER = HEARTBEAT_TTL + 2  # seconds after its start before a job without heartbeat counts as lost
CANCEL_POLL = 0.2  # seconds between a training's looks at its cancel flag
META_EVERY = 0.3  # seconds between a training's progress writes
TRACE_LIMIT = 400  # points of the live curve kept in Redis
STOP_GRACE = jobs.STOP_GRACE  # seconds a cancelled training has to stop before it is interrupted
QUICK_TIMEOUT = 2.0  # seconds a manager waits for Redis before saying it is unavailable
LOCK_TTL, LOCK_WAIT = 5, 3  # seconds the enqueue lock lives, and a second presser waits for it
KEEP_S = 24 * 3600  # seconds finished, failed and cancelled jobs stay in Redis
KEEP_KNOWN = 200  # keys jobs() lists, newest
KEEP_CACHED = 50  # models a manager remembers answering from the registry
JOB_TIMEOUT = 4 * 3600  # RQ's limit for one training (the longest recipe takes half an hour on 2 cores)
ACTIVE_STATUSES = (JobStatus.QUEUED, JobStatus.DEFERRED, JobStatus.SCHEDULED)


def _alive_key(key: str) -> str:
    return f"{PREFIX}:alive:{key}"


def _cancel_key(key: str) -> str:
    return f"{PREFIX}:cancel:{key}"


def _missing_key(key: str) -> str:
    return f"{PREFIX}:missing:{key}"


def _lock_key(key: str) -> str:
    return f"{PREFIX}:lock:{key}"


def _known_key(queue: str) -> str:
    return f"{PREFIX}:known:{queue}"


def connect(url: str, timeout: float = QUICK_TIMEOUT) -> redis.Redis:
    """A Redis client that gives up after ``timeout`` seconds and one immediate retry (a connection
    the server dropped on a restart is opened again once), so that a page never hangs."""
    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                retry=Retry(NoBackoff(), 1))


def unavailable(exc: BaseException, url: str | None = None) -> jobs.QueueUnavailable:
    where = f" at {_without_password(url)}" if url else ""
    return jobs.QueueUnavailable(f"the training queue (Redis{where}) cannot be reached: {jobs.readable(exc)}")


def _without_password(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}" if rest else url


def _epoch(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def _plain(value):
    """``value`` with NumPy scalars made floats, for JSON."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return float(value)


# --- The worker side -------------------------------------------------------------------------

_dataset = None


def warm_up():
    """Import TensorFlow and Keras and load the dataset, once per worker; returns the dataset."""
    global _dataset
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    importlib.import_module("keras")  # most of a cold start

    from .data import load_data

    if _dataset is None:
        _dataset = load_data()
    return _dataset


class _Reporter:
    """One training's line to Redis inside a worker: progress into the job's meta (throttled), the
    cancel flag (read at most every CANCEL_POLL s), the heartbeat (a thread), and the last resort
    for a training that does not stop when asked."""

    def __init__(self, job: RQJob, client: redis.Redis):
        self.job, self.client, self.key = job, client, job.id
        self.trace: list = []
        self.interruptible = False  # a stop signal raises Cancelled only while the training runs
        self._checked = 0.0
        self._stop = False
        self._written = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{self.key}", daemon=True)

    # the heartbeat ------------------------------------------------------------------------------
    def start(self) -> None:
        self._alive()
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join(timeout=5)
        try:
            self.client.delete(_alive_key(self.key))
        except redis.RedisError:
            pass

    def _alive(self) -> None:
        try:
            self.client.set(_alive_key(self.key), self.job.worker_name or "?", ex=HEARTBEAT_TTL)
        except redis.RedisError as exc:
            log.warning("heartbeat of %s not written: %s", self.key, exc)

    def _beat(self) -> None:
        asked = None  # when this thread first saw the cancel flag
        interrupted = False
        while not self._done.wait(HEARTBEAT_EVERY):
            self._alive()
            if asked is None and self.cancel_asked():
                asked = time.monotonic()
            if asked is None or not self.interruptible:
                continue
            waited = time.monotonic() - asked
            if waited > STOP_GRACE and not interrupted and threading.main_thread().is_alive():
                log.warning("training %s did not stop after its batch: interrupting it", self.key)
                signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)
                interrupted = True
            elif waited > 3 * STOP_GRACE:
                log.error("training %s is stuck: recording it cancelled and ending this worker", self.key)
                self.write(state=CANCELLED, finished=time.time())
                os._exit(70)

    # what the training calls --------------------------------------------------------------------
    def cancel_asked(self) -> bool:
        try:
            return bool(self.client.exists(_cancel_key(self.key)))
        except redis.RedisError:
            return False  # Redis away for a moment: carry on training

    def should_stop(self) -> bool:
        if not self._stop and time.monotonic() - self._checked >= CANCEL_POLL:
            self._checked = time.monotonic()
            self._stop = self.cancel_asked()
        return self._stop

    def report(self, progress: training.Progress) -> None:
        point = trace_point(progress)
        if point is not None:
            self.trace.append(point)
            if len(self.trace) > TRACE_LIMIT:
                self.trace = self.trace[::2]  # every other point: the curve's whole length, half the points
        ends_epoch = progress.batch >= progress.batches or progress.stage != "train"
        if ends_epoch or time.monotonic() - self._written >= META_EVERY:
            self.write(progress=_plain(dataclasses.asdict(progress)), trace=_plain(self.trace))

    def write(self, **fields) -> None:
        """Update the job's meta in Redis (what ``job.save_meta()`` does, through this short-timeout
        client); a write lost to a Redis outage only loses a report."""
        self.job.meta.update(fields)
        self._written = time.monotonic()
        try:
            self.client.hset(self.job.key, "meta", self.job.serializer.dumps(self.job.meta))
        except redis.RedisError as exc:
            log.warning("progress of %s not written: %s", self.key, exc)


def _quick_client(connection: redis.Redis) -> redis.Redis:
    """A client to the worker's Redis with short timeouts (the worker's own waits minutes on BLPOP)."""
    kwargs = dict(connection.connection_pool.connection_kwargs)
    kwargs.update(socket_timeout=QUICK_TIMEOUT, socket_connect_timeout=QUICK_TIMEOUT)
    pool = redis.ConnectionPool(connection_class=connection.connection_pool.connection_class, **kwargs)
    return redis.Redis(connection_pool=pool)


def run_training(config_values: dict, trainer: str = "train", eval_size: int | None = None) -> dict:
    """The RQ job: train ``config_values`` (a TrainConfig as a dict) with the training
    :data:`fmnist.jobs.TRAINERS` names ``trainer``, store the model in this worker's registry
    ($FMNIST_REGISTRY), report through Redis. Jobs already in Redis name this function by its
    dotted path (``fmnist.rq_jobs.run_training``) and its arguments by position: keep both.

    Returns ``{"state": "done", "path": ...}`` or ``{"state": "cancelled"}``; a failure raises
    (RQ marks the job failed) after writing its one-line error into the job's meta."""
    import keras

    job = get_current_job()
    if job is None:
        raise RuntimeError("run_training runs inside an RQ worker")
    config = training.TrainConfig.from_dict(config_values)
    train_fn = trainer_function(trainer)
    if config.key() != job.id:
        raise ValueError(f"job {job.id} does not hold the config of that key ({config.key()})")
    reporter = _Reporter(job, _quick_client(job.connection))
    reporter.write(state=RUNNING, worker=job.worker_name, started=time.time(), error=None)
    if reporter.cancel_asked():  # cancelled while a worker was taking it from the queue
        reporter.write(state=CANCELLED, finished=time.time())
        return {"state": CANCELLED}

    def interrupt(signum, frame):
        if reporter.interruptible:
            raise training.Cancelled(f"training of {config.kind} was cancelled (it did not stop after its batch)")

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGUSR1, interrupt) if in_main else None
    reporter.start()
    try:
        dataset = _dataset if _dataset is not None else warm_up()
        reporter.interruptible = True
        try:
            result = train_fn(config, dataset, on_progress=reporter.report, should_stop=reporter.should_stop,
                              eval_size=eval_size)
        finally:
            reporter.interruptible = False  # never while the model is written
        if reporter.cancel_asked():
            raise training.Cancelled(f"training of {config.kind} was cancelled")
        path = Registry().put(result)
        reporter.write(state=DONE, path=str(path), finished=time.time())
    except training.Cancelled:
        reporter.write(state=CANCELLED, finished=time.time())
        return {"state": CANCELLED}
    except Exception as exc:  # any failure ends this job, never the worker
        reporter.write(state=FAILED, error=jobs.readable(exc), finished=time.time())
        raise
    finally:  # the heartbeat stops only after the job's last word: never a running job without one
        reporter.stop()
        if in_main:
            signal.signal(signal.SIGUSR1, previous)
        keras.backend.clear_session()  # the next job starts from a clean Keras state
    return {"state": DONE, "path": str(path)}


def run_worker(url: str, queues=QUEUES, name: str | None = None, burst: bool = False) -> int:
    """Connect, warm up (TensorFlow imported, the dataset loaded), then train job after job.

    The worker is RQ's :class:`~rq.SimpleWorker`: jobs run in this one process, which keeps
    TensorFlow and the dataset warm between them (a new process and a TensorFlow import cost
    3-4 s, more than a challenge training; measured here, a challenge model took 1.5-2.0 s in a
    warm process against 2.1-2.8 s in a child forked from one), and Keras's state is cleared
    after each job. The forking :class:`~rq.Worker` would fork after TensorFlow's import, which
    TensorFlow does not promise to survive, and its child sets a process group of its own, so
    a worker killed with its group would leave the child training. What the forking worker
    gives, RQ's stop-job command, is done here inside the job (see :class:`_Reporter`).

    Raises :class:`fmnist.jobs.QueueUnavailable` if Redis cannot be reached at the start, or is
    gone when a job ends (RQ's bookkeeping of the job, and of the worker's own end, need it: the
    worker quits, its model stored; a supervisor starts a fresh one).
    """
    from rq import SimpleWorker

    connection = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5, health_check_interval=30)
    try:
        connection.ping()
    except redis.RedisError as exc:
        raise unavailable(exc, url) from exc
    warm_up()
    worker = SimpleWorker(list(queues), connection=connection, name=name, serializer=JSONSerializer)
    try:
        worker.work(burst=burst, logging_level="INFO")
    except (redis.ConnectionError, redis.TimeoutError) as exc:
        raise unavailable(exc, url) from exc
    return 0


# --- The app side --------------------------------------------------------------------------------

def _reachable(method):
    """Redis errors of a manager call become :class:`fmnist.jobs.QueueUnavailable`."""
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            raise unavailable(exc) from exc
    return call


class RQJobManager(jobs.TrainingQueue):
    """The jobs of an RQ queue in Redis, shared by every server on it (see the module's text)."""

    def __init__(self, registry: Registry, redis_url: str, *, trainer: str = "train", queue_name: str = "train",
                 eval_size: int | None = None):
        trainer_function(trainer)  # a name the workers know
        self.registry = registry
        self.trainer = trainer
        self.eval_size = eval_size
        self.redis = connect(redis_url)
        self.queue = Queue(queue_name, connection=self.redis, serializer=JSONSerializer)
        self._cached: dict[str, jobs.Job] = {}  # answered from the registry by this manager

    # --- asking ------------------------------------------------------------------------------

    @_reachable
    def request(self, config: training.TrainConfig, dataset=None) -> jobs.Job:
        """The job for ``config``: the one queued or running anywhere, the stored model, or a new
        job (``dataset`` is not sent: workers train on their own copy)."""
        key = config.key()
        current = self._snapshot(key, cached=False)
        if current is not None and current.state in jobs.ACTIVE:
            return current
        entry = self.registry.lookup(config)
        if entry is not None:
            if current is not None and current.state == DONE:
                return current  # keeps the curves of the training
            job = jobs.Job(config, state=CACHED, metadata=entry.metadata, path=str(entry.path), finished=time.time())
            self._cached.pop(key, None)
            self._cached[key] = job
            while len(self._cached) > KEEP_CACHED:
                self._cached.pop(next(iter(self._cached)))
            return job
        try:
            with self.redis.lock(_lock_key(key), timeout=LOCK_TTL, blocking_timeout=LOCK_WAIT):
                current = self._snapshot(key, cached=False)  # another replica may have been first
                if current is not None and current.state in jobs.ACTIVE:
                    return current
                return self._enqueue(config)
        except LockError:
            current = self._snapshot(key, cached=False)
            if current is None:
                raise jobs.QueueUnavailable("the training queue is busy: try again") from None
            return current

    @_reachable
    def get(self, key: str) -> jobs.Job | None:
        return self._snapshot(key)

    @_reachable
    def jobs(self) -> list[jobs.Job]:
        """Every job requested through this queue and still kept in Redis, and the models this
        manager answered from the registry, oldest first."""
        keys = [k.decode() for k in self.redis.zrange(_known_key(self.queue.name), 0, -1)]
        found = self._snapshots(keys)
        gone = [key for key, job in zip(keys, found) if job is None]
        if gone:
            self.redis.zrem(_known_key(self.queue.name), *gone)
        listed = {job.key: job for job in found if job is not None}
        for key, job in self._cached.items():
            listed.setdefault(key, job)
        return sorted(listed.values(), key=lambda job: job.submitted)

    @_reachable
    def active(self) -> list[jobs.Job]:
        """Running jobs first, then waiting ones in queue order."""
        started = StartedJobRegistry(self.queue.name, connection=self.redis, serializer=JSONSerializer)
        running = list(dict.fromkeys(started.get_job_ids(cleanup=False)))
        waiting = self._waiting()
        found = self._snapshots(running + [key for key in waiting if key not in running])
        running_jobs = [job for job in found if job is not None and job.state == RUNNING]
        return running_jobs + [job for job in found if job is not None and job.state == QUEUED]

    @_reachable
    def interrupted(self) -> list[jobs.Job]:
        """The jobs that failed because their worker stopped while training them."""
        return [job for job in self.jobs() if job.state == FAILED and job.error == LOST]

    @_reachable
    def position(self, key: str) -> int | None:
        """Place in the queue (1 = next to start), or None if the job is not waiting."""
        waiting = self._waiting()
        return waiting.index(key) + 1 if key in waiting else None

    @_reachable
    def cancel(self, key: str) -> None:
        """Stop a job: a waiting one leaves the queue at once, a running one stops after its batch."""
        rq_job = self._fetch(key)
        if rq_job is None:
            return
        status = rq_job.get_status(refresh=False)
        if status not in (*ACTIVE_STATUSES, JobStatus.STARTED):
            return
        self.redis.set(_cancel_key(key), str(time.time()), ex=KEEP_S)  # a worker taking it now sees this
        if status in ACTIVE_STATUSES and self.queue.remove(key):
            rq_job.meta.update(state=CANCELLED, finished=time.time())
            rq_job.save_meta()
            rq_job.cancel()
            self.redis.expire(rq_job.key, KEEP_S)

    def shutdown(self) -> None:
        """Close the connections (the workers are not this manager's)."""
        self.redis.close()

    # --- Redis ---------------------------------------------------------------------------------

    def _waiting(self) -> list[str]:
        return [key.decode() for key in self.redis.lrange(self.queue.key, 0, -1)]

    def _fetch(self, key: str) -> RQJob | None:
        try:
            return RQJob.fetch(key, connection=self.redis, serializer=JSONSerializer)
        except (NoSuchJobError, DeserializationError):
            return None

    def _enqueue(self, config: training.TrainConfig) -> jobs.Job:
        """A new job for ``config``, replacing a finished one of the same key (the lock is held)."""
        key = config.key()
        old = self._fetch(key)
        if old is not None:
            old.delete()
        self.redis.delete(_cancel_key(key), _alive_key(key), _missing_key(key))
        submitted = time.time()
        rq_job = self.queue.enqueue(
            run_training, dataclasses.asdict(config), self.trainer, self.eval_size,
            job_id=key, job_timeout=JOB_TIMEOUT, result_ttl=KEEP_S, failure_ttl=KEEP_S,
            description=f"train {key}", meta={"state": QUEUED, "submitted": submitted})
        with self.redis.pipeline() as pipe:
            pipe.zadd(_known_key(self.queue.name), {key: submitted})
            pipe.zremrangebyrank(_known_key(self.queue.name), 0, -KEEP_KNOWN - 1)
            pipe.execute()
        self._cached.pop(key, None)
        return self._job_from(rq_job, alive=False, cancel=False) or jobs.Job(config, submitted=submitted)

    def _snapshot(self, key: str, cached: bool = True) -> jobs.Job | None:
        """The job of ``key``; with ``cached``, the stored model's answer where Redis has no job
        of that key, or only one that failed or was cancelled (the model came from elsewhere)."""
        job = self._snapshots([key])[0]
        if cached and (job is None or job.state in (FAILED, CANCELLED)):
            answered = self._cached.get(key)
            if answered is not None and Path(answered.path).exists():
                return answered
            if job is None:
                return self._stored(key)
        return job

    def _snapshots(self, keys: list[str], check_lost: bool = True) -> list[jobs.Job | None]:
        """Jobs as Redis holds them now (None where there is none); a running job whose worker
        stopped is marked failed on the way."""
        if not keys:
            return []
        found = RQJob.fetch_many(keys, connection=self.redis, serializer=JSONSerializer)
        with self.redis.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.exists(_alive_key(key))
                pipe.exists(_cancel_key(key))
            flags = pipe.execute()
        answers = []
        for index, (key, rq_job) in enumerate(zip(keys, found)):
            job = None if rq_job is None else self._job_from(rq_job, flags[2 * index], flags[2 * index + 1])
            if (check_lost and job is not None and job.state == RUNNING and not flags[2 * index]
                    and self._lost(rq_job) and self._missing_for_long(key)):
                self._mark_lost(key)
                job = self._snapshots([key], check_lost=False)[0]
            answers.append(job)
        return answers

    def _stored(self, key: str) -> jobs.Job | None:
        """A CACHED job for a model in the registry that Redis knows nothing of (asked elsewhere)."""
        try:
            path = self.registry.path_for_key(key)
        except ValueError:
            return None
        metadata = read_metadata(path) if path.exists() else None
        config = jobs.recorded_config(metadata or {})
        if config is None or config.key() != key:
            return None
        return jobs.Job(config, state=CACHED, metadata=metadata, path=str(path), finished=time.time())

    def _job_from(self, rq_job: RQJob, alive, cancel) -> jobs.Job | None:
        """The :class:`fmnist.jobs.Job` an RQ job stands for (None if it holds no config)."""
        try:
            config = training.TrainConfig.from_dict(rq_job.args[0])
        except (IndexError, TypeError, ValueError, AttributeError):
            return None
        meta = rq_job.meta or {}
        said = meta.get("state")
        status = rq_job.get_status(refresh=False)
        if status in ACTIVE_STATUSES:
            state = QUEUED
        elif status == JobStatus.STARTED:
            state = said if said in (DONE, CANCELLED, FAILED) else RUNNING
        elif status == JobStatus.FINISHED:
            state = CANCELLED if said == CANCELLED else DONE
        elif status == JobStatus.FAILED:
            state = CANCELLED if said == CANCELLED else FAILED
        else:  # canceled, stopped
            state = CANCELLED
        stored = self.registry.path_for_key(rq_job.id)  # the shared folder as this replica sees it
        metadata = read_metadata(stored) if state in (DONE, FAILED) else None
        if state == FAILED and metadata is not None:
            state = DONE  # stored whole by its worker, which then could not say so (Redis away, or it stopped)
        job = jobs.Job(config, state=state,
                       submitted=meta.get("submitted") or _epoch(rq_job.created_at) or time.time(),
                       started=meta.get("started") or _epoch(rq_job.started_at),
                       finished=meta.get("finished") or _epoch(rq_job.ended_at) if state in jobs.FINISHED else None)
        progress = meta.get("progress")
        if isinstance(progress, dict):
            try:
                job.progress = training.Progress(**progress)
            except TypeError:
                pass
        job.trace = [tuple(point) for point in meta.get("trace") or []]
        if state == FAILED:
            job.error = meta.get("error") or self._rq_error(rq_job)
        if state == DONE:
            job.path, job.metadata = str(stored), metadata
        if cancel:
            job.stop.set()
        return job

    @staticmethod
    def _rq_error(rq_job: RQJob) -> str:
        """One line for a job RQ failed without our word (its own clean-up, a time-out)."""
        result = rq_job.latest_result()
        text = (getattr(result, "exc_string", None) or "").strip()
        if "AbandonedJobError" in text:
            return LOST
        lines = [line for line in text.splitlines() if line.strip()]
        return lines[-1].strip() if lines else "the training failed"

    @staticmethod
    def _lost(rq_job: RQJob) -> bool:
        started = _epoch(rq_job.started_at) or (rq_job.meta or {}).get("started")
        return started is not None and time.time() - started > LOST_AFTER

    def _missing_for_long(self, key: str) -> bool:
        """Whether the job's heartbeat has been seen missing for :data:`HEARTBEAT_TTL` s. The first
        look that misses it leaves a marker in Redis that lives twice that: every replica counts the
        same absence, and one that began before a Redis restart does not count (the restarted
        Redis dropped the expired heartbeat of a worker that trains on and beats again a second
        later)."""
        with self.redis.pipeline(transaction=False) as pipe:
            pipe.set(_missing_key(key), "1", nx=True, ex=2 * HEARTBEAT_TTL)
            pipe.ttl(_missing_key(key))
            _, left = pipe.execute()
        return 0 <= left <= HEARTBEAT_TTL

    def _mark_lost(self, key: str) -> None:
        """Record a started job without heartbeat as failed (cancelled if that was asked), in RQ too."""
        try:
            with self.redis.lock(_lock_key(key), timeout=LOCK_TTL, blocking_timeout=LOCK_WAIT):
                rq_job = self._fetch(key)
                if (rq_job is None or rq_job.get_status(refresh=False) != JobStatus.STARTED
                        or (rq_job.meta or {}).get("state") in jobs.FINISHED or self.redis.exists(_alive_key(key))):
                    return  # gone, ended, said its last word, or beating again
                cancelled = bool(self.redis.exists(_cancel_key(key)))
                rq_job.meta.update(state=CANCELLED if cancelled else FAILED, error=None if cancelled else LOST,
                                   finished=time.time())
                rq_job.ended_at = rq_now()
                with self.redis.pipeline() as pipe:
                    rq_job.set_status(JobStatus.FAILED, pipeline=pipe)
                    pipe.hset(rq_job.key, "meta", rq_job.serializer.dumps(rq_job.meta))
                    rq_job.started_job_registry.remove_executions(rq_job, pipeline=pipe)
                    rq_job.failed_job_registry.add(rq_job, ttl=KEEP_S, exc_string=LOST, pipeline=pipe)
                    pipe.execute()
                log.warning("training job %s lost its worker: marked failed", key)
        except LockError:
            pass  # another manager is marking it
