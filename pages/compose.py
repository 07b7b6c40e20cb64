"""Compose: garments inserted into a 2x2 canvas with sliders (seed 000's "insert objects into an image").

Ask (widgets, ``*_ui``), compute (``fmnist.composite``, cached by plain values), show. Each
section is a fragment: moving one of its widgets reruns that section alone.
"""


import numpy as np
import streamlit as st

from fmnist import composite, data, i18n, plots
from ui import state
from ui.dataset import dataset, split_arrays
from ui.shell import page_file
from ui.text import class_names, lang, tr
from ui.widgets import CRISP, crisp_images, label_boxes

SPLITS = ("test", "train")
SCALE = 8  # a 56x56 canvas shown as 448x448 pixels
SET_SIZES = (500, 1000, 2000, 5000, 10000)
GALLERY_PAGE = 12
ARROWS = "↖↗↙↘"


# --- Compute (cached, plain values in) -----------------------------------------------------

@st.cache_resource(show_spinner=False, max_entries=8)
def generated_set(split: str, size: int, seed: int) -> composite.Composites:
    """A multi-label set like the one the multi model trains on; shared, never modified."""
    images, labels = split_arrays(split)
    return composite.make_multi_set(images, labels, size, np.random.default_rng(seed))


@st.cache_resource(show_spinner=False, max_entries=8)
def generated_npz(split: str, size: int, seed: int) -> bytes:
    return composite.npz_bytes(generated_set(split, size, seed))


@st.cache_data(show_spinner=False, max_entries=16)
def distributions_png(split: str, size: int, seed: int, language: str) -> tuple[bytes, bytes]:
    sets = generated_set(split, size, seed)
    counts = plots.bar_chart(composite.object_count_distribution(sets), range(composite.QUADRANTS + 1),
                             title=i18n.t("compose.dist_counts", language),
                             ylabel=i18n.t("compose.dist_canvases", language), width=4.5)
    counts.axes[0].set_xlabel(i18n.t("compose.dist_counts_x", language))
    classes = plots.bar_chart(composite.class_distribution(split_arrays(split)[1], sets.sources),
                              i18n.class_names(language), title=i18n.t("compose.dist_classes", language),
                              ylabel=i18n.t("compose.dist_garments", language), width=6.5)
    return plots.to_png(counts), plots.to_png(classes)


def canvas_record(canvas: np.ndarray, hot: np.ndarray, classes) -> dict:
    """The session-state contract the prediction pages read."""
    return {"image": np.asarray(canvas, dtype=np.uint8), "labels": np.asarray(hot, dtype=np.uint8),
            "sources_classes": [int(c) for c in classes], "origin": "compose"}


def human_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"


# --- Ask -----------------------------------------------------------------------------------

def split_ui() -> str:
    return st.segmented_control(tr("compose.split"), SPLITS, default="test", required=True,
                                format_func={s: tr(f"compose.split_{s}") for s in SPLITS}.get, key="compose_split",
                                help=tr("compose.split_help"))


def _random_garment(labels: np.ndarray) -> None:
    label, rank = composite.random_garment(labels, np.random.default_rng())
    state.put("compose_single_class", label)
    state.put("compose_single_rank", rank)


def _choose_quadrant(key: str, quadrant: int) -> None:
    state.put(key, quadrant)


def quadrant_picker_ui(key: str, default: int = 1) -> int:
    """Four buttons laid out like the canvas; the chosen quadrant is the highlighted one."""
    picked = f"{key}_quadrant"
    chosen = state.default(picked, default)
    st.markdown(f"**{tr('compose.quadrant')}**")
    for row in range(2):
        cols = st.columns(2)
        for col in range(2):
            quadrant = 2 * row + col
            cols[col].button(f"{ARROWS[quadrant]} {quadrant}", key=f"{key}_q{quadrant}", width="stretch",
                             help=tr(f"compose.quadrant_{quadrant}"),
                             type="primary" if quadrant == chosen else "secondary",
                             on_click=_choose_quadrant, args=(picked, quadrant))
    return chosen


