"""Figure functions: each returns a figure drawing the expected images, crisp, in both languages."""

import warnings

import numpy as np
import pytest
from matplotlib.colors import to_rgba
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


# Predictions (the tutorial's steps 8.5-8.9) and evaluation figures

NAMES = i18n.class_names("en")


def answer(predicted, share=0.9):
    """Ten probabilities with ``share`` on ``predicted`` and the rest spread evenly."""
    probabilities = np.full(10, (1 - share) / 9)
    probabilities[predicted] = share
    return probabilities


def colours(bars):
    return [bar.get_facecolor() for bar in bars]


def axes_pair():
    return Figure().subplots(1, 2)


def test_value_array_paints_a_right_answer_one_blue_bar():
    bars = plots.plot_value_array(axes_pair()[1], answer(3), 3)
    assert colours(bars) == [to_rgba("blue") if i == 3 else to_rgba("#777777") for i in range(10)]


def test_value_array_paints_a_wrong_answer_red_and_the_truth_blue():
    bars = plots.plot_value_array(axes_pair()[1], answer(5), 7)
    assert bars[5].get_facecolor() == to_rgba("red")
    assert bars[7].get_facecolor() == to_rgba("blue")
    assert {c for i, c in enumerate(colours(bars)) if i not in (5, 7)} == {to_rgba("#777777")}


def test_value_array_bars_are_the_probabilities_from_0_to_1():
    probabilities = np.random.default_rng(0).dirichlet(np.ones(10))
    ax = axes_pair()[1]
    bars = plots.plot_value_array(ax, probabilities, 0)
    assert np.allclose([bar.get_height() for bar in bars], probabilities)
    assert ax.get_ylim() == (0, 1)


def test_value_array_without_truth_highlights_the_answer_neutrally():
    bars = plots.plot_value_array(axes_pair()[1], answer(2), None)
    assert bars[2].get_facecolor() == to_rgba(plots.PREDICTED_NEUTRAL)
    assert to_rgba(plots.PREDICTED_NEUTRAL) not in (to_rgba("red"), to_rgba("blue"))
    assert {c for i, c in enumerate(colours(bars)) if i != 2} == {to_rgba("#777777")}


def test_value_array_names_the_bars_only_when_given_names():
    ax_named, ax_bare = axes_pair()
    plots.plot_value_array(ax_named, answer(0), 0, NAMES)
    plots.plot_value_array(ax_bare, answer(0), 0)
    assert [t.get_text() for t in ax_named.get_xticklabels()] == list(NAMES)
    assert list(ax_bare.get_xticks()) == []


def test_plot_image_captions_a_right_answer_in_blue():
    ax = axes_pair()[0]
    plots.plot_image(ax, answer(9, 0.93), 9, np.zeros((28, 28), np.uint8), NAMES)
    assert ax.get_xlabel() == "Ankle boot 93% (Ankle boot)"
    assert to_rgba(ax.xaxis.label.get_color()) == to_rgba("blue")
    assert ax.images[0].get_cmap().name == "binary"
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []


def test_plot_image_captions_a_wrong_answer_in_red_with_the_truth():
    ax = axes_pair()[0]
    plots.plot_image(ax, answer(6, 0.5), 0, np.zeros((28, 28), np.uint8), NAMES)
    assert ax.get_xlabel() == "Shirt 50% (T-shirt/top)"
    assert to_rgba(ax.xaxis.label.get_color()) == to_rgba("red")


def test_plot_image_of_a_drawing_with_no_truth_captions_in_black():
    ax = axes_pair()[0]
    plots.plot_image(ax, answer(1, 0.875), None, np.zeros((56, 56), np.float32), NAMES)
    assert ax.get_xlabel() == "Trouser 88%"
    assert to_rgba(ax.xaxis.label.get_color()) == to_rgba("black")
    assert ax.images[0].get_array().shape == (56, 56)


def test_prediction_figure_sets_the_picture_beside_its_named_bars():
    figure = plots.prediction_figure(answer(4), 4, np.zeros((28, 28), np.uint8), NAMES)
    image_ax, bars_ax = figure.axes
    assert plots.image_count(figure) == 1 and len(bars_ax.patches) == 10
    assert [t.get_text() for t in bars_ax.get_xticklabels()] == list(NAMES)


