"""Streamlit helpers shared by the pages: language, cached data, crisp images.

Pages import from here; the library (``fmnist``) never imports Streamlit.
"""

from __future__ import annotations

import numpy as np
import streamlit as st
from PIL import Image

from fmnist import data, i18n


def lang() -> str:
    """The language chosen in the sidebar ('en' or 'ko')."""
    return i18n.normalise_language(st.session_state.get("lang"))


def tr(key: str, **values) -> str:
    """The text for ``key`` in the current language."""
    return i18n.t(key, lang(), **values)


def class_names() -> tuple[str, ...]:
    return i18n.class_names(lang())


@st.cache_resource(show_spinner=False)
def _dataset():
    return data.load_data()


def dataset():
    """The dataset, loaded once per server process; on failure an error on the page, then stop."""
    try:
        return _dataset()
    except data.DataError as exc:
        st.error(f"{tr('app.data_error')}\n\n{exc}")
        st.stop()


def upscale(image: np.ndarray, scale: int = 8) -> Image.Image:
    """A uint8 image enlarged with nearest-neighbour, so pixels stay crisp on a projector."""
    picture = Image.fromarray(np.asarray(image, dtype=np.uint8))
    return picture.resize((picture.width * scale, picture.height * scale), Image.Resampling.NEAREST)
