"""The Train page and the sidebar's model list with Streamlit's AppTest, through app.py.

A real tiny model is trained through the page; every test gets an empty registry folder.
"""

import json
import os
import re
import threading
import time

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from conftest import new_app, open_app  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402
from fmnist import i18n, recipes, registry, training  # noqa: E402
from fmnist.contract import KINDS  # noqa: E402

PAGE = "pages/train.py"
# The Quick dense recipe with the smallest training set the page offers.
TINY_FROM_PAGE = training.TrainConfig.from_dict({**training.PRESETS["dense"]["quick"].__dict__, "train_size": 500})


@pytest.fixture(autouse=True)
def registry_root(tmp_path, monkeypatch):
    root = tmp_path / "registry"
    monkeypatch.setenv(registry.REGISTRY_ENV, str(root))
    return root


@pytest.fixture
def shipped_dir(tmp_path, monkeypatch):
    """An empty stand-in for models/, whatever the real one holds today."""
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setattr(registry, "SHIPPED_DIR", folder)
    return folder


@pytest.fixture(scope="module")
def tiny_dense(fmnist_data):
    """A model the page could have trained: the tiny recipe with seed 7."""
    config = training.TrainConfig.from_dict({**TINY_FROM_PAGE.__dict__, "seed": 7})
    return training.train(config, fmnist_data, eval_size=200)


def texts(elements) -> str:
    return "\n".join(str(element.value) for element in elements)


def wait_for_active(at, kind: str, timeout: float = 120.0) -> str:
    """Rerun the page (as its polling fragment would) until a model of ``kind`` trained here is in use."""
    deadline = time.monotonic() + timeout
    while at.session_state["active_models"][kind] == "shipped":
        assert not at.exception, at.exception
        assert time.monotonic() < deadline, "training did not finish in time"
        time.sleep(0.5)
        at.run()
    return at.session_state["active_models"][kind]


@pytest.mark.parametrize("lang, title, tab", [("en", "Train the models", "Tutorial model (dense)"),
                                              ("ko", "모델 학습", "튜토리얼 모델(완전 연결)")])
def test_the_train_page_opens_in_both_languages(lang, title, tab):
    at = open_app(lang, PAGE)
    assert not at.exception
    assert at.title[0].value == title
    assert at.tabs[0].label == tab
    assert at.session_state["active_models"] == {"dense": "shipped", "single": "shipped", "multi": "shipped"}


def test_the_charts_tooltips_name_their_fields_in_korean():
    at = open_app("ko", PAGE)
    charts = [json.loads(node.proto.spec) for node in at.get("vega_lite_chart")]
    assert charts, "the shipped tile networks and plain CNNs are compared with a chart"
    for chart in charts:
        assert [field["title"] for field in chart["encoding"]["tooltip"]] == ["신경망", "에포크", "값"]


def test_each_kind_offers_its_knobs_with_the_widgets_their_description_asks_for():
    at = open_app(page=PAGE)
    for kind in KINDS:
        at.radio(key=f"train_{kind}_source").set_value("train").run()
    assert not at.exception
    shown = {widget.key: (kind, widget) for kind in ("slider", "select_slider", "number_input", "radio", "checkbox")
             for widget in getattr(at, kind)}
    for kind in KINDS:
        for knob in recipes.KNOBS:
            key = f"train_{kind}_{knob.name}"
            if not (knob.on_page and knob.applies_to(kind)):
                assert key not in shown
                continue
            widget_kind, widget = shown[key]
            assert widget_kind == knob.widget
            assert widget.label == i18n.t(knob.text_key, "en") and widget.help == i18n.t(knob.help_key, "en")
            assert widget.value == getattr(recipes.PRESETS[kind]["quick"], knob.name)  # the preset first shown


