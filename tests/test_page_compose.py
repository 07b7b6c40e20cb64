"""The Compose page with Streamlit's AppTest, through app.py, in both languages."""

import numpy as np
import pytest
from conftest import open_app

from fmnist import composite

PAGE = "pages/compose.py"


@pytest.fixture(scope="module")
def test_split(fmnist_data):
    return fmnist_data[1]


def quadrant_sums(canvas):
    return composite.tiles(canvas[None])[0].reshape(4, -1).sum(axis=1)


def boxes_markdown(at):
    return next(m.value for m in at.markdown if "data-label" in m.value)


@pytest.mark.parametrize("lang, title, boot", [("en", "Compose images", "Ankle boot"),
                                               ("ko", "합성 이미지 만들기", "앵클부츠")])
def test_compose_opens_with_something_useful_in_either_language(lang, title, boot):
    at = open_app(lang, PAGE)
    assert not at.exception
    assert at.title[0].value == title
    single = at.session_state["compose_single"]
    assert single["image"].shape == (56, 56) and single["image"].dtype == np.uint8
    assert np.flatnonzero(quadrant_sums(single["image"])).tolist() == [single["quadrant"]]
    assert any(boot in m.value for m in at.markdown), "the label is named in the chosen language"
    multi = at.session_state["compose_multi"]
    assert multi["labels"].sum() >= 1 and (np.array(multi["sources"]) != -1).sum() == 2
    assert boxes_markdown(at).count('data-label="1"') == multi["labels"].sum()
    assert not at.error


def test_the_quadrant_picker_moves_the_garment(test_split):
    images, _ = test_split
    at = open_app("en", PAGE)
    before = at.session_state["compose_single"]
    at.button(key="compose_single_q2").click()
    at.run()
    after = at.session_state["compose_single"]
    assert not at.exception
    assert after["quadrant"] == 2 and after["index"] == before["index"]
    np.testing.assert_array_equal(after["image"][28:, :28], images[after["index"]])
    assert np.flatnonzero(quadrant_sums(after["image"])).tolist() == [2]
    assert after["sources_classes"] == [-1, -1, 9, -1]


def test_choosing_a_class_and_rank_changes_the_garment_and_its_label(test_split):
    images, labels = test_split
    at = open_app("en", PAGE)
    at.selectbox(key="compose_single_class").set_value(7)
    at.run()
    at.number_input(key="compose_single_rank").set_value(3)
    at.run()
    single = at.session_state["compose_single"]
    assert labels[single["index"]] == 7 and single["index"] == np.flatnonzero(labels == 7)[3]
    assert single["labels"].tolist() == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    assert any("Sneaker" in m.value and f"#{single['index']}" in m.value for m in at.markdown)


def test_random_garment_picks_an_existing_garment():
    at = open_app("ko", PAGE)
    at.button(key="compose_random").click()
    at.run()
    assert not at.exception
    label, rank = at.session_state["compose_single_class"], at.session_state["compose_single_rank"]
    assert 0 <= label <= 9 and 0 <= rank < 1000
    assert at.session_state["compose_single"]["labels"][label] == 1
    assert at.title[0].value == "합성 이미지 만들기"


def test_the_count_slider_changes_the_canvas_and_its_multi_hot_label():
    at = open_app("en", PAGE)
    at.slider(key="compose_count").set_value(4)
    at.run()
    four = at.session_state["compose_multi"]
    assert not at.exception
    assert (quadrant_sums(four["image"]) > 0).all() and -1 not in four["sources_classes"]
    assert four["labels"].tolist() == [int(c in four["sources_classes"]) for c in range(10)]
    assert boxes_markdown(at).count('data-label="1"') == four["labels"].sum()
    assert len(at.selectbox) == 1 + 2 * 4  # the single garment's class, then class and quadrant per garment
    at.slider(key="compose_count").set_value(0)
    at.run()
    empty = at.session_state["compose_multi"]
    assert not empty["image"].any() and not empty["labels"].any()
    assert boxes_markdown(at).count('data-label="1"') == 0


def test_a_chosen_class_and_quadrant_are_honoured(test_split):
    _, labels = test_split
    at = open_app("en", PAGE)
    at.selectbox(key="compose_class_0").set_value(8)
    at.run()
    at.selectbox(key="compose_quadrant_0").set_value(3)
    at.run()
    multi = at.session_state["compose_multi"]
    assert labels[multi["sources"][3]] == 8 and multi["labels"][8] == 1
    assert multi["sources_classes"][3] == 8
    placement = at.table[0].value
    assert placement.iloc[3].tolist() == ["↘ 3 bottom-right", "Bag", f"#{multi['sources'][3]}"]


def test_two_garments_in_one_quadrant_are_refused_with_a_message():
    at = open_app("ko", PAGE)
    at.selectbox(key="compose_quadrant_0").set_value(1)
    at.run()
    at.selectbox(key="compose_quadrant_1").set_value(1)
    at.run()
    assert not at.exception
    assert at.session_state["compose_multi"] is None
    assert len(at.error) == 1 and "오른쪽 위" in at.error[0].value and "1, 2" in at.error[0].value
    assert "compose_multi_send" not in [b.key for b in at.button], "a clashing canvas cannot be sent"
    at.selectbox(key="compose_quadrant_1").set_value(None)
    at.run()
    assert not at.error and at.session_state["compose_multi"]["sources"][1] != -1


