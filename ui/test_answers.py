"""A model's answers to the test set and the figures made of them, shared by Predict and the Lesson.

Every test answer of a model is read from the file stored beside the model (``fmnist.answer_files``:
written when the model was trained, or by ``python -m fmnist answers`` for the shipped ones), or,
when there is none that belongs to this exact model file, computed once and stored for the next
server; the model itself is loaded only then. Figures are cached as PNG bytes by their plain inputs.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from fmnist import answer_files, data, evaluation, i18n, plots, registry, saliency
from ui.answers import png
from ui.dataset import dataset
from ui.models import active_model_file, model_at, model_name
from ui.text import tr


@st.cache_resource(show_spinner=False, max_entries=6)
def test_predictions_of(kind: str, path: str, modified: float) -> evaluation.TestPredictions:
    """Raises ``fmnist.registry.ModelError`` when the answers must be computed and the model is broken."""
    return answer_files.test_predictions(path, kind, dataset(), load_model=lambda _: model_at(path, modified)[0])


def test_predictions(kind: str) -> tuple[evaluation.TestPredictions, tuple] | tuple[None, None]:
    """Every test answer of the model in use for ``kind`` and the file it came from, or an error on the page."""
    with st.spinner(tr("predict.computing", model=model_name(kind), count=10_000)):
        try:
            file = active_model_file(kind)
            return test_predictions_of(kind, *file), file
        except registry.ModelError as exc:
            st.error(tr("predict.model_missing", model=model_name(kind), error=exc), icon=":material/error:")
            return None, None


@st.cache_data(show_spinner=False, max_entries=64)
def grid_png(kind: str, file: tuple, indices: tuple, cols: int, language: str) -> bytes:
    found = test_predictions_of(kind, *file)
    chosen = np.asarray(indices, dtype=int)
    rows = -(-len(chosen) // cols)
    return png(plots.prediction_grid(found.images[chosen], found.probabilities[chosen], found.labels[chosen],
                                     i18n.class_names(language), rows=rows, cols=cols))


@st.cache_data(show_spinner=False, max_entries=64)
def tutorial_pair_png(kind: str, file: tuple, index: int, language: str) -> bytes:
    found = test_predictions_of(kind, *file)
    return png(plots.prediction_figure(found.probabilities[index], int(found.labels[index]), found.images[index],
                                       i18n.class_names(language)))


@st.cache_data(show_spinner=False, max_entries=16)
def confusion_png(kind: str, file: tuple, normalise: bool, language: str) -> bytes:
    found = test_predictions_of(kind, *file)
    matrix = evaluation.confusion_matrix(found.labels, found.predicted)
    return png(plots.confusion_matrix_figure(matrix, i18n.class_names(language), normalise=normalise,
                                             xlabel=i18n.t("predict.confusion_x", language),
                                             ylabel=i18n.t("predict.confusion_y", language)))


@st.cache_data(show_spinner=False, max_entries=64)
def saliency_png(kind: str, file: tuple, image: np.ndarray, label: int, language: str) -> tuple[bytes, list]:
    model, _ = model_at(*file)
    heat = saliency.saliency_map(model, image, label)
    title = i18n.t("predict.saliency_title", language, model=i18n.t(f"model.{kind}", language),
                   name=i18n.class_names(language)[label])
    figure = plots.heatmap_overlay(image, heat, title=title, grid=image.shape[0] == 2 * data.IMAGE_SIZE)
    shares = saliency.quadrant_shares(heat).tolist() if image.shape[0] == 2 * data.IMAGE_SIZE else []
    return png(figure), shares
