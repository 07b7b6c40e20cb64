"""Figure functions: each returns a figure drawing the expected images, crisp, in both languages."""

import warnings

import numpy as np
import pytest
from matplotlib.figure import Figure

from fmnist import data, i18n, plots


@pytest.fixture(scope="module")
def train(fmnist_data):
    return fmnist_data[0]


def images_of(figure):
    return [image for ax in figure.axes for image in ax.images]


def test_bar_chart_draws_one_labelled_bar_per_value():
    figure = plots.bar_chart([5, 3, 0, 9], ["a", "b", "c", "d"], title="t", highlight=3)
    assert isinstance(figure, Figure) and plots.image_count(figure) == 0
    ax = figure.axes[0]
    assert len(ax.patches) == 4
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c", "d"]
    assert [round(p.get_height()) for p in ax.patches] == [5, 3, 0, 9]


def test_image_with_colorbar_draws_one_image_and_a_colour_bar(train):
    figure = plots.image_with_colorbar(train[0][0], title="#0")
    assert plots.image_count(figure) == 1
    assert len(figure.axes) == 2  # the image and its colour bar
    assert images_of(figure)[0].get_clim() == (0, 255)


def test_labelled_grid_draws_25_images_with_their_captions(train):
    images, labels = train
    names = i18n.class_names("en")
    figure = plots.labelled_grid(images[:25], [names[label] for label in labels[:25]])
    assert plots.image_count(figure) == 25
    captions = [ax.get_xlabel() for ax in figure.axes]
    assert captions[0] == "Ankle boot" and captions[1] == "T-shirt/top"


def test_labelled_grid_leaves_spare_cells_empty():
    figure = plots.labelled_grid(np.zeros((7, 28, 28), np.uint8), list("abcdefg"), cols=5)
    assert plots.image_count(figure) == 7 and len(figure.axes) == 10
    assert sum(ax.axison for ax in figure.axes) == 7


def test_class_sprite_draws_one_row_per_class(train):
    images, labels = train
    rows = images[data.sprite_indices(labels, 8)]
    figure = plots.class_sprite(rows, i18n.class_names("ko"))
    assert plots.image_count(figure) == 10
    assert images_of(figure)[0].get_array().shape == (28, 8 * 28)
    assert [ax.get_ylabel() for ax in figure.axes][7] == "스니커즈"


def test_normalisation_comparison_draws_each_variant_and_its_histogram(train):
    image = train[0][0]
    figure = plots.normalisation_comparison(
        [("raw", image), ("x/255", data.scale_255(image)), ("min-max", data.min_max(image))])
    shown = images_of(figure)
    assert len(shown) == 3
    assert [im.get_clim() for im in shown] == [(0, 255), (0, 1), (0, 1)]
    histograms = [ax for ax in figure.axes if ax.patches]
    assert len(histograms) == 3
    assert sum(p.get_height() for p in histograms[0].patches) == 28 * 28


def test_images_are_drawn_pixel_for_pixel(train):
    figure = plots.labelled_grid(train[0][:4], list("abcd"))
    assert {im.get_interpolation() for im in images_of(figure)} == {"nearest"}


@pytest.mark.skipif(not plots.has_korean_font(), reason="no Korean font installed (make fonts)")
def test_korean_labels_render_without_missing_glyphs(train):
    figure = plots.bar_chart(range(10), i18n.class_names("ko"), title="클래스별 이미지 수", ylabel="이미지 수")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = plots.to_png(figure)
    assert png.startswith(b"\x89PNG")
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_font_fallback_names_only_installed_fonts():
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    assert set(plots.FONT_FAMILIES) <= installed
