"""Which backends this server uses, decided once from the environment: the class store and the
two training queues live in this server's memory, or, with ``$FMNIST_REDIS_URL`` set, in Redis and
on its RQ workers, shared by every server of the app (deploy/). Pages ask here; nothing else
chooses. While the shared store cannot be reached a page says so and runs again when it answers.
"""

from __future__ import annotations

import functools
import os

import streamlit as st

from fmnist import classroom, jobs, registry
from fmnist.training_queue import open_queue
from ui.text import tr


def model_registry():
    """The registry of trained models ($FMNIST_REGISTRY or <repo>/registry)."""
    return registry.Registry()


# --- One server, or several sharing Redis ---------------------------------------------------------

REDIS_ENV = "FMNIST_REDIS_URL"
#: Seconds between a page's checks that the shared store is back, while it is not reachable.
RETRY_EVERY_S = 3.0
#: What a call to the shared store raises while Redis cannot be reached (restarting, failing over).
SHARED_DOWN = (jobs.QueueUnavailable, classroom.StoreUnavailable)


def redis_url() -> str | None:
    """$FMNIST_REDIS_URL: set, the classes, the board and the training queue live in that Redis and
    every server of the app shares them (deploy/); unset, in this one server's memory."""
    return os.environ.get(REDIS_ENV, "").strip() or None


@st.cache_resource(show_spinner=False)
def _redis_client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)


def shared_reachable() -> bool:
    """Whether the shared store answers (always, on a server without one)."""
    url = redis_url()
    if url is None:
        return True
    try:
        return bool(_redis_client(url).ping())
    except Exception:  # noqa: BLE001 - any failure to answer is "not reachable"
        return False


def _run_again_when_back() -> None:
    if shared_reachable():
        st.rerun(scope="app")


def shared_down_ui() -> None:
    """Say that the shared store is not reachable; the page runs again by itself once it is."""
    st.warning(tr("app.shared_down"), icon=":material/cloud_off:")
    st.fragment(_run_again_when_back, run_every=RETRY_EVERY_S)()


def outage_safe(function):
    """``function``, but a call that finds the shared store unreachable shows :func:`shared_down_ui`'s
    message instead of failing: for fragments that run every few seconds (they recover by themselves
    on a later run) and for buttons' callbacks."""
    @functools.wraps(function)
    def safe(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except SHARED_DOWN:
            st.warning(tr("app.shared_down"), icon=":material/cloud_off:")
            return None
    return safe


TRAIN_HERE_ENV = "FMNIST_TRAIN_HERE"


def queue_redis_url() -> str | None:
    """Where the training queues live: Redis's RQ workers with $FMNIST_REDIS_URL, unless
    $FMNIST_TRAIN_HERE=1 keeps the trainings in this server (a hosted app that keeps its classes
    in a hosted Redis has no workers of its own)."""
    return None if os.environ.get(TRAIN_HERE_ENV, "").strip() == "1" else redis_url()


@st.cache_resource(show_spinner=False)
def _job_manager(root: str, redis: str | None = None):
    return open_queue("train", registry.Registry(root), redis, max_running=training_slots())


def training_slots() -> int:
    """How many trainings run at once ($FMNIST_TRAINING_SLOTS, default 1: a class shares two cores)."""
    try:
        return max(1, int(os.environ.get("FMNIST_TRAINING_SLOTS", "1")))
    except ValueError:
        return 1


def job_manager():
    """The server's one training-job manager (per registry folder): every session sees its jobs."""
    return _job_manager(str(model_registry().root), queue_redis_url())


# --- The class of a lesson -----------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def _class_store(redis: str | None):
    if redis:
        from fmnist import classroom_redis

        return classroom_redis.RedisClassStore(redis)
    return classroom.MemoryClassStore()


def class_store():
    """The server's one class store: every browser session of the server sees the same classes
    (and every server of the app, with $FMNIST_REDIS_URL)."""
    return _class_store(redis_url())


# --- The challenge's queue --------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def _challenge_manager(root: str, redis: str | None = None):
    return open_queue("challenge", registry.Registry(root), redis)


def challenge_manager():
    """The server's one challenge queue (per registry folder), trained by one warm process; with
    $FMNIST_REDIS_URL, the cluster's queue, trained by its workers."""
    return _challenge_manager(str(model_registry().root), queue_redis_url())