def single_ui(labels: np.ndarray) -> tuple[int, int, int]:
    """Class, rank within the class, and quadrant of the one garment."""
    names = class_names()
    st.button(tr("compose.random_garment"), key="compose_random", on_click=_random_garment, args=(labels,))
    label = st.selectbox(tr("compose.class"), range(data.NUM_CLASSES), index=9,
                         format_func=names.__getitem__, key="compose_single_class")
    available = int(np.count_nonzero(labels == label))
    if st.session_state.get("compose_single_rank", 0) >= available:
        state.put("compose_single_rank", available - 1)
    rank = st.number_input(tr("compose.rank", name=names[label]), 0, available - 1, 0, key="compose_single_rank")
    quadrant = quadrant_picker_ui("compose_single")
    return label, int(rank), quadrant


def multi_ui() -> tuple[list, list, int]:
    """For each garment its class (None = random) and quadrant (None = random placement); the seed."""
    names = class_names()
    count_col, seed_col = st.columns(2)
    count = count_col.slider(tr("compose.count"), 0, composite.QUADRANTS, 2, key="compose_count")
    seed = seed_col.slider(tr("compose.seed"), 0, 100, 0, key="compose_seed", help=tr("compose.seed_help"))
    class_options = {None: tr("compose.any_class"), **dict(enumerate(names))}
    quadrant_options = {None: tr("compose.random_place"),
                        **{q: tr(f"compose.quadrant_{q}") for q in range(composite.QUADRANTS)}}
    classes, quadrants = [], []
    for i in range(count):
        cls, place = st.columns(2)
        classes.append(cls.selectbox(
            tr("compose.garment_class", number=i + 1), list(class_options), key=f"compose_class_{i}",
            format_func=class_options.get))
        quadrants.append(place.selectbox(
            tr("compose.garment_quadrant", number=i + 1), list(quadrant_options), key=f"compose_quadrant_{i}",
            format_func=quadrant_options.get))
    return classes, quadrants, seed


def gallery_ui() -> tuple[int, int, int]:
    size_col, seed_col, count_col = st.columns([3, 2, 3])
    size = size_col.select_slider(tr("compose.set_size"), SET_SIZES, value=1000, key="compose_set_size",
                                  format_func=lambda n: f"{n:,}")
    seed = seed_col.number_input(tr("compose.set_seed"), 0, 10**6, 0, key="compose_set_seed")
    with count_col:
        count = st.segmented_control(tr("compose.filter_count"), range(composite.QUADRANTS + 1), default=2,
                                     required=True, key="compose_filter_count")
    return int(size), int(seed), int(count)


# --- Show ----------------------------------------------------------------------------------

def show_canvas(canvas: np.ndarray, key: str) -> None:
    with st.container(key=f"{CRISP}_{key}"):
        st.image(composite.preview(canvas, SCALE), alt=tr("compose.canvas_alt"), output_format="PNG")


def actions(record: dict, key: str) -> None:
    """Download the canvas, or hand it to the prediction page."""
    download, send = st.columns(2)
    download.download_button(tr("compose.download_png"), composite.png_bytes(record["image"]),
                             file_name=f"{key}.png", mime="image/png", on_click="ignore", key=f"{key}_png")
    if send.button(tr("compose.send"), key=f"{key}_send", type="primary"):
        state.send_canvas(record)  # Predict opens on it
        st.switch_page(page_file("predict"), query_params={"lang": lang()})


@st.fragment
def single(split: str) -> None:
    st.header(tr("compose.single"))
    st.caption(tr("compose.single_intro"))
    images, labels = split_arrays(split)
    ask, show = st.columns([2, 3])
    with ask:
        label, rank, quadrant = single_ui(labels)
    index = int(data.indices_of_class(labels, label, 1, start=rank)[0])
    canvas = composite.place_in_quadrant(images[index], quadrant)
    classes = [label if q == quadrant else composite.EMPTY for q in range(composite.QUADRANTS)]
    record = canvas_record(canvas, np.eye(data.NUM_CLASSES, dtype=np.uint8)[label], classes)
    state.put("compose_single", {**record, "index": index, "quadrant": quadrant})
    with show:
        show_canvas(canvas, "compose_single_canvas")
        st.markdown(tr("compose.single_label", label=label, name=class_names()[label], quadrant=quadrant,
                       index=index, split=tr(f"compose.split_{split}")))
        actions(record, "compose_single")


