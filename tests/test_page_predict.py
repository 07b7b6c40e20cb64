"""The Predict page with Streamlit's AppTest and the shipped models, in both languages."""

import json

import numpy as np
import pytest
from conftest import open_app

from fmnist import i18n, registry

PAGE = "pages/predict.py"


def open_tab(at, tab: str, lang: str = "en"):
    at.session_state["predict_tab"] = i18n.t(f"predict.tab_{tab}", lang)
    return at.run()


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info])


@pytest.fixture(scope="module")
def shipped_dense_mistakes():
    metadata = registry.read_metadata(registry.shipped_path("dense"))
    return round(10_000 * (1 - metadata["test"]["accuracy"]))


@pytest.mark.parametrize("lang, title, tab", [("en", "What the models answer", "The tutorial's charts"),
                                              ("ko", "모델은 무엇이라고 답할까", "튜토리얼 차트")])
def test_predict_opens_on_the_tutorial_charts_in_either_language(lang, title, tab):
    at = open_app(lang, PAGE, timeout=180)
    assert not at.exception, at.exception
    assert at.title[0].value == title
    assert at.tabs[0].label == tab
    names = i18n.class_names(lang)
    caption = next(c.value for c in at.caption if "#0" in c.value)
    assert names[9] in caption, "test picture #0 is an ankle boot, named in the chosen language"
    assert len(at.image) >= 2, "the tutorial pair and the grid"
    assert not at.error


def test_only_mistakes_shows_as_many_pictures_as_the_model_gets_wrong(shipped_dense_mistakes):
    at = open_app("en", PAGE, timeout=180)
    at.toggle(key="predict_mistakes").set_value(True).run()
    assert not at.exception
    assert f"of {shipped_dense_mistakes:,} matching test pictures" in texts(at)


def test_filters_by_true_and_predicted_class_find_the_famous_confusion():
    at = open_app("en", PAGE, timeout=180)
    at.selectbox(key="predict_true").set_value(6).run()  # Shirt
    at.selectbox(key="predict_predicted").set_value(0).run()  # taken for T-shirt/top
    caption = next(c.value for c in at.caption if "matching" in c.value)
    count = int(caption.split(" of ")[1].split(" matching")[0].replace(",", ""))
    assert count > 50, "the tutorial model often takes a shirt for a T-shirt"
    at.selectbox(key="predict_predicted").set_value(6).run()
    assert "of 0 matching" not in texts(at)


def test_the_walk_through_shows_the_shapes_and_the_argmax():
    at = open_app("en", PAGE, timeout=180)
    assert any("(28, 28)" in m.value for m in at.markdown)
    assert any("(1, 28, 28)" in m.value for m in at.markdown)
    assert any("number **9**: **Ankle boot**" in m.value for m in at.markdown)
    at.segmented_control(key="predict_tutorial_kind").set_value("single").run()
    assert not at.exception
    assert any("(1, 56, 56, 1)" in m.value for m in at.markdown)


def test_evaluation_shows_the_accuracy_of_the_model_in_use():
    at = open_app("en", PAGE, timeout=180)
    open_tab(at, "evaluation")
    assert not at.exception, at.exception
    accuracy = registry.read_metadata(registry.shipped_path("dense"))["test"]["accuracy"]
    assert at.metric[0].value == f"{accuracy:.1%}"
    assert any("Shirt" in m.value and "taken for" in m.value for m in at.markdown)
    at.segmented_control(key="predict_eval_kind").set_value("multi").run()
    assert not at.exception
    assert at.dataframe, "the multi-label scores by number of garments"


@pytest.fixture(scope="module")
def composite_the_threshold_decides(fmnist_data):
    """The first test composite whose answer differs between thresholds 0.05 and 0.95."""
    from fmnist import evaluation
    from fmnist.inference import Predictor

    _, (x_test, y_test) = fmnist_data
    canvases = evaluation.test_composites("multi", x_test, y_test)  # the page's test composites
    probs = Predictor(registry.load_model(registry.shipped_path("multi")))(canvases.images[:50])
    return int(np.flatnonzero(((probs >= 0.05) != (probs >= 0.95)).any(axis=1))[0])


def test_the_threshold_slider_changes_what_the_multi_label_model_says(composite_the_threshold_decides):
    at = open_app("en", PAGE, timeout=180)
    open_tab(at, "multi")
    assert not at.exception, at.exception
    at.number_input(key="predict_composite").set_value(composite_the_threshold_decides).run()
    said = [m.value for m in at.markdown if m.value.startswith("The model says")]
    at.slider(key="predict_threshold").set_value(0.05).run()
    low = [m.value for m in at.markdown if m.value.startswith("The model says")]
    at.slider(key="predict_threshold").set_value(0.95).run()
    high = [m.value for m in at.markdown if m.value.startswith("The model says")]
    assert not at.exception
    assert len(said) == len(low) == len(high) == 1
    assert low != high and len(low[0]) > len(high[0])


