"""The server's first minutes: TensorFlow, the shipped models and their test answers, made ready in
the background while the first visitors read their first page.

Importing TensorFlow and Keras takes 2-3 s on 2 cores, loading a model and its first answer up to
half a second more; a page that needs a model (Predict's "Several garments", Draw & upload's first
stroke, Compose's "Send to prediction") would make its first visitor wait for all of it. The first
run of any page on a real server (``streamlit run``, not ``AppTest``'s stand-in) starts one thread
that fills the pages' own caches, so a page later finds them full, or waits only for what is left
(Streamlit computes a cached value once, whoever asks first). ``FMNIST_WARM_UP=0`` turns it off.
"""

from __future__ import annotations

import logging
import os
import threading

from streamlit.runtime import Runtime

from fmnist import registry
from fmnist.contract import CANVAS_KINDS, KINDS

logger = logging.getLogger(__name__)
ENV = "FMNIST_WARM_UP"
_started = threading.Lock()
_thread: threading.Thread | None = None


def shipped_models() -> list[tuple[str, str]]:
    """(kind, architecture) of every shipped model, in the order the pages are likeliest to want them."""
    return [(kind, "tiles") for kind in KINDS] + [(kind, "plain") for kind in CANVAS_KINDS]


def warm_up() -> None:
    """Fill the caches the pages read: each shipped model, its Predictor (first answer included),
    its tile network's, and its test answers (read from beside it, or computed and stored)."""
    from pages import _test_answers, _ui

    try:
        _ui._dataset()
    except Exception:  # no data: every page says so itself
        logger.info("warm-up: no dataset, nothing to warm", exc_info=True)
        return
    files = []
    for kind, arch in shipped_models():
        try:
            file = _ui.model_file(registry.shipped_path(kind, arch))
            _ui._predictor(*file)  # a Predictor answers once when it is made: TensorFlow's first call
            if kind in CANVAS_KINDS:
                _ui._tile_predictor(*file)
            files.append((kind, file))
        except Exception:  # a missing or broken file: the page that asks for it says so
            logger.info("warm-up: %s %s not loaded", kind, arch, exc_info=True)
    for kind, file in files:
        try:
            _test_answers.test_predictions_of(kind, *file)
        except Exception:
            logger.info("warm-up: no test answers for %s", file[0], exc_info=True)


def on_a_server() -> bool:
    """Whether this runs in a real Streamlit server (AppTest runs the scripts with a stand-in runtime)."""
    return Runtime.exists() and type(Runtime.instance()) is Runtime


def start_warm_up() -> threading.Thread | None:
    """Start :func:`warm_up` in a thread of its own, once per server process; the thread, or None
    where it is not started (off, or not on a server)."""
    global _thread
    if os.environ.get(ENV, "1") == "0" or not on_a_server():
        return None
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=warm_up, name="fmnist-warm-up", daemon=True)
            _thread.start()
    return _thread