def test_a_tiny_training_is_stored_with_its_metrics_and_becomes_the_model_in_use():
    at = open_app(page=PAGE)
    at.radio(key="train_dense_source").set_value("train").run()
    at.slider(key="train_dense_train_size").set_value(500).run()
    at.button(key="train_dense_go").click().run()
    assert not at.exception

    key = wait_for_active(at, "dense")
    assert key == TINY_FROM_PAGE.key()
    assert "Trained in" in texts(at.success)
    assert "Test accuracy" in [metric.label for metric in at.metric]
    assert f"`{key}`" in texts(at.markdown)  # listed among the stored models
    assert "epochs 1 · 500 images" in texts(at.caption)
    assert registry.Registry().lookup(TINY_FROM_PAGE) is not None

    # The same settings again: stored and in use, so there is nothing to train.
    assert "Trained before with exactly these settings, and in use now." in texts(at.success)
    assert "train_dense_go" not in [button.key for button in at.button]

    at.button(key=f"delete_{key}").click().run()
    assert not at.exception
    assert at.session_state["active_models"]["dense"] == "shipped"
    assert registry.Registry().entries() == []


def test_settings_trained_before_load_at_once_without_training(tiny_dense):
    registry.Registry().put(tiny_dense)
    at = open_app(page=PAGE)
    at.radio(key="train_dense_source").set_value("train").run()
    at.slider(key="train_dense_train_size").set_value(500).run()
    at.number_input(key="train_dense_seed").set_value(7).run()
    assert "Trained before with exactly these settings: loads instantly." in texts(at.success)
    assert at.button(key="train_dense_go").label == "Load the stored model"
    at.button(key="train_dense_go").click().run()
    assert not at.exception
    assert at.session_state["active_models"]["dense"] == tiny_dense.config.key()  # at once: no polling
    assert "Loaded the stored model" in texts(at.success)


def test_multi_offers_two_tile_answers_and_each_is_its_own_recipe(fmnist_data):
    """Sigmoid tiles (binary cross-entropy) are another recipe: stored apart, found again when asked for."""
    config = training.TrainConfig.from_dict({**training.PRESETS["multi"]["quick"].__dict__, "epochs": 1,
                                             "train_size": 500, "tile_answer": "sigmoid"})
    registry.Registry().put(training.train(config, fmnist_data, eval_size=200))
    at = open_app(page=PAGE)
    assert "train_single_tile_answer" not in [radio.key for radio in at.radio]
    at.radio(key="train_multi_source").set_value("train").run()
    at.slider(key="train_multi_epochs").set_value(1).run()
    at.slider(key="train_multi_train_size").set_value(500).run()
    answer = at.radio(key="train_multi_tile_answer")
    assert answer.value == "softmax" and list(answer.options) == [
        "softmax: one of ten garments, or empty", "ten sigmoids: each class yes or no (binary cross-entropy)"]
    assert "Trained before with exactly these settings" not in texts(at.success)
    answer.set_value("sigmoid").run()
    assert not at.exception
    assert "Trained before with exactly these settings" in texts(at.success)
    assert "sigmoid tiles" in texts(at.caption)  # the stored model's row says which recipe it is


def test_the_shipped_models_recipe_is_not_trained_again(shipped_dir, tiny_dense, registry_root):
    """Asking for exactly the settings of the shipped model offers that model instead of a training."""
    registry.save_model(tiny_dense.model, tiny_dense.metadata(), shipped_dir / "dense.keras")
    registry.Registry().put(tiny_dense)  # also stored, and put in use first: the shipped one is offered back
    at = open_app(page=PAGE)
    at.session_state["active_models"]["dense"] = tiny_dense.config.key()
    at.radio(key="train_dense_source").set_value("train").run()
    at.slider(key="train_dense_train_size").set_value(500).run()
    assert "shipped model was trained with" not in texts(at.success)  # seed 0: another recipe
    at.number_input(key="train_dense_seed").set_value(7).run()
    assert "exactly the settings the shipped model was trained with: use it" in texts(at.success)
    assert "train_dense_go" not in [button.key for button in at.button]
    at.button(key="train_dense_go_shipped").click().run()
    assert not at.exception
    assert at.session_state["active_models"]["dense"] == "shipped"
    assert "shipped model was trained with, and it is in use now" in texts(at.success)
    from ui.backends import _job_manager

    assert _job_manager(str(registry_root), None).jobs() == []  # nothing was queued


