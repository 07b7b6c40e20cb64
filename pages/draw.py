"""Draw & upload: a garment of one's own (drawn, uploaded or photographed) and what the models think of it.

Ask (a drawing canvas, a file, the camera), compute (``fmnist.preprocess`` turns the picture into
the 28x28 image a model takes; ``fmnist.inference.Predictor`` answers in milliseconds), show (the
answer as a metric, the picture the models saw, the tutorial's bars from ``ui/answers.py``).
Four tabs that run only when open.
"""

from __future__ import annotations

import logging

import numpy as np
import streamlit as st
from PIL import Image

from fmnist import composite, preprocess
from ui.answers import compare_ui
from ui.own_garment import PAPERS, answers_ui, drawing_and_answers, drawing_ui, truth_ui
from ui.text import tr
from ui.widgets import CRISP, crisp_images, lazy_tabs

log = logging.getLogger(__name__)

TABS = ("draw", "four", "upload", "camera")
TAB_KEY = "draw_tab"
FOUR_SIDE = 448  # the 2x2 drawing: 8 screen pixels per canvas pixel
UPLOAD_TYPES = ("png", "jpg", "jpeg", "webp", "bmp", "gif")
KEPT = ("draw_tool", "draw_brush", "draw_paper", "draw_truth")


def upload_limit_mb() -> int:
    """The upload limit of ``.streamlit/config.toml`` (server.maxUploadSize, in MB)."""
    return int(st.get_option("server.maxUploadSize"))


# --- Compute ---------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=4)
def grid_background(side: int, colour: str) -> Image.Image:
    """The 2x2 quadrant lines, shown behind the drawing (not part of what is sent)."""
    picture = Image.new("RGB", (side, side), colour)
    line = Image.new("RGB", (2, side), "#4669aa")
    picture.paste(line, (side // 2 - 1, 0))
    picture.paste(line.rotate(90, expand=True), (0, side // 2 - 1))
    return picture


# --- Show ------------------------------------------------------------------------------------

def rejected_message(exc: preprocess.ImageRejected) -> str:
    try:
        return tr(f"draw.rejected_{exc.reason}", **exc.details)
    except (KeyError, ValueError, IndexError):
        return tr("draw.rejected_other")


def picture_ui(payload: bytes) -> None:
    """An uploaded or photographed picture: its conversion step by step, then the answers."""
    try:
        conversion = preprocess.upload_to_input(payload, max_bytes=upload_limit_mb() * 1_000_000)
    except preprocess.ImageRejected as exc:
        st.error(rejected_message(exc), icon=":material/error:")
        return
    except Exception:  # a picture no check foresaw: a message, never a traceback
        log.exception("an uploaded picture could not be converted")
        st.error(tr("draw.rejected_other"), icon=":material/error:")
        return
    steps, answers = st.columns([1, 1], gap="large")
    with steps:
        if conversion.frames > 1:
            st.info(tr("draw.first_frame", frames=conversion.frames), icon=":material/animation:")
        st.markdown(f"**{tr('draw.steps')}**")
        with st.container(key=f"{CRISP}_draw_steps"):
            st.image([step_picture(image) for _, image in conversion.steps],
                     caption=[tr(f"draw.step_{name}") for name, _ in conversion.steps], output_format="PNG")
        st.caption(tr("draw.steps_caption"))
        truth = truth_ui()
    with answers:
        answers_ui(conversion.result, truth)


def step_picture(image: np.ndarray) -> Image.Image:
    """A step of the conversion at a size a class can see; small images stay crisp."""
    picture = Image.fromarray(np.asarray(image, dtype=np.uint8))
    if max(picture.size) < 120:
        factor = max(1, 120 // max(picture.size))
        picture = picture.resize((picture.width * factor, picture.height * factor), Image.Resampling.NEAREST)
    return picture


def draw_tab() -> None:
    drawing_and_answers("draw_canvas")


def four_tab() -> None:
    ask, show = st.columns([1, 1], gap="large")
    with ask:
        paper = st.session_state.get("draw_paper", "dark")
        pixels = drawing_ui(FOUR_SIDE, "draw_four", grid_background(FOUR_SIDE, PAPERS[paper][0]))
    with show:
        if pixels is None:
            st.info(tr("draw.empty_four"), icon=":material/grid_view:")
            return
        canvas, filled = preprocess.drawing_to_canvas(pixels)
        if not any(filled):
            st.info(tr("draw.empty_four"), icon=":material/grid_view:")
            return
        with st.container(key=f"{CRISP}_draw_four_seen"):
            st.image(composite.preview(canvas, 5), caption=tr("draw.seen_canvas"), output_format="PNG")
    compare_ui(canvas, None, "draw_threshold")


def upload_tab() -> None:
    limit = upload_limit_mb()
    upload = st.file_uploader(tr("draw.upload", limit=limit), type=list(UPLOAD_TYPES), key="draw_upload",
                              help=tr("draw.upload_help"))
    if upload is None:
        st.info(tr("draw.upload_empty"), icon=":material/upload:")
        return
    picture_ui(upload.getvalue())


def camera_tab() -> None:
    photo = st.camera_input(tr("draw.camera"), key="draw_camera")
    if photo is None:
        st.info(tr("draw.camera_empty"), icon=":material/photo_camera:")
        return
    picture_ui(photo.getvalue())


# --- The page ----------------------------------------------------------------------------------

crisp_images()
st.title(tr("draw.title"))
st.write(tr("draw.intro"))
lazy_tabs({name: tr(f"draw.tab_{name}") for name in TABS}, TAB_KEY,
          {"draw": draw_tab, "four": four_tab, "upload": upload_tab, "camera": camera_tab}, kept=KEPT)
