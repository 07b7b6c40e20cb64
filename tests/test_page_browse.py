"""The Browse page with Streamlit's AppTest, through app.py, in both languages."""

import numpy as np
import pytest
from conftest import open_app

PAGE = "pages/browse.py"


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