def test_a_stored_model_can_be_put_in_use(tiny_dense):
    registry.Registry().put(tiny_dense)
    at = open_app(page=PAGE)
    key = tiny_dense.config.key()
    at.button(key=f"use_{key}").click().run()
    assert not at.exception
    assert at.session_state["active_models"]["dense"] == key
    assert f"your model `{key}`" in texts(at.info)


def test_a_corrupt_registry_file_is_a_warning_not_an_exception(registry_root, tiny_dense):
    good = registry.Registry().put(tiny_dense)
    (registry_root / "dense-000000000000.keras").write_bytes(b"garbage")
    (registry_root / "single-000000000000.keras").write_bytes(good.read_bytes()[:3000])
    (registry_root / "single-000000000000.json").write_text("{ broken")
    for lang, warning in (("en", "Skipped an unreadable stored model"), ("ko", "읽을 수 없는 저장 모델")):
        at = open_app(lang, PAGE)
        assert not at.exception
        shown = texts(at.warning)
        assert shown.count(warning) == 2
        assert "dense-000000000000.keras" in shown and "single-000000000000.keras" in shown
        assert f"`{tiny_dense.config.key()}`" in texts(at.markdown)  # the good one is still listed


def test_missing_shipped_models_give_a_message_on_the_page_and_in_the_sidebar(shipped_dir):
    at = open_app(page=PAGE)
    assert not at.exception
    assert "`models/single.keras` is missing" in texts(at.warning)
    home = open_app()
    assert "Tutorial model (dense): not available" in texts(home.sidebar.caption)


def test_the_sidebar_names_the_model_in_use_with_its_headline_figure(shipped_dir, tiny_dense):
    registry.save_model(tiny_dense.model, tiny_dense.metadata(), shipped_dir / "dense.keras")
    at = open_app()
    accuracy = tiny_dense.metrics["accuracy"]
    assert f"Tutorial model (dense): shipped, accuracy {accuracy:.1%}" in texts(at.sidebar.caption)

    trained = registry.Registry().put(tiny_dense)
    at = new_app()
    at.session_state["active_models"] = {"dense": trained.stem, "single": "shipped", "multi": "shipped"}
    at.run()
    assert f"Tutorial model (dense): trained in this session, accuracy {accuracy:.1%}" in texts(at.sidebar.caption)


def test_a_shipped_model_with_a_broken_json_still_opens(shipped_dir, tiny_dense):
    registry.save_model(tiny_dense.model, tiny_dense.metadata(), shipped_dir / "dense.keras")
    (shipped_dir / "dense.json").write_text(json.dumps({"test": {"accuracy": "very good"}}))
    at = open_app(page=PAGE)
    assert not at.exception
    assert "no test figures" in texts(at.info)


def test_trainings_asked_for_elsewhere_are_listed_with_their_place_in_the_queue(registry_root, fmnist_data):
    from ui.backends import _job_manager

    manager = _job_manager(str(registry_root), None)  # the server's manager, as another session would use it
    gate = threading.Event()

    def held_back(*args, **kwargs):
        gate.wait(60)
        return training.train(*args, **kwargs)

    manager.train_fn, manager.isolate = held_back, False  # a gate holds a training back only in this process
    first, second = (manager.request(training.TrainConfig("dense", epochs=1, train_size=300, seed=seed), fmnist_data)
                     for seed in (1, 2))
    try:
        at = open_app(page=PAGE)
        assert not at.exception
        shown = texts(at.markdown)
        assert f"Tutorial model (dense) `{first.key}`: training, 0%" in shown
        assert f"Tutorial model (dense) `{second.key}`: waiting, place 1" in shown
        assert f"server_cancel_{first.key}" not in [button.key for button in at.button]  # not this session's
    finally:
        manager.cancel(second.key)
        manager.cancel(first.key)
        gate.set()
        manager.wait(first.key, timeout=60)


def _prediction_page():
    """What a prediction page does: load the model in use, or show why it cannot."""
    import numpy as np
    import streamlit as st

    from fmnist import registry
    from ui.models import load_active_model

    try:
        model, metadata = load_active_model("dense")
    except registry.ModelError as exc:
        st.error(str(exc))
    else:
        st.write(metadata["key"])
        st.write(str(np.asarray(model(np.zeros((1, 28, 28), dtype="float32"))).shape))


