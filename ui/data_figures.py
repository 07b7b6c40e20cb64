"""The data's figures, shared by Browse and the Lesson: computed once per split and language.

Compute functions take plain values and are cached; figures are cached as PNG bytes.
"""

import numpy as np
import streamlit as st

from fmnist import data, i18n, plots
from ui.dataset import split_arrays
from ui.warm_up import ahead_of_the_warm_up

SPLITS = ("train", "test")
SPRITE_PER_CLASS = 10  # images a row of the class sprite shows until the reader chooses
_drawn_ahead: set[tuple[str, str]] = set()


# --- Compute (cached, plain values in) -----------------------------------------------------

@st.cache_data(show_spinner=False)
def split_facts(split: str) -> data.Facts:
    return data.facts(*split_arrays(split))


@st.cache_data(show_spinner=False)
def lowest_peak(split: str) -> int:
    return int(data.image_peaks(split_arrays(split)[0]).min())


def _split_name(split: str, language: str) -> str:
    return i18n.t(f"browse.split_{split}", language)


@st.cache_data(show_spinner=False, max_entries=8)
def counts_png(split: str, language: str) -> bytes:
    figure = plots.bar_chart(split_facts(split).counts_per_class, i18n.class_names(language),
                             title=i18n.t("browse.counts_title", language, split=_split_name(split, language)),
                             ylabel=i18n.t("browse.counts_ylabel", language))
    return plots.to_png(figure)


@st.cache_data(show_spinner=False, max_entries=8)
def first_image_png(split: str, language: str) -> bytes:
    images, labels = split_arrays(split)
    figure = plots.image_with_colorbar(
        images[0], title=i18n.t("browse.first_title", language, name=i18n.class_name(labels[0], language)),
        label=i18n.t("browse.first_colorbar", language))
    return plots.to_png(figure)


@st.cache_data(show_spinner=False, max_entries=8)
def tutorial_grid_png(split: str, language: str) -> bytes:
    images, labels = split_arrays(split)
    names = i18n.class_names(language)
    figure = plots.labelled_grid(images[:25], [names[label] for label in labels[:25]], cols=5, cell=1.5,
                                 fontsize=12)
    return plots.to_png(figure)


@st.cache_data(show_spinner=False, max_entries=16)
def sprite_png(split: str, language: str, per_class: int, seed: int) -> bytes:
    images, labels = split_arrays(split)
    rng = np.random.default_rng(seed) if seed else None
    rows = images[data.sprite_indices(labels, per_class, rng)]
    return plots.to_png(plots.class_sprite(rows, i18n.class_names(language)))


@st.cache_data(show_spinner=False, max_entries=16)
def normalisation_png(split: str, language: str, index: int) -> bytes:
    image = split_arrays(split)[0][index]
    variants = [(i18n.t("browse.norm_raw", language), image),
                (i18n.t("browse.norm_scaled", language), data.scale_255(image)),
                (i18n.t("browse.norm_minmax", language), data.min_max(image))]
    figure = plots.normalisation_comparison(variants, hist_label=i18n.t("browse.norm_pixel", language),
                                            count_label=i18n.t("browse.norm_count", language))
    return plots.to_png(figure)


@st.cache_data(show_spinner=False, max_entries=8)
def means_png(split: str, language: str) -> bytes:
    figure = plots.labelled_grid(data.mean_images(*split_arrays(split)), i18n.class_names(language),
                                 cols=5, cell=2.0, vmax=None, fontsize=12)
    return plots.to_png(figure)


def every_class_ahead(split: str, language: str):
    """Draw Browse's every-class figures (the tutorial's grid, the sprite as it first shows) in the
    background while their tab is still closed, once per split and language and server. The thread
    it is drawn in, where it has one of its own (:func:`ui.warm_up.ahead_of_the_warm_up`)."""
    if (split, language) in _drawn_ahead:
        return None
    _drawn_ahead.add((split, language))

    def draw() -> None:
        tutorial_grid_png(split, language)
        sprite_png(split, language, SPRITE_PER_CLASS, 0)

    return ahead_of_the_warm_up(draw)