@st.fragment
def multi(split: str) -> None:
    st.header(tr("compose.multi"))
    st.caption(tr("compose.multi_intro"))
    images, labels = split_arrays(split)
    ask, show = st.columns(2)
    with ask:
        classes, quadrants, seed = multi_ui()
    try:
        sources = composite.arrange(labels, classes, quadrants, seed)
    except composite.QuadrantClash as clash:
        state.put("compose_multi", None)
        show.error(tr("compose.clash", quadrant=tr(f"compose.quadrant_{clash.quadrant}"),
                      garments=", ".join(map(str, clash.garments))))
        return
    canvas = composite.compose(images, sources[None])[0]
    hot = composite.multi_hot(labels, sources[None])[0]
    in_quadrant = composite.quadrant_classes(labels, sources)
    record = canvas_record(canvas, hot, in_quadrant)
    state.put("compose_multi", {**record, "sources": sources.tolist(), "seed": seed})
    names = class_names()
    with show:
        show_canvas(canvas, "compose_multi_canvas")
        if not len(classes):
            st.caption(tr("compose.empty_canvas"))
    st.markdown(f"**{tr('compose.multi_hot')}**")
    label_boxes(hot, names, caption=f"`{hot.tolist()}`")
    st.markdown(f"**{tr('compose.placement')}**")
    st.table({
        tr("compose.col_quadrant"): [tr(f"compose.quadrant_{q}") for q in range(composite.QUADRANTS)],
        tr("compose.col_garment"): [names[c] if c >= 0 else f"— {tr('compose.empty')}" for c in in_quadrant],
        tr("compose.col_image"): [f"#{s}" if s >= 0 else "" for s in sources],
    }, hide_index=True)
    actions(record, "compose_multi")


@st.fragment
def gallery(split: str) -> None:
    st.header(tr("compose.gallery"))
    st.caption(tr("compose.gallery_intro"))
    size, seed, count = gallery_ui()
    sets = generated_set(split, size, seed)
    chosen = composite.with_object_count(sets, count)
    names = class_names()
    if len(chosen):
        pages = -(-len(chosen) // GALLERY_PAGE)
        page = st.pagination(pages, key=f"compose_gallery_page_{split}_{size}_{seed}_{count}", max_visible_pages=9)
        shown = chosen[(page - 1) * GALLERY_PAGE:page * GALLERY_PAGE]
        in_quadrants = composite.quadrant_classes(split_arrays(split)[1], sets.sources[shown])
        with st.container(key=f"{CRISP}_compose_gallery"):
            per_row = GALLERY_PAGE // 2
            for start in range(0, len(shown), per_row):
                for column, i, row in zip(st.columns(per_row), shown[start:start + per_row],
                                          in_quadrants[start:start + per_row]):
                    column.image(composite.preview(sets.images[i], 2),
                                 caption=f"#{i}: " + ", ".join(names[c] for c in row if c >= 0), output_format="PNG")
        st.caption(tr("compose.gallery_caption", shown=len(shown), total=len(chosen), count=count, size=size))
    else:
        st.info(tr("compose.gallery_none", count=count))
    counts_png, classes_png = distributions_png(split, size, seed, lang())
    left, right = st.columns([2, 3])
    left.image(counts_png)
    right.image(classes_png)
    st.caption(tr("compose.dist_caption"))
    npz = generated_npz(split, size, seed)
    st.download_button(tr("compose.download_set", size=human_size(len(npz))), npz,
                       file_name=f"composites_{split}_{size}_seed{seed}.npz", mime="application/octet-stream",
                       on_click="ignore", key="compose_download_set", help=tr("compose.download_set_help"))


crisp_images()
st.title(tr("compose.title"))
st.write(tr("compose.intro"))
dataset()  # a clear message and a stop, if the data is missing
split = split_ui()
single(split)
st.divider()
multi(split)
st.divider()
gallery(split)
