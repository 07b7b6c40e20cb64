"""Browse: the dataset at a glance, samples by class, normalisation, extremes and mean images.

Ask (widgets, ``*_ui``), compute (``fmnist``, cached by plain values), show. Rendered figures
are cached as PNG bytes keyed by split and language, so a rerun redraws nothing it has drawn.
"""

import numpy as np
import streamlit as st

from fmnist import data
from ui import state
from ui.data_figures import (SPLITS, SPRITE_PER_CLASS, counts_png, every_class_ahead, first_image_png, lowest_peak,
                             means_png, normalisation_png, split_arrays, split_facts, sprite_png, tutorial_grid_png)
from ui.dataset import dataset
from ui.text import class_names, lang, tr
from ui.widgets import CRISP, crisp_images, lazy_tabs, upscale

SAMPLES_TAB = "browse_samples_tab"
KEPT = ("browse_per_class", "browse_sprite_seed")  # the every-class tab's widgets


# --- Ask -----------------------------------------------------------------------------------

def split_ui() -> str:
    return st.segmented_control(tr("browse.split"), SPLITS, default="train", required=True,
                                format_func={s: tr(f"browse.split_{s}") for s in SPLITS}.get, key="browse_split")


def class_samples_ui(labels: np.ndarray) -> tuple[int, int, str, int]:
    """Class, count, order and page-or-seed for the strip of one class."""
    names = class_names()
    left, middle, right = st.columns([2, 2, 3])
    label = left.selectbox(tr("browse.class"), range(data.NUM_CLASSES), format_func=names.__getitem__,
                           key="browse_class")
    count = middle.slider(tr("browse.count"), 1, 30, 10, key="browse_count")
    orders = {o: tr(f"browse.order_{o}") for o in ("dataset", "shuffled")}
    with right:
        order = st.segmented_control(tr("browse.order"), list(orders), default="dataset", required=True,
                                     key="browse_order", format_func=orders.get)
    total = int(np.count_nonzero(labels == label))
    if order == "dataset":
        pages = max(1, -(-total // count))
        if st.session_state.get("browse_page", 1) > pages:
            state.put("browse_page", 1)
        position = st.pagination(pages, key="browse_page", max_visible_pages=9)
    else:
        seed_column, button_column = st.columns([3, 2], vertical_alignment="bottom")
        if button_column.button(tr("browse.shuffle_again"), key="browse_reshuffle"):
            state.put("browse_seed", st.session_state.get("browse_seed", 0) + 1)
        position = seed_column.number_input(tr("browse.seed"), 0, 10**6, 0, key="browse_seed")
    return label, count, order, int(position)


# --- Show ----------------------------------------------------------------------------------

def glance(split: str) -> None:
    st.header(tr("browse.glance"))
    facts = {s: split_facts(s) for s in SPLITS}
    shown = facts[split]
    cols = st.columns(5)
    cols[0].metric(tr("browse.train_count"), f"{facts['train'].count:,}")
    cols[1].metric(tr("browse.test_count"), f"{facts['test'].count:,}")
    cols[2].metric(tr("browse.shape"), f"{shown.shape[1]} × {shown.shape[2]}", help=tr("browse.shape_help"))
    cols[3].metric(tr("browse.range"), f"{shown.pixel_min}–{shown.pixel_max}", help=tr("browse.range_help"))
    cols[4].metric(tr("browse.range_scaled"), "0.0–1.0", help=tr("browse.range_help"))
    chart, first = st.columns([3, 2])
    chart.image(counts_png(split, lang()))
    chart.caption(tr("browse.counts_caption"))
    first.image(first_image_png(split, lang()))
    first.caption(tr("browse.first_caption"))


def image_detail(images: np.ndarray, labels: np.ndarray, index: int) -> None:
    """One image large, with its index, label and pixel statistics."""
    name = class_names()[labels[index]]
    picture, numbers = st.columns([2, 3])
    picture.image(upscale(images[index], 10), caption=tr("browse.detail_title", index=index, name=name),
                  output_format="PNG")
    stats = data.pixel_stats(images[index])
    with numbers:
        st.markdown(f"**{tr('browse.detail_label', label=int(labels[index]), name=name)}**")
        st.table({
            tr("browse.stat"): [tr(f"browse.stat_{key}") for key in ("min", "max", "mean", "std", "sum", "nonzero")],
            tr("browse.value"): [f"{stats['min']}", f"{stats['max']}", f"{stats['mean']:.1f}", f"{stats['std']:.1f}",
                                 f"{stats['sum']:,}", f"{stats['nonzero']:.0%}"],
        }, hide_index=True)


@st.fragment
def one_class(split: str) -> None:
    images, labels = split_arrays(split)
    label, count, order, position = class_samples_ui(labels)
    name = class_names()[label]
    if order == "dataset":
        start = (position - 1) * count
        shown = data.indices_of_class(labels, label, count, start=start)
        total = int(np.count_nonzero(labels == label))
        one = "_one" if len(shown) == 1 else ""  # "1 image", not "1 images"
        caption = tr(f"browse.strip_caption{one}", count=len(shown), name=name, split=tr(f"browse.split_{split}"),
                     first=start + 1, last=start + len(shown), total=f"{total:,}")
    else:
        shown = data.indices_of_class(labels, label, count, rng=np.random.default_rng(position))
        caption = tr("browse.strip_caption_shuffled" + ("_one" if len(shown) == 1 else ""), count=len(shown),
                     name=name, split=tr(f"browse.split_{split}"), seed=position)
    with st.container(key=f"{CRISP}_browse_strip"):
        st.image([upscale(images[i], 4) for i in shown], caption=[f"#{i}" for i in shown], output_format="PNG")
    st.caption(caption)
    chosen = st.pills(tr("browse.pick"), [int(i) for i in shown], default=int(shown[0]), required=True,
                      format_func=lambda i: f"#{i}", key=f"browse_pick_{split}_{label}_{order}_{position}_{count}")
    image_detail(images, labels, chosen)


@st.fragment
def all_classes(split: str) -> None:
    grid, sprite = st.columns(2)
    with grid:
        st.subheader(tr("browse.grid_title", split=tr(f"browse.split_{split}")))
        st.image(tutorial_grid_png(split, lang()))
    with sprite:
        st.subheader(tr("browse.sprite_title"))
        per_class, seed = st.columns(2)
        per_class = per_class.slider(tr("browse.per_class"), 4, 16, SPRITE_PER_CLASS, key="browse_per_class")
        seed = seed.number_input(tr("browse.sprite_shuffle"), 0, 10**6, 0, key="browse_sprite_seed")
        st.image(sprite_png(split, lang(), per_class, int(seed)))
        st.caption(tr("browse.sprite_caption"))


def samples(split: str) -> None:
    """One class (always drawn: its widgets keep their values) and every class, drawn only when
    its tab is open: its two figures were a quarter of the page's first run on a fresh server."""
    st.header(tr("browse.samples"))
    lazy_tabs({"one": tr("browse.tab_one"), "all": tr("browse.tab_all")}, SAMPLES_TAB,
              {"one": lambda: one_class(split), "all": lambda: all_classes(split)}, kept=KEPT, always=("one",),
              ahead={"all": lambda: every_class_ahead(split, lang())})


@st.fragment
def normalisation(split: str) -> None:
    st.header(tr("browse.norm"))
    count = split_facts(split).count
    index = st.columns(4)[0].number_input(tr("browse.norm_index"), 0, count - 1, 0, key="browse_norm_index")
    st.image(normalisation_png(split, lang(), int(index)))
    st.info(tr("browse.norm_why"))
    st.caption(tr("browse.norm_same", split=tr(f"browse.split_{split}"), peak=lowest_peak(split)))


def extremes_and_means(split: str) -> None:
    st.header(tr("browse.extremes"))
    images, labels = split_arrays(split)
    facts = split_facts(split)
    extremes, means = st.columns([2, 5])
    with extremes:
        shown = {"brightest": facts.brightest, "darkest": facts.darkest}
        st.image([upscale(images[i], 6) for i in shown.values()],
                 caption=[tr(f"browse.{kind}", index=i, name=class_names()[labels[i]],
                             total=int(images[i].sum(dtype=np.int64))) for kind, i in shown.items()],
                 output_format="PNG")
        st.caption(tr("browse.extremes_caption"))
    with means:
        st.markdown(f"**{tr('browse.means_title', split=tr(f'browse.split_{split}'))}**")
        st.image(means_png(split, lang()))
        st.caption(tr("browse.means_caption"))


crisp_images()
st.title(tr("browse.title"))
st.write(tr("browse.intro"))
dataset()  # a clear message and a stop, if the data is missing
split = split_ui()
glance(split)
samples(split)
normalisation(split)
extremes_and_means(split)
