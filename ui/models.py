"""Which model each page uses in this session, and the models loaded once per server.

A session's choice per kind (``ui.state``'s ``active_models``) is "shipped" (the shipped model of
the kind, ``models/<kind>.keras``), "shipped-plain" (a canvas kind's shipped plain CNN) or the key
of a model in the registry; :func:`settle_models` brings it up to date when a training this session
asked for finishes, or a chosen model is deleted. Models, their Predictors and their tile networks
are cached per file version (path and modification time) for the life of the server.
"""

from __future__ import annotations

import streamlit as st

from fmnist import jobs, registry
from fmnist.contract import CANVAS_KINDS, KINDS
from fmnist.inference import Predictor
from ui import state
from ui.backends import SHARED_DOWN, job_manager, model_registry
from ui.text import tr

# --- Models: the shipped ones, the registry, training jobs --------------------------------------

SHIPPED = "shipped"  # the shipped model of a kind (models/single.keras …)
SHIPPED_PLAIN = "shipped-plain"  # the shipped plain CNN of a canvas kind (models/plain_single.keras …)
SHIPPED_CHOICES = {SHIPPED: "tiles", SHIPPED_PLAIN: "plain"}  # each shipped choice and its architecture


def active_models() -> dict:
    """``st.session_state["active_models"]``: kind -> "shipped", "shipped-plain" or a registry key."""
    return state.default(state.ACTIVE_MODELS, {kind: SHIPPED for kind in KINDS})


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

