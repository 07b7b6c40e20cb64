"""Take it home: a model's files and the notebook that rebuilds it, as two download buttons.

    take_home_ui(path, metadata, key_prefix="train_dense_shipped")

Used by the Train page (the shipped and the stored models) and by the class challenge's board.
Nothing is built until a button is pressed: both downloads are deferred (Streamlit calls the
library function then, on the server), so a page listing many models pays nothing for them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import streamlit as st

from fmnist import take_home
from ui.text import lang, tr


def _notebook_bytes(metadata: dict, language: str) -> bytes:
    from fmnist import notebook  # nbformat: a tenth of a second, paid on the first download, not by every page

    return notebook.notebook_bytes(metadata, language)


def take_home_ui(path, metadata: dict | None, key_prefix: str) -> None:
    """The model at ``path`` as a zip (its ``.keras`` and JSON), and, when its JSON holds a
    recipe, a notebook in the page's language that rebuilds it; drawn where the caller is
    (inside ``st.container(horizontal=True)`` they sit side by side)."""
    path = Path(path)
    st.download_button(tr("take_home.model"), partial(take_home.model_zip, path), file_name=take_home.zip_name(path),
                       mime="application/zip", key=f"{key_prefix}_model_zip", on_click="ignore",
                       icon=":material/download:", help=tr("take_home.model_help"))
    if take_home.recipe_of(metadata) is None:
        return
    language = lang()
    st.download_button(tr("take_home.notebook"), partial(_notebook_bytes, metadata, language),
                       file_name=take_home.notebook_name(path, language), mime="application/x-ipynb+json",
                       key=f"{key_prefix}_notebook", on_click="ignore", icon=":material/code:",
                       help=tr("take_home.notebook_help"))