def test_the_prediction_pages_load_the_model_in_use(shipped_dir, tiny_dense, fmnist_data):
    at = AppTest.from_function(_prediction_page, default_timeout=60).run()
    assert "dense.keras: file not found" in texts(at.error)  # a message naming the file, not a traceback

    registry.save_model(tiny_dense.model, tiny_dense.metadata(), shipped_dir / "dense.keras")
    at.run()
    assert not at.error and texts(at.markdown).splitlines() == [tiny_dense.config.key(), "(1, 10)"]

    other = training.train(training.TrainConfig("dense", epochs=1, train_size=300, seed=8), fmnist_data, eval_size=200)
    registry.Registry().put(other)
    at.session_state["active_models"] = {"dense": other.config.key(), "single": "shipped", "multi": "shipped"}
    at.run()
    assert texts(at.markdown).splitlines()[0] == other.config.key()


def test_a_training_can_be_cancelled_from_the_page():
    at = open_app(page=PAGE)
    at.radio(key="train_dense_source").set_value("train").run()
    at.slider(key="train_dense_epochs").set_value(5).run()  # 5 epochs of 55,000 images: long enough to stop
    at.number_input(key="train_dense_seed").set_value(1).run()  # seed 0 would be the shipped model's recipe
    at.button(key="train_dense_go").click().run()
    deadline = time.monotonic() + 120
    while not any(bar.text.startswith("Epoch") for bar in at.progress):  # the job is training
        assert time.monotonic() < deadline, "training did not start"
        time.sleep(0.3)
        at.run()
    at.button(key="train_dense_cancel").click().run()
    while "Training was cancelled." not in texts(at.warning):
        assert time.monotonic() < deadline, "training did not stop"
        time.sleep(0.3)
        at.run()
    assert not at.exception
    assert at.session_state["active_models"]["dense"] == "shipped"
    assert registry.Registry().entries() == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_training_cut_short_by_a_server_stop_shows_as_failed_after_the_restart(registry_root, lang):
    config = training.PRESETS["single"]["quick"]
    (registry_root / "jobs").mkdir(parents=True)
    record = {"key": config.key(), "config": config.relevant(), "state": "running", "error": None,
              "submitted": time.time() - 60, "started": time.time() - 50, "finished": None}
    (registry_root / "jobs" / f"{config.key()}.json").write_text(json.dumps(record))
    at = open_app(lang, PAGE)
    assert not at.exception
    warning = next(w.value for w in at.warning if config.key() in w.value)
    assert warning.startswith(i18n.t("train.interrupted", lang, model=i18n.t("model.single", lang),
                                     model_id=config.key())[:12])
    assert json.loads((registry_root / "jobs" / f"{config.key()}.json").read_text())["state"] == "failed"
    assert not list(registry_root.glob("*.keras"))


# --- The network: the tile network or the notebook's plain CNN ----------------------------------

def _keys(at) -> set:
    return {widget.key for kind in ("slider", "select_slider", "number_input", "radio") for widget in getattr(at, kind)}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_canvas_model_offers_the_plain_cnn_with_its_own_recipe(lang):
    at = open_app(lang, PAGE)
    assert "train_dense_arch" not in _keys(at)  # the tutorial model has one network
    arch = at.radio(key="train_single_arch")
    assert arch.value == "tiles" and arch.label == i18n.t("train.arch", lang)
    assert list(arch.options) == [i18n.t("train.arch_tiles", lang), i18n.t("train.arch_plain", lang)]
    for kind in ("single", "multi"):
        at.radio(key=f"train_{kind}_source").set_value("train").run()
        assert f"train_{kind}_width" in _keys(at)
        at.radio(key=f"train_{kind}_arch").set_value("plain").run()
        assert not at.exception, at.exception
        shown = _keys(at)
        assert not {f"train_{kind}_{name}" for name in ("width", "blocks", "convs", "tile_answer")} & shown
        quick = recipes.preset(kind, "quick", "plain")
        assert at.slider(key=f"train_{kind}_epochs").value == quick.epochs  # the plain CNN's preset
        assert at.slider(key=f"train_{kind}_train_size").value == quick.train_size
    at.radio(key="train_single_arch").set_value("tiles").run()
    assert at.slider(key="train_single_train_size").value == recipes.PRESETS["single"]["quick"].train_size
    assert "train_single_width" in _keys(at)


