"""The server's first minutes: TensorFlow, the shipped models and their test answers, made ready in
the background while the first visitors read their first page.

Importing TensorFlow and Keras takes 2-3 s on 2 cores, loading a model and its first answer up to
half a second more; a page that needs a model (Predict's "Several garments", Draw & upload's first
stroke, Compose's "Send to prediction") would make its first visitor wait for all of it. The first
run of any page on a real server (``streamlit run``, not ``AppTest``'s stand-in) starts one thread
that fills the pages' own caches, so a page later finds them full, or waits only for what is left
(Streamlit computes a cached value once, whoever asks first). What that first page shows next (Browse's
closed tab) is done first (:func:`ahead_of_the_warm_up`), the test answers stored beside the models
next, TensorFlow and the models last. The dataset itself is read when the server starts
(:func:`server_lifespan`, app.py's hook), before any page asks for it. ``FMNIST_WARM_UP=0`` turns
all of it off.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from typing import Callable

from streamlit.runtime import Runtime

from fmnist import answer_files, registry
from fmnist.contract import CANVAS_KINDS

logger = logging.getLogger(__name__)
ENV = "FMNIST_WARM_UP"
_started = threading.Lock()
WARM_UP, READ_DATA = "fmnist-warm-up", "fmnist-read-data"  # the threads started once per server process
_threads: dict[str, threading.Thread] = {}
_ahead: list[Callable[[], object]] = []  # what the first page asked for next, done before the models


@contextlib.asynccontextmanager
async def server_lifespan(_app):
    """``st.App``'s lifespan (app.py): at the server's start, before any visitor, a thread reads the
    dataset and imports Matplotlib, pandas and the figures' module (1 s of a 2-core machine that
    every page's first visit used to wait for); the server answers at once. Off with
    ``FMNIST_WARM_UP=0``. A page that asks for the data meanwhile waits for what is left
    (Streamlit computes a cached value once, whoever asks first)."""
    _once(READ_DATA, _read_data_and_import)
    yield


def _read_data_and_import() -> None:
    import importlib

    for name in ("fmnist.plots", "pandas"):  # Matplotlib and the figures' fonts; st.table's and st.dataframe's
        importlib.import_module(name)
    _read_data()


def shipped_models() -> list[tuple[str, str]]:
    """(kind, architecture) of every shipped model, in the order the pages are likeliest to want them:
    the multi-label model first (Predict's "Several garments", the side-by-side, where the model
    looked, Draw & upload), then the single-garment one beside it, the tutorial's, the plain CNNs."""
    return [(kind, "tiles") for kind in ("multi", "single", "dense")] + [(kind, "plain") for kind in CANVAS_KINDS]


def warm_up() -> None:
    """Fill the caches the pages read: first the test answers stored beside the shipped models
    (read in a tenth of a second each, without TensorFlow: Predict's evaluation, the Lesson), then
    each model, its Predictor (first answer included) and its tile network's, then the test answers
    not stored yet (computed with the loaded model, and stored)."""
    from ui import dataset, models

    while _ahead:
        _run(_ahead.pop(0))
    try:
        dataset._dataset()
    except Exception:  # no data: every page says so itself
        logger.info("warm-up: no dataset, nothing to warm", exc_info=True)
        return
    files = []
    for kind, arch in shipped_models():
        try:
            files.append((kind, models.model_file(registry.shipped_path(kind, arch))))
        except registry.ModelError:  # a missing file: the page that asks for it says so
            logger.info("warm-up: no %s %s model", kind, arch)
    stored = [(kind, file) for kind, file in files if answer_files.answers_path(file[0]).is_file()]
    for kind, file in stored:
        _answers(kind, file)
    for kind, file in files:
        _model(kind, file)
    for kind, file in files:
        if (kind, file) not in stored:
            _answers(kind, file)


def _model(kind: str, file: tuple[str, float]) -> None:
    from ui import models

    try:
        models._predictor(*file)  # a Predictor answers once when it is made: TensorFlow's first call
        if kind in CANVAS_KINDS:
            models._tile_predictor(*file)
    except Exception:  # a broken file: the page that asks for it says so
        logger.info("warm-up: %s not loaded", file[0], exc_info=True)


def _answers(kind: str, file: tuple[str, float]) -> None:
    from ui import test_answers

    try:
        test_answers.test_predictions_of(kind, *file)
    except Exception:
        logger.info("warm-up: no test answers for %s", file[0], exc_info=True)


def ahead_of_the_warm_up(work: Callable[[], object]) -> threading.Thread | None:
    """Do ``work`` (what a page shows next, such as a closed tab's figures) in the background: first
    thing in the warm-up when it has not started yet (this server's first page run, which starts it
    at its end), else in a thread of its own. Nothing where there is no warm-up (off, or not on a
    server): the page draws it when asked. The thread of its own, if one was started."""
    if not in_the_background():
        return None
    with _started:
        if WARM_UP not in _threads:
            _ahead.append(work)
            return None
    return _thread_of_its_own(work, "fmnist-ahead")


def _read_data() -> None:
    from ui import dataset

    dataset._dataset()  # no data: the page says so itself


def _thread_of_its_own(work: Callable[[], object], name: str) -> threading.Thread:
    thread = threading.Thread(target=_run, args=(work,), name=name, daemon=True)
    thread.start()
    return thread


def _run(work: Callable[[], object]) -> None:
    try:
        work()
    except Exception:  # the page that asks for it does it itself, or says what is wrong
        logger.info("warm-up: %r failed", work, exc_info=True)


def on_a_server() -> bool:
    """Whether this runs in a real Streamlit server (AppTest runs the scripts with a stand-in runtime)."""
    return Runtime.exists() and type(Runtime.instance()) is Runtime


def in_the_background() -> bool:
    """Whether work is done ahead of the pages here: on a real server, unless ``FMNIST_WARM_UP=0``."""
    return os.environ.get(ENV, "1") != "0" and on_a_server()


def start_warm_up() -> threading.Thread | None:
    """Start :func:`warm_up` in a thread of its own, once per server process; the thread, or None
    where it is not started (off, or not on a server)."""
    return _once(WARM_UP, warm_up)


def _once(name: str, work: Callable[[], object]) -> threading.Thread | None:
    """The thread ``name`` doing ``work``, started by the first call in this server process; None
    where there is no work in the background (off, or not on a server)."""
    if not in_the_background():
        return None
    with _started:
        if name not in _threads:
            _threads[name] = _thread_of_its_own(work, name)
        return _threads[name]