def test_prediction_grid_puts_each_picture_beside_its_bars():
    probabilities = np.array([answer(i % 10) for i in range(15)])
    figure = plots.prediction_grid(np.zeros((15, 28, 28), np.uint8), probabilities, np.arange(15) % 10,
                                   NAMES, rows=5, cols=3)
    assert len(figure.axes) == 5 * 2 * 3
    assert plots.image_count(figure) == 15
    assert [len(ax.patches) for ax in figure.axes[:6]] == [0, 10, 0, 10, 0, 10]


def test_prediction_grid_leaves_cells_past_the_last_image_blank():
    figure = plots.prediction_grid(np.zeros((4, 28, 28), np.uint8), np.array([answer(0)] * 4), None,
                                   NAMES, rows=2, cols=3)
    assert len(figure.axes) == 12 and plots.image_count(figure) == 4
    assert sum(ax.axison for ax in figure.axes) == 8


DECIDED = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], bool)
PRESENT = np.array([1, 0, 1, 0, 0, 0, 0, 0, 0, 0], bool)
LEGEND = {"hit": "hit", "false_alarm": "false alarm", "missed": "missed", "absent": "absent",
          "threshold": "threshold"}


def test_decision_bars_colour_each_outcome():
    probabilities = [0.9, 0.6, 0.4, 0.1, 0, 0, 0, 0, 0, 0.05]
    figure = plots.decision_bars(probabilities, DECIDED, PRESENT, NAMES, threshold=0.5, legend=LEGEND)
    bars = figure.axes[0].patches
    assert colours(bars[:4]) == [to_rgba("blue"), to_rgba("red"), to_rgba(plots.MISSED_COLOUR),
                                 to_rgba("#777777")]
    assert bars[2].get_hatch() and not bars[0].get_hatch()
    assert np.allclose([bar.get_height() for bar in bars], probabilities)
    assert figure.axes[0].get_ylim() == (0, 1.05)


def test_decision_bars_without_truth_only_mark_what_was_decided():
    figure = plots.decision_bars(answer(1), DECIDED, None, NAMES)
    neutral, grey = to_rgba(plots.PREDICTED_NEUTRAL), to_rgba("#777777")
    assert colours(figure.axes[0].patches)[:3] == [neutral, neutral, grey]


def test_decision_bars_draw_the_threshold_where_it_is_and_name_it_in_the_legend():
    figure = plots.decision_bars(answer(0), DECIDED, PRESENT, NAMES, threshold=0.35, legend=LEGEND)
    lines = [line for line in figure.axes[0].get_lines() if line.get_linestyle() == "--"]
    assert [list(line.get_ydata()) for line in lines] == [[0.35, 0.35]]
    words = [text.get_text() for text in figure.legends[0].get_texts()]
    assert words == ["hit", "false alarm", "missed", "absent", "threshold 0.35"]


def test_decision_bars_write_values_only_on_bars_that_show():
    figure = plots.decision_bars([0.5, 0.01, 0.25, 0, 0, 0, 0, 0, 0, 0.24], DECIDED, PRESENT, NAMES)
    written = [text.get_text() for text in figure.axes[0].texts if text.get_text()]
    assert written == ["0.50", "0.25", "0.24"]


def cell_texts(figure):
    return [text.get_text() for text in figure.axes[0].texts]


def test_confusion_matrix_writes_the_counts_in_their_cells():
    matrix = np.arange(100).reshape(10, 10)
    figure = plots.confusion_matrix_figure(matrix, NAMES)
    assert cell_texts(figure) == [str(v) for v in range(100)]
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == list(NAMES)


def test_confusion_matrix_normalised_writes_each_rows_shares():
    matrix = np.diag(np.full(10, 3))
    matrix[0, :2] = [1, 3]  # row 0: a quarter right, three quarters taken for class 1
    matrix[9, 9] = 0  # a class never shown stays a row of zeros
    texts = cell_texts(plots.confusion_matrix_figure(matrix, NAMES, normalise=True))
    assert texts[:3] == ["0.25", "0.75", "0"]
    assert texts[11] == "1.00" and texts[90:] == ["0"] * 10


def test_confusion_matrix_text_is_light_on_dark_cells():
    texts = plots.confusion_matrix_figure(np.diag(np.full(10, 500)), NAMES).axes[0].texts
    assert to_rgba(texts[0].get_color()) == to_rgba("white")
    assert to_rgba(texts[1].get_color()) == to_rgba("black")


def test_precision_recall_pairs_two_bars_per_class():
    figure = plots.precision_recall_figure(np.linspace(0.5, 0.95, 10), np.full(10, 0.8), NAMES,
                                           labels=("P", "R"))
    ax = figure.axes[0]
    assert len(ax.patches) == 20 and ax.get_ylim() == (0, 1)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["P", "R"]


