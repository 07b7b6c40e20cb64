"""Streamlit helpers shared by the pages: language, cached data, crisp images.

Pages import from here; the library (``fmnist``) never imports Streamlit.
"""

from __future__ import annotations

import functools
import os

import numpy as np
import streamlit as st
from PIL import Image

from fmnist import classroom, data, i18n, jobs, registry
from fmnist.contract import CANVAS_KINDS, KINDS
from fmnist.inference import Predictor
from pages import _state as state


def lang() -> str:
    """The language chosen in the sidebar ('en' or 'ko')."""
    return i18n.normalise_language(st.session_state.get(state.LANGUAGE_WIDGET))


def tr(key: str, **values) -> str:
    """The text for ``key`` in the current language."""
    return i18n.t(key, lang(), **values)


def class_names() -> tuple[str, ...]:
    return i18n.class_names(lang())


@st.cache_resource(show_spinner=False)
def _dataset():
    return data.load_data()


def dataset():
    """The dataset, loaded once per server process; on failure an error on the page, then stop."""
    try:
        return _dataset()
    except data.DataError as exc:
        st.error(f"{tr('app.data_error')}\n\n{exc}")
        st.stop()


def upscale(image: np.ndarray, scale: int = 8) -> Image.Image:
    """A uint8 image enlarged with nearest-neighbour, so pixels stay crisp on a projector."""
    picture = Image.fromarray(np.asarray(image, dtype=np.uint8))
    return picture.resize((picture.width * scale, picture.height * scale), Image.Resampling.NEAREST)


def label_boxes(hot, names, caption: str | None = None) -> None:
    """A multi-hot label as ten named boxes: filled where 1, outlined where 0 (readable on a projector)."""
    import html

    boxes = []
    for value, name in zip(np.asarray(hot).astype(int), names):
        style = ("background:#1f4e8c;color:#fff;border:2px solid #1f4e8c;" if value
                 else "background:transparent;color:#888;border:2px solid #bbb;")
        boxes.append(
            f'<div data-label="{value}" style="{style}border-radius:6px;padding:4px 2px;text-align:center;'
            f'min-width:0;">'
            f'<div style="font-size:1.6em;font-weight:700;line-height:1.2">{value}</div>'
            f'<div style="font-size:0.78em;line-height:1.2;overflow-wrap:anywhere">{html.escape(str(name))}</div></div>'
        )
    st.markdown(f'<div style="display:grid;grid-template-columns:repeat({len(boxes)},minmax(0,1fr));gap:5px;">'
                f'{"".join(boxes)}</div>', unsafe_allow_html=True)
    if caption:
        st.caption(caption)


# --- Models: the shipped ones, the registry, training jobs --------------------------------------

SHIPPED = "shipped"  # the shipped model of a kind (models/single.keras …)
SHIPPED_PLAIN = "shipped-plain"  # the shipped plain CNN of a canvas kind (models/plain_single.keras …)
SHIPPED_CHOICES = {SHIPPED: "tiles", SHIPPED_PLAIN: "plain"}  # each shipped choice and its architecture


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


@st.cache_resource(show_spinner=False)
def _job_manager(root: str, redis: str | None = None):
    if redis:
        from fmnist import rq_jobs

        return rq_jobs.RQJobManager(registry.Registry(root), redis, queue_name="train", train_fn_name="train")
    return jobs.JobManager(registry.Registry(root), max_running=training_slots())


def training_slots() -> int:
    """How many trainings run at once ($FMNIST_TRAINING_SLOTS, default 1: a class shares two cores)."""
    try:
        return max(1, int(os.environ.get("FMNIST_TRAINING_SLOTS", "1")))
    except ValueError:
        return 1


def job_manager():
    """The server's one training-job manager (per registry folder): every session sees its jobs."""
    return _job_manager(str(model_registry().root), redis_url())


def active_models() -> dict:
    """``st.session_state["active_models"]``: kind -> "shipped", "shipped-plain" or a registry key."""
    return st.session_state.setdefault(state.ACTIVE_MODELS, {kind: SHIPPED for kind in KINDS})


def active_choice(kind: str) -> str:
    """"shipped", "shipped-plain" (a canvas kind's shipped plain CNN) or a registry key; anything
    else found in the session counts as "shipped"."""
    key = str(active_models().get(kind, SHIPPED))
    if key == SHIPPED_PLAIN and kind in CANVAS_KINDS:
        return key
    return key if key == SHIPPED or registry.KEY_PATTERN.match(key) else SHIPPED


def active_model_key(kind: str) -> str:
    """"shipped" for a shipped model (either architecture: :func:`active_choice` says which) or a
    registry key."""
    choice = active_choice(kind)
    return SHIPPED if choice in SHIPPED_CHOICES else choice


def set_active_model(kind: str, key: str) -> None:
    active_models()[kind] = key


