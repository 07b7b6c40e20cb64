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


def label_boxes(hot, names, caption: str | None = None) -> None:
    """A multi-hot label as ten named boxes: filled where 1, outlined where 0 (readable on a projector)."""
    import html

    boxes = []
    for value, name in zip(np.asarray(hot).astype(int), names):
        style = ("background:#1f4e8c;color:#fff;border:2px solid #1f4e8c;" if value
                 else "background:transparent;color:#888;border:2px solid #bbb;")
        boxes.append(
            f'<div data-label="{value}" style="{style}border-radius:6px;padding:4px 2px;text-align:center;'
            f'min-width:0;">'
            f'<div style="font-size:1.6em;font-weight:700;line-height:1.2">{value}</div>'
            f'<div style="font-size:0.78em;line-height:1.2;overflow-wrap:anywhere">{html.escape(str(name))}</div></div>'
        )
    st.markdown(f'<div style="display:grid;grid-template-columns:repeat({len(boxes)},minmax(0,1fr));gap:5px;">'
                f'{"".join(boxes)}</div>', unsafe_allow_html=True)
    if caption:
        st.caption(caption)

CRISP = "crisp"


def crisp_images() -> None:
    """Keep pixels square when the browser resizes an image inside a container whose key starts
    with ``crisp`` (a canvas narrower than its 448 pixels must not be smoothed)."""
    st.html(f'<style>[class*="st-key-{CRISP}"] img {{ image-rendering: pixelated; }}</style>')