def test_threshold_curve_draws_each_metric_and_the_stored_threshold():
    thresholds = np.linspace(0.1, 0.9, 9)
    curves = {"exact match": thresholds, "Hamming loss": 1 - thresholds}
    figure = plots.threshold_curve(thresholds, curves, stored=0.45, stored_label="stored")
    lines = figure.axes[0].get_lines()
    assert [line.get_label() for line in lines[:2]] == ["exact match", "Hamming loss"]
    assert [list(line.get_xdata()) for line in lines[2:]] == [[0.45, 0.45]]
    assert "stored 0.45" in [text.get_text() for text in figure.axes[0].texts]
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["exact match", "Hamming loss"]


def test_heatmap_overlay_lays_the_heat_over_the_picture():
    heat = np.zeros((7, 7))
    figure = plots.heatmap_overlay(np.zeros((56, 56), np.uint8), heat, grid=True)
    picture, overlay = figure.axes[0].images
    assert overlay.get_clim() == (0, 1) and overlay.get_extent() == [-0.5, 55.5, 55.5, -0.5]
    assert len(figure.axes) == 2  # and its colour bar
    assert len(figure.axes[0].get_lines()) == 2  # the quadrant lines


def test_tile_answer_reads_softmax_with_an_empty_class_and_sigmoids_with_a_threshold():
    empty_softmax = np.eye(11)[10]
    assert plots.tile_answer(empty_softmax, NAMES, "empty") == ("empty", 1.0)
    assert plots.tile_answer(np.eye(11)[7], NAMES, "empty") == ("Sneaker", 1.0)
    assert plots.tile_answer(np.full(10, 0.4), NAMES, "empty") == ("empty", None)
    assert plots.tile_answer(np.full(10, 0.4), NAMES, "empty", threshold=0.3) == ("T-shirt/top", 0.4)


def test_tile_answers_figure_writes_one_answer_per_quadrant():
    tiles = np.stack([np.eye(11)[k] * 0.9 + 0.01 for k in (0, 10, 8, 3)])
    figure = plots.tile_answers_figure(np.zeros((56, 56), np.uint8), tiles, NAMES, "empty")
    assert [text.get_text() for text in figure.axes[0].texts] == ["T-shirt/top 91%", "empty 91%",
                                                                 "Bag 91%", "Dress 91%"]


@pytest.mark.skipif(not plots.has_korean_font(), reason="no Korean font installed (make fonts)")
def test_korean_class_names_reach_the_prediction_figures():
    names = i18n.class_names("ko")
    figure = plots.prediction_figure(answer(7), 7, np.zeros((28, 28), np.uint8), names)
    assert figure.axes[0].get_xlabel() == "스니커즈 90% (스니커즈)"
    assert "스니커즈" in [t.get_text() for t in figure.axes[1].get_xticklabels()]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plots.to_png(figure)
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_new_figures_are_listed_in_all():
    for name in ("plot_image", "plot_value_array", "prediction_figure", "prediction_grid",
                 "decision_bars", "confusion_matrix_figure", "precision_recall_figure",
                 "threshold_curve", "heatmap_overlay", "tile_answers_figure"):
        assert name in plots.__all__ and callable(getattr(plots, name))


def test_value_arrays_png_draws_the_same_pixels_as_a_fresh_figure():
    """The chart kept between calls (axes drawn once, bars drawn over them) is the figure a
    fresh value_arrays would draw, pixel for pixel, whatever was drawn on it before."""
    import io

    from PIL import Image

    first = np.array([0.05, 0.6, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.03, 0.02])
    second = first[::-1].copy()
    answers = lambda probs: {"model A": probs, "model B": probs[::-1]}  # noqa: E731
    pixels = lambda png: np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))  # noqa: E731
    plots.value_arrays_png(answers(first), None, data.CLASS_NAMES)  # leaves a drawing in the pool
    kept = plots.value_arrays_png(answers(second), 3, data.CLASS_NAMES)
    fresh = plots.to_png(plots.value_arrays(answers(second), 3, data.CLASS_NAMES), dpi=110, tight=False)
    np.testing.assert_array_equal(pixels(kept), pixels(fresh))


def test_value_arrays_puts_the_class_names_under_the_last_row_only():
    figure = plots.value_arrays({"a": np.full(10, 0.1), "b": np.full(10, 0.1)}, 2, data.CLASS_NAMES)
    top, bottom = figure.axes
    assert [bar.get_height() for bar in top.patches] == pytest.approx([0.1] * 10)
    assert to_rgba(top.patches[2].get_facecolor()) == to_rgba("blue")
    assert not any(label.get_visible() for label in top.get_xticklabels())
    assert [label.get_text() for label in bottom.get_xticklabels()] == list(data.CLASS_NAMES)


