"""Which training queue a server uses: its own processes, or RQ workers over Redis.

    queue = open_queue("train", Registry(root), os.environ.get("FMNIST_REDIS_URL"), max_running=2)
    queue = open_queue("challenge", Registry(root), redis_url)
    job = queue.request(config, dataset)     # a fmnist.jobs.TrainingQueue, whichever it is

==========  ===============================================  ===============================================
kind        without Redis: :class:`fmnist.jobs.JobManager`   with Redis: :class:`fmnist.rq_jobs.RQJobManager`
==========  ===============================================  ===============================================
train       a child process a training, ``max_running`` at    RQ queue ``train``; as many at once as there
            once (the Train page's trainings)                are workers
challenge   one warm process trains every job in turn         RQ queue ``challenge`` (a worker serves it
            (many small trainings of a class)                 first)
==========  ===============================================  ===============================================

Both train with the function :data:`fmnist.jobs.TRAINERS` names after the kind. ``fmnist.rq_jobs``
(and with it Redis's and RQ's packages) is imported only when a Redis URL is given.
"""

from __future__ import annotations

from .jobs import JobManager, TrainingQueue
from .registry import Registry

KINDS = ("train", "challenge")


def open_queue(kind: str, registry: Registry, redis_url: str | None = None, *, max_running: int = 1,
               eval_size: int | None = None) -> TrainingQueue:
    """The training queue of ``kind`` for a server: on Redis at ``redis_url`` when one is given,
    else in this server. ``max_running`` counts only without Redis (with it, the number of workers does);
    ``eval_size`` is the test images each model is scored on (None: all of them)."""
    if kind not in KINDS:
        raise ValueError(f"no training queue is called {kind!r}: one of {', '.join(KINDS)}")
    if redis_url:
        from .rq_jobs import RQJobManager

        return RQJobManager(registry, redis_url, trainer=kind, queue_name=kind, eval_size=eval_size)
    if kind == "challenge":
        return JobManager(registry, trainer=kind, warm=True, eval_size=eval_size)
    return JobManager(registry, trainer=kind, max_running=max_running, eval_size=eval_size)
