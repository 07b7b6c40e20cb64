"""The dataset, read once per server process; a page without it says why and stops."""

from __future__ import annotations

import streamlit as st

from fmnist import data
from ui.text import tr


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


def split_arrays(split: str):
    """(images, labels) of the "train" or "test" split."""
    train, test = dataset()
    return train if split == "train" else test