def test_a_canvas_sent_from_compose_is_the_one_compared(fmnist_data):
    at = open_app("en", "pages/compose.py", timeout=180)
    at.slider(key="compose_count").set_value(0).run()
    at.button(key="compose_multi_send").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "What the models answer", "the button opens the Predict page"
    assert at.session_state["predict_source"] == "sent"
    assert "On the canvas: nothing, an empty canvas" in texts(at)
    assert "No garment: a softmax model must still name a class" in texts(at)
    assert "The multi-label model says: no garment." in texts(at)  # the shipped model says no to all ten


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_softmax_and_multi_label_side_by_side_explain_themselves(lang):
    at = open_app(lang, PAGE, timeout=180)
    open_tab(at, "compare", lang)
    assert not at.exception, at.exception
    assert len(said(at, lang)) == 2, "one answer from each model"
    shown = [m.value for m in at.markdown]
    other = "ko" if lang == "en" else "en"
    for key in ("predict.recipe_table", "predict.really"):  # the table of the two recipes, how the studio's work
        assert i18n.t(key, lang) in shown and i18n.t(key, other) not in shown, key


def test_where_the_model_looked_names_the_hottest_quadrant():
    at = open_app("en", PAGE, timeout=180)
    open_tab(at, "saliency")
    assert not at.exception, at.exception
    assert any(m.value.startswith("Hottest quadrant") for m in at.markdown)
    at.segmented_control(key="predict_saliency_kind").set_value("dense").run()
    assert not at.exception
    assert not any(m.value.startswith("Hottest quadrant") for m in at.markdown)


def test_a_corrupt_model_in_use_gives_a_message_and_the_other_tabs_work(tmp_path, monkeypatch):
    monkeypatch.setenv("FMNIST_REGISTRY", str(tmp_path))
    key = "dense-0123456789ab"
    (tmp_path / f"{key}.keras").write_bytes(b"not a keras archive")
    (tmp_path / f"{key}.json").write_text(json.dumps({"key": key, "name": "dense"}))
    at = open_app("en", PAGE, timeout=180)
    at.session_state["active_models"] = {"dense": key, "single": "shipped", "multi": "shipped"}
    at.run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and key in at.error[0].value
    open_tab(at, "compare")
    assert not at.exception and not at.error
    assert len(said(at)) == 2, "the canvas models in use still answer"


# --- Which pair the side-by-side compares ------------------------------------------------------

def said(at, lang: str = "en") -> list:
    return [m.value for m in at.markdown if m.value.startswith(i18n.t("predict.says", lang, garments="")[:6])]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_side_by_side_can_compare_the_notebooks_plain_pair(shipped_with_plain, lang):
    at = open_app(lang, PAGE, timeout=180)
    open_tab(at, "compare", lang)
    pair = at.segmented_control(key="predict_pair")
    assert pair.value == "in_use" and pair.label == i18n.t("predict.pair", lang)
    pair.set_value("plain").run()
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    assert len(said(at, lang)) == 2, "one answer from each plain CNN"
    assert i18n.t("predict.really_plain", lang) in [m.value for m in at.markdown]
    assert at.slider(key="predict_plain_threshold").value == stored_plain_threshold(shipped_with_plain)
    at.segmented_control(key="predict_pair").set_value("in_use").run()
    assert not at.exception and len(said(at, lang)) == 2
    assert i18n.t("predict.really", lang) in [m.value for m in at.markdown]


def stored_plain_threshold(folder) -> float:
    return registry.read_metadata(folder / "plain_multi.keras")["threshold"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_missing_plain_model_is_said_and_the_rest_of_the_page_works(shipped_tiles, lang):
    at = open_app(lang, PAGE, timeout=180)
    open_tab(at, "compare", lang)
    at.segmented_control(key="predict_pair").set_value("plain").run()
    assert not at.exception, at.exception
    assert not at.error
    warnings = [w.value for w in at.warning]
    for kind in ("single", "multi"):
        assert i18n.t("predict.plain_missing", lang, path=f"models/plain_{kind}.keras", kind=kind) in warnings
    assert said(at, lang) == []
    assert any("|" in m.value for m in at.markdown), "the recipe table is still there"
    open_tab(at, "multi", lang)
    assert not at.exception and not at.error


def test_a_plain_model_in_use_answers_on_every_tab_without_a_network_per_quadrant(shipped_with_plain):
    at = open_app("en", PAGE, timeout=180)
    at.session_state["active_models"] = {"dense": "shipped", "single": "shipped-plain", "multi": "shipped-plain"}
    for tab in ("multi", "compare", "evaluation", "saliency"):
        open_tab(at, tab)
        assert not at.exception, (tab, at.exception)
        assert not at.error, tab
    open_tab(at, "evaluation")
    for kind in ("single", "multi"):
        at.segmented_control(key="predict_eval_kind").set_value(kind).run()
        assert not at.exception and not at.error, kind
    open_tab(at, "multi")
    assert i18n.t("predict.tiles_caption", "en") not in [c.value for c in at.caption]  # no quadrant answers to show
