"""The Browse page with Streamlit's AppTest, through app.py, in both languages."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import open_app

from ui.state import LANGUAGE

PAGE = "pages/browse.py"
SAMPLES_TAB = "browse_samples_tab"


def strip_indices(at):
    """The dataset indices under the images of the class strip ("#123" captions)."""
    strip = next(image for image in at.image if image.captions and image.captions[0].startswith("#"))
    return [int(caption[1:]) for caption in strip.captions]


def detail_caption(at):
    return next(c for image in at.image for c in image.captions if c.startswith(("Image #", "이미지 #")))


@pytest.mark.parametrize("lang, title, trouser", [("en", "Browse the dataset", "Trouser"),
                                                  ("ko", "데이터 둘러보기", "바지")])
def test_browse_opens_with_every_section_in_either_language(lang, title, trouser):
    at = open_app(lang, PAGE)
    assert not at.exception
    assert at.title[0].value == title
    assert len(at.header) == 4
    assert [m.value for m in at.metric][:2] == ["60,000", "10,000"]
    assert trouser in at.selectbox(key="browse_class").options
    assert strip_indices(at) == [1, 2, 4, 10, 17, 26, 34, 48, 61, 64]  # the first ten T-shirts
    assert len(at.info) == 1, "the sentence on why models want scaled pixels"


def test_choosing_a_class_and_a_count_changes_the_strip(fmnist_data):
    (_, y_train), _ = fmnist_data
    at = open_app("en", PAGE)
    at.selectbox(key="browse_class").set_value(1)
    at.slider(key="browse_count").set_value(5)
    at.run()
    shown = strip_indices(at)
    assert not at.exception
    assert shown == np.flatnonzero(y_train == 1)[:5].tolist()
    assert any("5 images of Trouser" in c.value for c in at.caption)


def test_one_image_is_said_in_the_singular(fmnist_data):
    at = open_app("en", PAGE)
    at.slider(key="browse_count").set_value(1)
    at.run()
    assert any(c.value.startswith("1 image of T-shirt/top from the training set, number 1 of 6,000") for c in at.caption), [
        c.value for c in at.caption]
    assert not any("1 images" in c.value for c in at.caption)


def test_paging_shows_the_next_images_of_the_class(fmnist_data):
    (_, y_train), _ = fmnist_data
    at = open_app("en", PAGE)
    at.get("pagination")[0].set_value(3)
    at.run()
    assert strip_indices(at) == np.flatnonzero(y_train == 0)[20:30].tolist()


def test_shuffling_shows_other_images_of_the_same_class(fmnist_data):
    (_, y_train), _ = fmnist_data
    at = open_app("ko", PAGE)
    first = strip_indices(at)
    at.button_group(key="browse_order").set_value("shuffled")
    at.run()
    shuffled = strip_indices(at)
    assert not at.exception and shuffled != first
    assert (y_train[shuffled] == 0).all()
    at.button(key="browse_reshuffle").click()
    at.run()
    assert strip_indices(at) != shuffled and at.number_input(key="browse_seed").value == 1


def test_choosing_an_image_shows_it_large_with_its_statistics(fmnist_data):
    (x_train, _), _ = fmnist_data
    at = open_app("en", PAGE)
    assert detail_caption(at) == "Image #1: T-shirt/top"
    picker = next(group for group in at.button_group if group.key.startswith("browse_pick"))
    picker.set_value(26)
    at.run()
    assert detail_caption(at) == "Image #26: T-shirt/top"
    table = at.table[0].value
    assert table.iloc[4, 1] == f"{int(x_train[26].sum()):,}"  # the pixel sum
    assert table.iloc[1, 1] == str(int(x_train[26].max()))


def test_the_test_split_shows_test_images(fmnist_data):
    _, (_, y_test) = fmnist_data
    at = open_app("en", PAGE)
    at.button_group(key="browse_split").set_value("test")
    at.run()
    assert not at.exception
    assert strip_indices(at) == np.flatnonzero(y_test == 0)[:10].tolist()
    assert any("test set" in c.value for c in at.caption)


def test_the_normalisation_image_can_be_chosen_and_bad_numbers_are_kept_in_range():
    at = open_app("en", PAGE)
    index = lambda: at.number_input(key="browse_norm_index")  # noqa: E731  (found again after every run)
    index().set_value(59999).run()
    assert not at.exception and index().value == 59999 and index().max == 59999
    for bad in (60000, 10**9, -5):
        index().set_value(bad).run()
        assert not at.exception, (bad, at.exception)
        assert index().value == 0, f"{bad} fell back to the first image"
    index().set_value(59999).run()
    at.button_group(key="browse_split").set_value("test").run()  # 59999 is past the test split's end
    assert not at.exception
    assert index().max == 9999 and 0 <= index().value <= 9999


def test_every_class_is_drawn_when_its_tab_opens_and_keeps_its_choices():
    at = open_app("en", PAGE)
    subheaders = lambda: [s.value for s in at.subheader]  # noqa: E731
    assert "One row per class" not in subheaders(), "drawn only once its tab is open"
    at.session_state[SAMPLES_TAB] = "All classes"
    at.run()
    assert not at.exception
    assert "One row per class" in subheaders()
    at.slider(key="browse_per_class").set_value(6).run()
    at.session_state[SAMPLES_TAB] = "One class"
    at.run()
    assert "One row per class" not in subheaders()
    at.session_state[SAMPLES_TAB] = "All classes"
    at.run()
    assert at.slider(key="browse_per_class").value == 6, "kept while its tab was closed"
    assert strip_indices(at) == [1, 2, 4, 10, 17, 26, 34, 48, 61, 64], "the one-class strip is still there"


def test_a_language_change_while_every_class_is_open_starts_at_the_first_tab():
    at = open_app("en", PAGE)
    at.session_state[SAMPLES_TAB] = "All classes"
    at.run()
    at.radio(key=LANGUAGE).set_value("ko").run()
    assert not at.exception
    assert "클래스마다 한 줄" not in [s.value for s in at.subheader]
    assert at.tabs[0].label == "한 클래스"


def test_browse_does_not_import_tensorflow(tmp_path):
    """Its first run on a fresh server imports Matplotlib and pandas, never TensorFlow (2-3 s on 2 cores)."""
    script = ("import sys\nfrom conftest import open_app\nat = open_app('en', 'pages/browse.py')\n"
              "assert not at.exception, at.exception\n"
              "print(sorted(name for name in ('tensorflow', 'keras', 'matplotlib') if name in sys.modules))")
    root = Path(__file__).resolve().parent.parent
    found = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120,
                           env={**os.environ, "PYTHONPATH": f"{root}:{root / 'tests'}",
                                "FMNIST_REGISTRY": str(tmp_path)})
    assert found.returncode == 0, found.stderr[-2000:]
    assert found.stdout.split("\n")[-2] == "['matplotlib']"
