"""Small pieces of interface the pages share: crisp enlarged images, a multi-hot label as boxes,
tabs that draw only the open one."""

from __future__ import annotations

import html
from typing import Callable, Iterable

import numpy as np
import streamlit as st
from PIL import Image

from ui import state


def upscale(image: np.ndarray, scale: int = 8) -> Image.Image:
    """A uint8 image enlarged with nearest-neighbour, so pixels stay crisp on a projector."""
    picture = Image.fromarray(np.asarray(image, dtype=np.uint8))
    return picture.resize((picture.width * scale, picture.height * scale), Image.Resampling.NEAREST)


def label_boxes(hot, names, caption: str | None = None) -> None:
    """A multi-hot label as ten named boxes: filled where 1, outlined where 0 (readable on a projector)."""
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



def lazy_tabs(labels: dict[str, str], key: str, draw: dict[str, Callable[[], object]], *, kept: Iterable[str] = (),
              always: Iterable[str] = (), ahead: dict[str, Callable[[], object]] | None = None,
              open_on: str | None = None) -> None:
    """Tabs (``name -> label``) of which only the open one is drawn, so a rerun costs one tab's work.

    ``kept``: widget keys of the closed tabs, whose values Streamlit would otherwise forget;
    ``always``: tabs drawn even while closed (their widgets keep their own values); ``ahead``: work
    done for a closed tab instead (its figures made in the background); ``open_on``: the tab to
    open now (another page sent something it shows). A language change starts at the first tab.
    """
    state.keep(kept)
    if open_on is not None:
        state.put(key, labels[open_on])
    if st.session_state.get(key) not in labels.values():
        state.forget(key)
    always, ahead = set(always), ahead or {}
    for tab, name in zip(st.tabs(list(labels.values()), key=key, on_change="rerun"), labels):
        with tab:
            if tab.open or name in always:
                draw[name]()
            elif name in ahead:
                ahead[name]()