def test_a_wide_figure_becomes_a_png_streamlit_does_not_shrink_again():
    import io

    from PIL import Image

    wide = plots.normalisation_comparison([("a", np.zeros((28, 28), np.uint8))] * 3)
    assert Image.open(io.BytesIO(plots.to_png(wide, dpi=150))).width <= 1460  # streamlit's MAXIMUM_CONTENT_WIDTH


# --- The Lesson's figures ---------------------------------------------------------------------------

def test_calibration_figure_puts_a_bar_per_band_and_a_line_at_its_confidence():
    right = [[0.4, 0.6, 0.95], [0.2, 0.3, 0.6]]
    confidence = [[0.42, 0.61, 0.97], [0.45, 0.6, 0.98]]
    figure = plots.calibration_figure(["0-50%", "50-90%", "90-100%"],
                                      [("test", right[0], confidence[0], [10, 20, 30]),
                                       ("outlines", right[1], confidence[1], [5, 0, 7])])
    ax = figure.axes[0]
    bars = [p for p in ax.patches if p.get_width() > 0]
    assert [round(b.get_height(), 2) for b in bars] == [0.4, 0.6, 0.95, 0.2, 0.0, 0.6]  # the empty band: no bar
    lines = [c for c in ax.collections]
    assert len(lines) == 5  # one confidence line per band with answers
    labels = [t.get_text() for t in ax.texts]
    assert "95%\n(30)" in labels and "(0)" not in " ".join(labels)


def test_history_figure_draws_loss_on_the_left_and_accuracy_on_the_right():
    figure = plots.history_figure([("train", "loss", [0.5, 0.4, 0.3]), ("train", "accuracy", [0.8, 0.85, 0.9]),
                                   ("validation", "accuracy", [0.82, 0.84, 0.85])], loss_label="loss",
                                  accuracy_label="accuracy")
    loss, accuracy = figure.axes[:2]
    assert len(loss.lines) == 1 and len(accuracy.lines) == 2
    assert list(accuracy.lines[1].get_xdata()) == [1, 2, 3] and list(accuracy.lines[1].get_ydata()) == [0.82, 0.84, 0.85]


def test_feature_maps_figure_draws_the_picture_each_map_and_each_filter():
    maps = np.random.default_rng(0).random((56, 56, 4)).astype(np.float32)
    kernels = np.random.default_rng(1).normal(size=(3, 3, 4)).astype(np.float32)
    figure = plots.feature_maps_figure(np.zeros((56, 56), np.uint8), maps, kernels, edges=[True, False, False, True],
                                       titles=["1", "2", "3", "4"], cols=2)
    assert plots.image_count(figure) == 1 + 4  # the picture and the maps
    weights = [inset.images[0].get_array() for ax in figure.axes for inset in ax.child_axes]
    assert len(weights) == 4 and np.array_equal(weights[2], kernels[..., 2])  # each filter's weights in its corner
    map_axes = [ax for ax in figure.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in map_axes] == ["1", "2", "3", "4"]
    assert map_axes[0].images[0].get_clim() == (0, pytest.approx(maps[..., 0].max()))  # each map on its own scale
    assert map_axes[0].spines["top"].get_linestyle() != map_axes[1].spines["top"].get_linestyle()  # edges framed


def test_normalisation_cases_draw_both_ways_on_one_scale_and_one_axis(train):
    image = train[0][0]
    dim = data.dimmed(image)
    figure = plots.normalisation_cases([("dataset", image), ("dim", dim)], ("x / 255", "min-max"))
    shown = images_of(figure)
    assert len(shown) == 4 and {im.get_clim() for im in shown} == {(0, 1)}
    scaled_dim, stretched_dim = shown[2].get_array(), shown[3].get_array()
    assert scaled_dim.max() < 0.7 and stretched_dim.max() == 1  # the dim photo: grey as x/255, white as min-max
    histograms = [ax for ax in figure.axes if ax.patches]
    assert len(histograms) == 2 and all(ax.get_xlim() == (0, 1) for ax in histograms)


def test_the_lessons_figures_are_listed_in_all():
    for name in ("calibration_figure", "history_figure", "feature_maps_figure", "normalisation_cases"):
        assert name in plots.__all__ and callable(getattr(plots, name))
