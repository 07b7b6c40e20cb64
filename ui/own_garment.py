"""A garment of one's own, drawn: the drawing canvas and what the models answer to it.

Shared by Draw & upload and the Lesson's last step. The pen settings are widgets of their own
(``draw_paper``, ``draw_tool``, ``draw_brush``): a student's pen is the same on both pages.
"""

from __future__ import annotations

import io

import numpy as np
import streamlit as st
from PIL import Image
from streamlit_drawable_canvas import st_canvas

from fmnist import composite, preprocess
from ui.answers import answer_metric, inline, predictor_or_error, value_arrays_image
from ui.models import model_name
from ui.text import class_names, tr
from ui.widgets import CRISP, upscale

SIDE = 280  # the drawing square: 10 screen pixels per model pixel
PAPERS = {"dark": ("#000000", "#ffffff"), "light": ("#ffffff", "#000000")}  # background, pen


def flatten(rgba: np.ndarray, background: str) -> np.ndarray:
    """A drawing's RGBA pixels on its paper colour (the canvas sends strokes over transparency)."""
    paper = Image.new("RGBA", (rgba.shape[1], rgba.shape[0]), background)
    return np.asarray(Image.alpha_composite(paper, Image.fromarray(np.asarray(rgba, dtype=np.uint8), "RGBA")))


NOT_SAID = -1  # "I won't say" (a selectbox shows None as no choice at all)


def pen_ui() -> None:
    """Paper, tool and brush size (read by :func:`drawing_ui` from the session)."""
    papers = {paper: tr(f"draw.paper_{paper}") for paper in PAPERS}
    tools = {tool: tr(f"draw.tool_{tool}") for tool in ("pen", "eraser")}
    st.segmented_control(tr("draw.paper"), tuple(papers), default="dark", required=True,
                         format_func=papers.get, key="draw_paper", help=tr("draw.paper_help"))
    tool_col, brush_col = st.columns(2)
    tool_col.segmented_control(tr("draw.tool"), tuple(tools), default="pen", required=True,
                               format_func=tools.get, key="draw_tool")
    brush_col.slider(tr("draw.brush"), 4, 40, 18, key="draw_brush")


def truth_ui() -> int | None:
    options = {NOT_SAID: tr("draw.truth_none"), **dict(enumerate(class_names()))}
    chosen = st.selectbox(tr("draw.truth"), tuple(options), format_func=options.get, key="draw_truth",
                          help=tr("draw.truth_help"))
    return None if chosen == NOT_SAID else int(chosen)


def drawing_ui(side: int, key: str, background_image: Image.Image | None = None) -> np.ndarray | None:
    """The drawing canvas above its pen settings; returns its pixels on the paper colour (RGBA),
    or None before any stroke."""
    st.space("small")  # room for the canvas's own toolbar (undo, redo, clear) above its top edge
    board = st.container()
    pen_ui()
    paper = st.session_state.get("draw_paper") or "dark"
    background, pen = PAPERS[paper]
    stroke = pen if st.session_state.get("draw_tool", "pen") == "pen" else background
    with board:
        result = st_canvas(stroke_width=st.session_state.get("draw_brush", 18), stroke_color=stroke,
                           background_color=background, background_image=background_image, height=side,
                           width=side, drawing_mode="freedraw", return_image_data=True, key=f"{key}_{paper}")
        st.caption(tr("draw.toolbar"))
    if result.json_data is None or not result.json_data.get("objects"):
        return None
    pixels = result.image_data
    return None if pixels is None else flatten(pixels, background)


def answers_ui(image28: np.ndarray, truth: int | None) -> None:
    """The top answer as a metric, then the tutorial's image-and-bars pair for the tutorial model
    and for the softmax canvas model (the garment in a quadrant of an empty canvas)."""
    dense, single = predictor_or_error("dense"), predictor_or_error("single")
    canvas = composite.place_in_quadrant(image28, 0)
    answers = {}
    if single is not None:
        answers["single"] = single[0](canvas)
    if dense is not None:
        answers["dense"] = dense[0](image28)
    if not answers:
        return
    headline = "single" if "single" in answers else "dense"
    metric, seen = st.columns([3, 2])
    with metric:
        answer_metric(answers[headline], tr("draw.answer", model=model_name(headline)))
        if truth is not None:
            predicted = int(np.argmax(answers[headline]))
            if predicted == truth:
                st.success(tr("draw.right"), icon=":material/check_circle:")
            else:
                st.error(tr("draw.wrong", predicted=class_names()[predicted]), icon=":material/cancel:")
    with seen, st.container(key=f"{CRISP}_draw_seen"):
        st.image(inline(png_of(upscale(image28, 6))), caption=tr("draw.seen"))
    value_arrays_image({model_name(kind): answers[kind] for kind in ("single", "dense") if kind in answers}, truth)
    st.caption(tr("draw.bars_caption"))


def png_of(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def drawing_and_answers(key: str, ask_truth: bool = True) -> None:
    """The drawing square on the left (and what the garment really is, when ``ask_truth``), the
    models' answers to it on the right."""
    ask, show = st.columns([1, 1], gap="large")
    with ask:
        pixels = drawing_ui(SIDE, key)
        truth = truth_ui() if ask_truth else None
    with show:
        converted = None if pixels is None else preprocess.drawing_to_input(pixels)
        if converted is None:
            st.info(tr("draw.empty"), icon=":material/draw:")
            return
        answers_ui(converted.result, truth)