def test_the_seed_slider_draws_another_canvas_and_returns_to_the_first():
    at = open_app("en", PAGE)
    first = at.session_state["compose_multi"]["image"]
    at.slider(key="compose_seed").set_value(7)
    at.run()
    assert not np.array_equal(first, at.session_state["compose_multi"]["image"])
    at.slider(key="compose_seed").set_value(0)
    at.run()
    np.testing.assert_array_equal(first, at.session_state["compose_multi"]["image"])


def test_send_to_prediction_hands_over_the_canvas_in_the_agreed_shape():
    at = open_app("en", PAGE)
    at.slider(key="compose_count").set_value(3)
    at.run()
    built = at.session_state["compose_multi"]
    at.button(key="compose_multi_send").click()
    at.run()
    assert not at.exception
    sent = at.session_state["prediction_canvas"]
    assert set(sent) == {"image", "labels", "sources_classes", "origin"} and sent["origin"] == "compose"
    assert sent["image"].shape == (56, 56) and sent["image"].dtype == np.uint8
    assert sent["labels"].shape == (10,) and sent["labels"].dtype == np.uint8
    np.testing.assert_array_equal(sent["image"], built["image"])
    assert len(sent["sources_classes"]) == 4 and sum(c >= 0 for c in sent["sources_classes"]) == 3
    # Without a prediction page in the navigation the page says the canvas is ready; with one it switches.
    assert at.success or "compose_multi_send" not in [b.key for b in at.button]


def test_the_gallery_shows_only_canvases_with_the_chosen_count():
    at = open_app("en", PAGE)
    at.button_group(key="compose_filter_count").set_value(3)
    at.run()
    assert not at.exception
    captions = [c for image in at.image for c in image.captions if c.startswith("#")]
    assert captions and all(len(c.split(": ")[1].split(", ")) == 3 for c in captions)
    downloads = [d.label for d in at.get("download_button")]
    assert any(".npz" in label and "kB" in label for label in downloads), downloads


def test_the_training_split_can_be_chosen(fmnist_data):
    (_, y_train), _ = fmnist_data
    at = open_app("en", PAGE)
    at.button_group(key="compose_split").set_value("train")
    at.run()
    single = at.session_state["compose_single"]
    assert not at.exception
    assert y_train[single["index"]] == 9 and "training set" in " ".join(m.value for m in at.markdown)


# --- Send to prediction, through the buttons -----------------------------------------------------

SHIRT, BOTTOM_LEFT = 6, 2


@pytest.fixture(scope="module")
def a_shirt_the_softmax_model_gets_wrong(test_split):
    """(rank, canvas) of the first test shirt that the shipped softmax canvas model names wrongly in
    the bottom-left quadrant: an answer Predict can only give on exactly those pixels."""
    from fmnist import registry
    from fmnist.inference import Predictor

    images, labels = test_split
    single = Predictor(registry.load_model(registry.shipped_path("single")))
    shirts = np.flatnonzero(labels == SHIRT)[:300]
    canvases = np.stack([composite.place_in_quadrant(images[i], BOTTOM_LEFT) for i in shirts])
    rank = int(np.flatnonzero(single(canvases).argmax(axis=1) != SHIRT)[0])
    return rank, canvases[rank]


def model_says(probabilities, decided, lang):
    from fmnist import i18n

    names = [i18n.class_names(lang)[c] for c in np.flatnonzero(decided)]
    return i18n.t("predict.says", lang, garments=", ".join(names)) if names else i18n.t("predict.says_nothing", lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_single_garment_sent_to_prediction_is_the_one_predict_answers_on(a_shirt_the_softmax_model_gets_wrong,
                                                                           lang):
    from fmnist import i18n, registry
    from fmnist.inference import Predictor

    rank, canvas = a_shirt_the_softmax_model_gets_wrong
    at = open_app(lang, PAGE)
    at.selectbox(key="compose_single_class").set_value(SHIRT).run()
    at.number_input(key="compose_single_rank").set_value(rank).run()
    at.button(key=f"compose_single_q{BOTTOM_LEFT}").click().run()
    at.button(key="compose_single_send").click().run()
    assert not at.exception, at.exception

    assert at.title[0].value == i18n.t("predict.title", lang), "the button opens the Predict page"
    names = i18n.class_names(lang)
    garment = i18n.t("predict.in_quadrant", lang, name=names[SHIRT],
                     quadrant=i18n.t(f"compose.quadrant_{BOTTOM_LEFT}", lang))
    shown = [m.value for m in at.markdown]
    assert i18n.t("predict.on_canvas", lang, garments=garment) in shown
    softmax = Predictor(registry.load_model(registry.shipped_path("single")))(canvas)
    multi = Predictor(registry.load_model(registry.shipped_path("multi")))(canvas)
    threshold = at.slider(key="predict_threshold").value
    said = [text for text in shown if text.startswith(i18n.t("predict.says", lang, garments="").rstrip())]
    assert said == [model_says(softmax, np.arange(10) == softmax.argmax(), lang),
                    model_says(multi, multi >= threshold, lang)]
    assert names[softmax.argmax()] != names[SHIRT] and names[softmax.argmax()] in said[0]
    top, second = np.argsort(-softmax)[:2]
    yes = np.flatnonzero(multi >= threshold)
    hint = i18n.t("predict.compare_one", lang, count=1, name=names[top], percent=float(softmax[top]),
                  second_name=names[second], second=float(softmax[second]), found=int(multi[SHIRT] >= threshold),
                  said=", ".join(names[c] for c in yes) if len(yes) else i18n.t("predict.says_no_garment", lang))
    assert hint in [info.value for info in at.info]  # the words made of the two models' own answers