def active_model_path(kind: str):
    """The .keras file of the model in use for ``kind`` in this session."""
    choice = active_choice(kind)
    if choice in SHIPPED_CHOICES:
        return registry.shipped_path(kind, SHIPPED_CHOICES[choice])
    return model_registry().path_for_key(choice)


def settle_models() -> None:
    """Bring this session's choices up to date: a model it asked to train is in use once it is
    done, and a model deleted from the registry (by anyone) gives way to the shipped one."""
    pending = st.session_state.get(state.TRAIN_PENDING) or {}
    if pending:
        manager = job_manager()
        for kind, key in list(pending.items()):
            try:
                job = manager.get(key)
            except SHARED_DOWN:
                break  # the page says so; settled on a later run
            if job is None or job.state in (jobs.FAILED, jobs.CANCELLED):
                del pending[kind]
            elif job.state in (jobs.DONE, jobs.CACHED):
                set_active_model(kind, key)
                del pending[kind]
    for kind in list(active_models()):
        choice = active_choice(kind)  # anything else in the session is read as "shipped"
        if choice != active_models()[kind] or (choice != SHIPPED and not active_model_path(kind).exists()):
            set_active_model(kind, SHIPPED)


@st.cache_resource(show_spinner=False, max_entries=12)
def _load_model(path: str, modified: float):
    return registry.load_model(path), registry.read_metadata(path)


@st.cache_resource(show_spinner=False, max_entries=12)
def _predictor(path: str, modified: float) -> Predictor:
    return Predictor(_load_model(path, modified)[0])


@st.cache_resource(show_spinner=False, max_entries=12)
def _tile_predictor(path: str, modified: float) -> Predictor | None:
    from fmnist import models

    network = models.tile_answers_of(_load_model(path, modified)[0])
    return None if network is None else Predictor(network)


def model_file(path) -> tuple[str, float]:
    """(path, modification time) of a model file: what names one version of it in the caches.
    Raises ``fmnist.registry.ModelError`` when the file is missing."""
    try:
        return str(path), path.stat().st_mtime
    except OSError:
        raise registry.ModelError(f"{path}: file not found") from None


def active_model_file(kind: str) -> tuple[str, float]:
    """(path, modification time) of the model in use for ``kind``. Raises
    ``fmnist.registry.ModelError`` when the file is missing."""
    return model_file(active_model_path(kind))


def model_at(path: str, modified: float):
    """(Keras model, metadata) of one version of a model file, loaded once per server."""
    return _load_model(path, modified)


def load_active_model(kind: str):
    """(Keras model, metadata) in use for ``kind`` in this session, loaded once per file version.

    Raises ``fmnist.registry.ModelError`` naming the file when it is missing or unreadable:
    show it with ``st.error``.
    """
    return _load_model(*active_model_file(kind))


def active_predictor(kind: str) -> tuple[Predictor, dict]:
    """(Predictor, metadata) of the model in use for ``kind``, one per file version and server.

    Raises ``fmnist.registry.ModelError`` like :func:`load_active_model`.
    """
    file = active_model_file(kind)
    return _predictor(*file), _load_model(*file)[1] or {}


def shipped_predictor(kind: str, arch: str) -> tuple[Predictor, dict]:
    """(Predictor, metadata) of the shipped model of ``kind`` built as ``arch`` (the Predict page's
    pairs), one per file version and server. Raises ``fmnist.registry.ModelError`` like
    :func:`load_active_model`."""
    file = model_file(registry.shipped_path(kind, arch))
    return _predictor(*file), _load_model(*file)[1] or {}


def active_tile_predictor(kind: str) -> Predictor:
    """What the canvas model in use for ``kind`` answers for one quadrant (its shared tile network,
    averaged with the mirrored quadrant when the model does so). Raises ``fmnist.registry.ModelError`` when the file is missing or the model in use
    has no tile network (the plain CNN)."""
    file = active_model_file(kind)
    predictor = _tile_predictor(*file)
    if predictor is None:
        raise registry.ModelError(f"{file[0]}: a plain CNN, without a network per quadrant")
    return predictor


def model_name(kind: str) -> str:
    return tr(f"model.{kind}")


def metric_text(metadata: dict | None) -> str:
    """'accuracy 87.6%' (dense, single) or 'exact match 85.2%' (multi), from a model's JSON."""
    headline = registry.headline_metric(metadata)
    if headline is None:
        return tr("model.metric_unknown")
    name, value = headline
    return tr(f"model.metric_{name}", value=value)


def duration(seconds: float | None) -> str:
    """'2 min 05 s' / '2분 5초'."""
    minutes, rest = divmod(max(0, round(seconds or 0)), 60)
    return tr("model.minutes", m=minutes, s=rest) if minutes else tr("model.seconds", s=rest)


CRISP = "crisp"


def crisp_images() -> None:
    """Keep pixels square when the browser resizes an image inside a container whose key starts
    with ``crisp`` (a canvas narrower than its 448 pixels must not be smoothed)."""
    st.html(f'<style>[class*="st-key-{CRISP}"] img {{ image-rendering: pixelated; }}</style>')


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