@pytest.mark.parametrize("kind", ["single", "multi"])
def test_the_tile_networks_shipped_recipe_on_the_page_offers_the_shipped_model(kind):
    """"As shipped" fills in the shipped tile network's recipe (twice Full's epochs, mirror averaging)
    and offers the model on disk instead of 35 minutes of training; Full is the page's longest
    training. With the plain CNN chosen, whose shipped recipe is its Full, "As shipped" is not offered."""
    at = open_app(page=PAGE)
    assert "It answers every quadrant twice, as it is and mirrored left-right" in texts(at.caption)  # the facts
    at.radio(key=f"train_{kind}_source").set_value("train").run()
    preset = at.radio(key=f"train_{kind}_preset")
    assert preset.options == ["Quick", "Full", "As shipped"]
    preset.set_value("shipped").run()
    assert not at.exception
    shipped = recipes.PRESETS[kind]["shipped"]
    assert at.slider(key=f"train_{kind}_epochs").value == shipped.epochs
    assert at.checkbox(key=f"train_{kind}_mirror_average").value is True
    assert "These are exactly the settings the shipped model was trained with" in texts(at.success)
    assert not [b for b in at.button if b.key == f"train_{kind}_go"]  # nothing to train
    at.radio(key=f"train_{kind}_preset").set_value("full").run()
    assert at.slider(key=f"train_{kind}_epochs").value == recipes.PRESETS[kind]["full"].epochs
    assert at.checkbox(key=f"train_{kind}_mirror_average").value is False
    assert "These are exactly the settings the shipped model was trained with" not in texts(at.success)
    at.radio(key=f"train_{kind}_preset").set_value("shipped").run()
    at.radio(key=f"train_{kind}_arch").set_value("plain").run()
    assert not at.exception, at.exception
    preset = at.radio(key=f"train_{kind}_preset")
    assert preset.options == ["Quick", "Full (the shipped model's)"] and preset.value == "full"
    assert "These are exactly the settings the shipped model was trained with" in texts(at.success)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_shipped_plain_cnn_is_put_in_use_and_compared_with_the_tile_network(shipped_with_plain, tiny_plain, lang):
    at = open_app(lang, PAGE)
    at.radio(key="train_single_arch").set_value("plain").run()
    at.button(key="train_single_use_shipped_plain").click().run()
    assert not at.exception, at.exception
    assert at.session_state["active_models"]["single"] == "shipped-plain"
    plain = tiny_plain["single"][0].metrics["accuracy"]
    metric = i18n.t("model.metric_accuracy", lang, value=plain)
    assert i18n.t("train.active_shipped_plain", lang, metric=metric) in texts(at.info)
    assert i18n.t("app.model_shipped_plain", lang, name=i18n.t("model.single", lang), metric=metric) in texts(
        at.sidebar.caption)

    tiles = registry.read_metadata(shipped_with_plain / "single.keras")["test"]["accuracy"]
    worth = i18n.t("train.compare_worth_accuracy", lang, points=100 * (tiles - plain), tiles=tiles, plain=plain)
    assert worth in texts(at.markdown)
    assert any(i18n.t("train.arch_short_plain", lang) in frame.value.columns for frame in at.dataframe)
    tiles = registry.read_metadata(shipped_with_plain / "multi.keras")["test"]["exact_match"]
    plain = tiny_plain["multi"][0].metrics["exact_match"]
    worth = i18n.t("train.compare_worth_exact_match", lang, points=100 * (tiles - plain), tiles=tiles, plain=plain)
    assert worth in texts(at.markdown)  # the other canvas model's tab, by its own measure

    at.radio(key="train_single_arch").set_value("tiles").run()  # and back to the tile network
    at.button(key="train_single_use_shipped").click().run()
    assert at.session_state["active_models"]["single"] == "shipped"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_missing_plain_cnn_is_said_and_the_tile_network_still_works(shipped_tiles, lang):
    at = open_app(lang, PAGE)
    at.radio(key="train_multi_arch").set_value("plain").run()
    assert not at.exception and not at.error
    assert i18n.t("train.plain_missing", lang, path="models/plain_multi.keras", kind="multi") in texts(at.info)
    assert i18n.t("train.compare_needs", lang, network=i18n.t("train.arch_plain", lang)) in texts(at.info)
    assert "train_multi_use_shipped_plain" not in [button.key for button in at.button]
    at.session_state["active_models"]["multi"] = "shipped-plain"  # from an older page, say: falls back
    at.run()
    assert not at.exception and at.session_state["active_models"]["multi"] == "shipped"


