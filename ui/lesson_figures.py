"""The Lesson's own figures and the figures of the day, computed once per model file and language.

Every figure here is drawn by ``fmnist.plots`` from what a model really answers (its stored test
answers, its stored training history, its weights); every number a step prints beside it comes
from the same computation. Compute functions take plain values (a model file as (path, modified
time)) and are cached; figures are cached as PNG bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from fmnist import composite, data, evaluation, features, i18n, lesson, plots, registry, saliency
from ui.answers import png
from ui.dataset import dataset, split_arrays
from ui.models import model_at, model_file
from ui.test_answers import test_predictions_of


def plain_file(kind: str) -> tuple[str, float]:
    """(path, modified) of the original notebook's plain CNN of ``kind`` (``models/plain_<kind>.keras``).
    Raises ``fmnist.registry.ModelError`` when it is missing."""
    return model_file(registry.shipped_path(kind, "plain"))


# --- Compute (cached, plain values in) ------------------------------------------------------

@dataclass(frozen=True)
class TrainTest:
    """The tutorial's model on its own training images and on the test images."""

    train: float
    train_count: int
    test: float
    test_count: int


@st.cache_data(show_spinner=False, max_entries=8)
def train_and_test(path: str, modified: float) -> TrainTest:
    model, metadata = model_at(path, modified)
    config = (metadata or {}).get("config") or {}
    train, count = lesson.training_accuracy(model, config, dataset())
    found = test_predictions_of("dense", path, modified)
    return TrainTest(train, count, evaluation.accuracy(found.probabilities, found.labels), len(found))


@st.cache_data(show_spinner=False, max_entries=8)
def outline_probabilities(path: str, modified: float) -> np.ndarray:
    """The tutorial's model's answers to the 10,000 test garments redrawn as outlines."""
    _, (x_test, _) = dataset()
    return evaluation.predict(model_at(path, modified)[0], data.outlines(x_test))


@st.cache_data(show_spinner=False)
def pixel_extremes(split: str) -> tuple[int, int]:
    """(the largest darkest pixel, the smallest brightest pixel) over a split's pictures."""
    images = split_arrays(split)[0].reshape(len(split_arrays(split)[0]), -1)
    return int(images.min(axis=1).max()), int(images.max(axis=1).min())


@st.cache_resource(show_spinner=False)
def conv_canvas() -> np.ndarray:
    """Four test garments, one per quadrant (Trouser, Pullover, Sandal, Bag): every quadrant has something
    for the first filters to answer."""
    _, (x_test, y_test) = dataset()
    sources = composite.arrange(y_test, list(lesson.CONV_CLASSES), list(range(composite.QUADRANTS)), seed=0)
    return composite.compose(x_test, sources[None])[0]


@st.cache_data(show_spinner=False, max_entries=4)
def first_layer(path: str, modified: float, image: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(feature maps, kernels, edge filters) of a model's first convolution on ``image``."""
    model = model_at(path, modified)[0]
    kernels, _ = features.first_filters(model)
    return features.feature_maps(model, image), kernels, features.edge_filters(kernels)


@st.cache_data(show_spinner=False, max_entries=16)
def saliency_shares(path: str, modified: float, image: np.ndarray, label: int) -> tuple[np.ndarray, np.ndarray]:
    """(the map, its share in each quadrant) of where a canvas model found ``label`` on ``image``."""
    heat = saliency.saliency_map(model_at(path, modified)[0], image, label)
    return heat, saliency.quadrant_shares(heat)


# --- Figures (PNG bytes) --------------------------------------------------------------------

def band_labels(calibration: evaluation.Calibration) -> list[str]:
    return [f"{lo:.0%}–{hi:.0%}" for lo, hi in zip(calibration.lower, calibration.upper)]


@st.cache_data(show_spinner=False, max_entries=16)
def calibration_png(path: str, modified: float, outlines: bool, language: str) -> bytes:
    found = test_predictions_of("dense", path, modified)
    test = evaluation.calibration(found.probabilities, found.labels)
    series = [(i18n.t("lesson.one.series_test", language), test.right, test.confidence, test.count)]
    if outlines:
        drawn = evaluation.calibration(outline_probabilities(path, modified), found.labels)
        series.append((i18n.t("lesson.own.series_outlines", language), drawn.right, drawn.confidence, drawn.count))
    return png(plots.calibration_figure(band_labels(test), series, xlabel=i18n.t("lesson.one.xlabel", language),
                                        ylabel=i18n.t("lesson.one.ylabel", language),
                                        ideal_label=i18n.t("lesson.one.ideal", language)))


@st.cache_data(show_spinner=False, max_entries=16)
def history_png(history: dict, validation: bool, language: str) -> bytes:
    curves = [(i18n.t("lesson.dense.curve_train", language), panel, history[key])
              for key, panel in (("loss", "loss"), ("accuracy", "accuracy")) if key in history]
    if validation:
        curves += [(i18n.t("lesson.dense.curve_validation", language), panel, history[key])
                   for key, panel in (("val_loss", "loss"), ("val_accuracy", "accuracy")) if key in history]
    curves.sort(key=lambda curve: curve[1] != "loss")
    return png(plots.history_figure(curves, epoch_label=i18n.t("lesson.dense.epoch", language),
                                    loss_label=i18n.t("lesson.dense.loss", language),
                                    accuracy_label=i18n.t("lesson.dense.accuracy", language)))


@st.cache_data(show_spinner=False, max_entries=8)
def normalisation_png(index: int, language: str) -> bytes:
    image = split_arrays("train")[0][index]
    cases = [(i18n.t("lesson.pixels.case_dataset", language, index=index), image),
             (i18n.t("lesson.pixels.case_dim", language), data.dimmed(image))]
    return png(plots.normalisation_cases(cases, (i18n.t("browse.norm_scaled", language),
                                                 i18n.t("browse.norm_minmax", language)),
                                         hist_label=i18n.t("browse.norm_pixel", language),
                                         count_label=i18n.t("browse.norm_count", language)))


@st.cache_data(show_spinner=False, max_entries=8)
def feature_maps_png(path: str, modified: float, image: np.ndarray, language: str) -> bytes:
    maps, kernels, edges = first_layer(path, modified, image)
    titles = [i18n.t("lesson.conv.filter", language, n=f + 1) for f in range(maps.shape[-1])]
    return png(plots.feature_maps_figure(image, maps, kernels, edges, titles,
                                         picture_title=i18n.t("lesson.conv.picture", language)))


@st.cache_data(show_spinner=False, max_entries=8)
def outlines_png(language: str) -> bytes:
    _, (x_test, y_test) = dataset()
    shown = np.arange(lesson.OUTLINE_EXAMPLES)
    names = i18n.class_names(language)
    return png(plots.labelled_grid(np.concatenate([x_test[shown], data.outlines(x_test[shown])]),
                                   [names[y_test[i]] for i in shown] * 2, cols=len(shown), cell=1.1, fontsize=8))


@st.cache_data(show_spinner=False, max_entries=16)
def heat_png(image: np.ndarray, heat: np.ndarray, title: str) -> bytes:
    return png(plots.heatmap_overlay(image, heat, title=title, grid=True))
