"""The server's warm-up (ui/warm_up.py): it fills the very caches the pages read, stores missing
test answers, skips what is missing, and starts only on a real server."""

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import answer_files, registry  # noqa: E402
from ui import dataset as _dataset_ui  # noqa: E402
from ui import models as _models
from ui import test_answers as _test_answers
from ui import warm_up as _warm_up


@pytest.fixture
def only_dense_shipped(tmp_path, monkeypatch):
    """A models/ folder holding the shipped tutorial model alone, without its answers."""
    for suffix in (".keras", ".json"):
        shutil.copy(registry.SHIPPED_DIR / f"dense{suffix}", tmp_path)
    monkeypatch.setattr(registry, "SHIPPED_DIR", tmp_path)
    return tmp_path / "dense.keras"


def test_warm_up_fills_the_pages_caches_and_stores_missing_answers(only_dense_shipped, monkeypatch):
    _warm_up.warm_up()  # the canvas models are missing here: skipped, not raised
    assert answer_files.answers_path(only_dense_shipped).is_file()

    def not_again(*args, **kwargs):
        raise AssertionError("the page computed what the warm-up had already made")

    monkeypatch.setattr(answer_files, "test_predictions", not_again)
    monkeypatch.setattr(registry, "load_model", not_again)
    file = _models.model_file(only_dense_shipped)
    assert len(_test_answers.test_predictions_of("dense", *file)) == 10_000
    assert _models._predictor(*file).model is _models._load_model(*file)[0]


def test_the_warm_up_starts_only_on_a_real_server(monkeypatch):
    assert not _warm_up.on_a_server()  # pytest: no Streamlit server runs here
    assert _warm_up.start_warm_up() is None
    monkeypatch.setattr(_warm_up, "on_a_server", lambda: True)
    monkeypatch.setenv(_warm_up.ENV, "0")
    assert _warm_up.start_warm_up() is None


def test_apptest_runs_are_not_a_server():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\nfrom ui.warm_up import on_a_server\n"
                             "st.write(f'server: {on_a_server()}')")
    at.run()
    assert [m.value for m in at.markdown] == ["server: False"]


@pytest.fixture
def shipped_files(tmp_path, monkeypatch):
    """Every shipped model as a file of its own, only the canvas models' answers stored beside them."""
    for kind, arch in _warm_up.shipped_models():
        path = registry.shipped_path(kind, arch).name
        (tmp_path / path).write_bytes(b"model")
        if kind != "dense":
            answer_files.answers_path(tmp_path / path).write_bytes(b"answers")
    monkeypatch.setattr(registry, "SHIPPED_DIR", tmp_path)
    return tmp_path


def test_the_warm_up_reads_stored_answers_before_loading_any_model(shipped_files, monkeypatch):
    done = []
    monkeypatch.setattr(_dataset_ui, "_dataset", lambda: None)
    monkeypatch.setattr(_models, "_predictor", lambda path, modified: done.append(("model", path)))
    monkeypatch.setattr(_models, "_tile_predictor", lambda path, modified: done.append(("tiles", path)))
    monkeypatch.setattr(_test_answers, "test_predictions_of",
                        lambda kind, path, modified: done.append(("answers", path)))
    _warm_up.warm_up()
    names = [(what, path.rsplit("/", 1)[1]) for what, path in done]
    stored = ["multi.keras", "single.keras", "plain_single.keras", "plain_multi.keras"]
    assert names[:4] == [("answers", name) for name in stored], "no TensorFlow before the stored answers"
    assert [name for what, name in names if what == "model"] == [
        "multi.keras", "single.keras", "dense.keras", "plain_single.keras", "plain_multi.keras"]
    assert names[-1] == ("answers", "dense.keras"), "answers not stored: computed once the model is loaded"


def test_what_a_page_shows_next_is_done_first_by_the_warm_up_or_in_a_thread_of_its_own(monkeypatch):
    monkeypatch.setattr(_warm_up, "_ahead", [])
    monkeypatch.setattr(_warm_up, "_threads", {})
    done = []
    assert _warm_up.ahead_of_the_warm_up(lambda: done.append("next")) is None
    assert _warm_up._ahead == [], "not on a server (pytest, AppTest): nothing in the background"
    monkeypatch.setattr(_warm_up, "on_a_server", lambda: True)
    assert _warm_up.ahead_of_the_warm_up(lambda: done.append("next")) is None  # the warm-up has not started
    monkeypatch.setattr(_dataset_ui, "_dataset", lambda: done.append("dataset") or 1 / 0)
    _warm_up.warm_up()
    assert done == ["next", "dataset"]
    monkeypatch.setitem(_warm_up._threads, _warm_up.WARM_UP, object())  # started already: a thread of its own
    _warm_up.ahead_of_the_warm_up(lambda: done.append("later")).join(timeout=10)
    assert done[-1] == "later"


def test_the_every_class_figures_drawn_ahead_are_the_ones_browse_shows(monkeypatch):
    from fmnist import plots
    from ui import data_figures as _data_figures

    monkeypatch.setattr(_warm_up, "on_a_server", lambda: True)
    monkeypatch.setattr(_warm_up, "_threads", {_warm_up.WARM_UP: object()})
    monkeypatch.setattr(_data_figures, "_drawn_ahead", set())
    _data_figures.tutorial_grid_png.clear()
    _data_figures.sprite_png.clear()
    _data_figures.every_class_ahead("test", "ko").join(timeout=60)
    assert _data_figures.every_class_ahead("test", "ko") is None, "once per split and language"
    drawn = []
    monkeypatch.setattr(plots, "to_png", lambda figure, *args, **kwargs: drawn.append(figure))
    grid = _data_figures.tutorial_grid_png("test", "ko")
    sprite = _data_figures.sprite_png("test", "ko", _data_figures.SPRITE_PER_CLASS, 0)
    assert grid.startswith(b"\x89PNG") and sprite.startswith(b"\x89PNG")
    assert drawn == [], "read from the cache, not drawn again"


def test_app_py_serves_the_script_and_reads_the_data_at_the_servers_start(monkeypatch):
    """app.py is an st.App of ui/main.py whose lifespan starts reading the dataset (and the
    figures' imports) before any visitor; a page asking for the data later joins that same thread."""
    import asyncio
    import concurrent.futures
    import runpy

    import streamlit as st
    from conftest import ROOT

    app = runpy.run_path(str(ROOT / "app.py"))["app"]
    assert isinstance(app, st.App) and Path(app.script_path).as_posix().endswith("ui/main.py")
    monkeypatch.setattr(_warm_up, "_threads", {})
    monkeypatch.setattr(_warm_up, "on_a_server", lambda: True)
    read = []
    monkeypatch.setattr(_dataset_ui, "_dataset", lambda: read.append(True))

    async def start_and_stop():
        async with _warm_up.server_lifespan(app):
            return _warm_up._threads.get(_warm_up.READ_DATA)
    with concurrent.futures.ThreadPoolExecutor(1) as other:  # a loop of its own: the browser tests' may be running
        thread = other.submit(asyncio.run, start_and_stop()).result(timeout=30)
    thread.join(timeout=30)
    assert read == [True]
