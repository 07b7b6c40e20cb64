"""The server's warm-up (pages/_warm_up.py): it fills the very caches the pages read, stores missing
test answers, skips what is missing, and starts only on a real server."""

import os
import shutil

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import answer_files, registry  # noqa: E402
from pages import _test_answers, _ui, _warm_up  # noqa: E402


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
    file = _ui.model_file(only_dense_shipped)
    assert len(_test_answers.test_predictions_of("dense", *file)) == 10_000
    assert _ui._predictor(*file).model is _ui._load_model(*file)[0]


def test_the_warm_up_starts_only_on_a_real_server(monkeypatch):
    assert not _warm_up.on_a_server()  # pytest: no Streamlit server runs here
    assert _warm_up.start_warm_up() is None
    monkeypatch.setattr(_warm_up, "on_a_server", lambda: True)
    monkeypatch.setenv(_warm_up.ENV, "0")
    assert _warm_up.start_warm_up() is None


def test_apptest_runs_are_not_a_server():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string("import streamlit as st\nfrom pages._warm_up import on_a_server\n"
                             "st.write(f'server: {on_a_server()}')")
    at.run()
    assert [m.value for m in at.markdown] == ["server: False"]