# --- Take it home: the model and its notebook as downloads --------------------------------------

@pytest.fixture
def downloads(monkeypatch):
    """Every ``st.download_button`` a page draws, by key: (label, file name, data). A spy on
    Streamlit's public function, which it still calls: AppTest keeps no file name, and a deferred
    download's bytes are made only when the callable is called, as Streamlit calls it on a click."""
    import streamlit as st

    drawn = {}
    real = st.download_button

    def spy(label, data, file_name=None, *args, key=None, **kwargs):
        drawn[key] = (label, file_name, data)
        return real(label, data, file_name, *args, key=key, **kwargs)

    monkeypatch.setattr(st, "download_button", spy)
    return drawn


def _bytes(data) -> bytes:
    return data() if callable(data) else data


def _open_model_zip(raw: bytes, folder) -> tuple[list[str], object, dict]:
    """(the zip's names, the model loaded from it with safe_mode, its JSON)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = archive.namelist()
        archive.extractall(folder)
    keras_name = next(name for name in names if name.endswith(".keras"))
    json_name = next(name for name in names if name.endswith(".json"))
    return names, registry.load_model(folder / keras_name), json.loads((folder / json_name).read_text())


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_shipped_model_downloads_as_a_zip_and_a_notebook_in_the_pages_language(downloads, tmp_path, lang):
    from fmnist import notebook

    at = open_app(lang, PAGE)
    assert not at.exception
    shown = {button.key for button in at.get("download_button")}
    for kind in KINDS:
        assert {f"train_{kind}_shipped_tiles_model_zip", f"train_{kind}_shipped_tiles_notebook"} <= shown

    label, file_name, data = downloads["train_dense_shipped_tiles_model_zip"]
    assert file_name == "dense.zip" and label == i18n.t("take_home.model", lang)
    names, model, card = _open_model_zip(_bytes(data), tmp_path)
    assert names == ["dense.keras", "dense.json"]
    assert model.output_shape == (None, 10)
    assert card == registry.read_metadata(registry.shipped_path("dense"))

    label, file_name, data = downloads["train_single_shipped_tiles_notebook"]
    assert file_name == f"single-{lang}.ipynb" and label == i18n.t("take_home.notebook", lang)
    nb = notebook.read_notebook(_bytes(data))  # valid nbformat v4
    assert nb.metadata["fmnist"] == {"key": registry.read_metadata(registry.shipped_path("single"))["key"],
                                     "config": nb.metadata["fmnist"]["config"], "language": lang}
    assert bool(re.search("[가-힣]", nb.cells[0].source)) == (lang == "ko")  # its explanations in the page's language


def test_a_stored_model_downloads_with_its_own_name_and_recipe(downloads, tiny_dense, tmp_path):
    from fmnist import notebook

    registry.Registry().put(tiny_dense)
    key = tiny_dense.config.key()
    at = open_app(page=PAGE)
    assert not at.exception
    _, file_name, data = downloads[f"stored_{key}_model_zip"]
    assert file_name == f"{key}.zip"
    names, model, card = _open_model_zip(_bytes(data), tmp_path)
    assert names == [f"{key}.keras", f"{key}.json"] and card["key"] == key
    assert model.count_params() == card["params"]

    _, file_name, data = downloads[f"stored_{key}_notebook"]
    assert file_name == f"{key}-en.ipynb"
    code = "\n".join(cell.source for cell in notebook.read_notebook(_bytes(data)).cells if cell.cell_type == "code")
    assert "TRAIN_SIZE = 500" in code and "SEED = 7" in code
    assert f"STUDIO = {card['test']['accuracy']!r}" in code  # the figure the notebook compares itself with
