"""Limits and hostile input: a missing dataset or a broken model never stops the app, and nothing a
user supplies reaches a file path or the page's HTML unchecked."""

import pytest
from conftest import open_app
from streamlit.testing.v1 import AppTest

from fmnist import data, i18n, registry

EVERY_PAGE = ["pages/home.py", "pages/browse.py", "pages/compose.py", "pages/train.py", "pages/predict.py",
              "pages/draw.py"]
NEED_DATA = {"pages/browse.py", "pages/compose.py", "pages/predict.py"}


@pytest.fixture
def no_dataset(monkeypatch, tmp_path):
    """As on a machine where the data was never installed (and no download is allowed)."""
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    monkeypatch.setenv(data.NO_DOWNLOAD_ENV, "1")
    import ui.dataset as _ui

    _ui._dataset.clear()
    yield
    _ui._dataset.clear()


@pytest.fixture
def broken_models(monkeypatch, tmp_path):
    """models/ with a truncated single.keras and no multi.keras at all."""
    shipped = tmp_path / "models"
    shipped.mkdir()
    for kind in ("dense", "single"):
        (shipped / f"{kind}.json").write_bytes(registry.metadata_path(registry.shipped_path(kind)).read_bytes())
    (shipped / "dense.keras").write_bytes(registry.shipped_path("dense").read_bytes())
    (shipped / "single.keras").write_bytes(registry.shipped_path("single").read_bytes()[:5000])
    monkeypatch.setattr(registry, "SHIPPED_DIR", shipped)
    return shipped


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_without_the_dataset_every_page_opens_and_says_what_is_missing(no_dataset, page):
    at = open_app("en", page, timeout=120)
    assert not at.exception, at.exception
    errors = " ".join(error.value for error in at.error)
    if page in NEED_DATA:
        assert i18n.t("app.data_error", "en") in errors and "apt-get install dataset-fashion-mnist" in errors
    else:
        assert not errors, errors


def test_without_the_dataset_draw_still_answers_an_upload(no_dataset, fmnist_data):
    from test_page_draw import open_upload_tab, product_photo, upload

    _, (x_test, _) = fmnist_data
    at = upload(open_upload_tab(), "garment.png", product_photo(x_test[0]))
    assert not at.exception and not at.error
    assert at.metric[0].value in i18n.class_names("en")


@pytest.mark.parametrize("page", ["pages/train.py", "pages/predict.py", "pages/draw.py", "pages/home.py"])
def test_a_truncated_or_missing_shipped_model_is_named_and_the_page_goes_on(broken_models, page):
    at = open_app("en", page, timeout=180)
    assert not at.exception, at.exception
    sidebar = " ".join(caption.value for caption in at.sidebar.caption)
    assert i18n.t("app.model_missing", "en", name=i18n.t("model.multi", "en")) in sidebar


def test_predict_names_the_broken_model_on_the_tabs_that_need_it(broken_models):
    at = open_app("en", "pages/predict.py", timeout=180)
    at.session_state["predict_tab"] = i18n.t("predict.tab_compare", "en")
    at.run()
    assert not at.exception
    errors = [error.value for error in at.error]
    assert any("single.keras" in error for error in errors) and any("multi.keras" in error for error in errors)


def test_a_model_key_that_is_a_path_never_reaches_the_file_system(tmp_path):
    store = registry.Registry(tmp_path)
    for hostile in ("../../etc/passwd", "dense-0123456789ab/../../x", "/etc/passwd", "dense-0123456789AB"):
        with pytest.raises(ValueError):
            store.path_for_key(hostile)
        with pytest.raises(ValueError):
            store.delete(hostile)


def test_a_hostile_model_key_in_the_session_falls_back_to_the_shipped_model():
    at = open_app("en", "pages/train.py", timeout=120)
    at.session_state["active_models"] = {"dense": "../../etc/passwd", "single": "shipped", "multi": "shipped"}
    at.run()
    assert not at.exception
    assert at.session_state["active_models"]["dense"] == "shipped"


def test_label_boxes_escape_what_they_are_given():
    at = AppTest.from_string(
        "import numpy as np\n"
        "from ui.widgets import label_boxes\n"
        "label_boxes(np.eye(2)[0], ['<script>alert(1)</script>', '<b>bold</b>'])\n"
    ).run()
    assert not at.exception
    html = at.markdown[0].value
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
