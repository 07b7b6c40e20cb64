"""The Train page's panels about models: the one in use, a shipped one with its figures, the stored
ones (use, delete, take home), and the tile network against the notebook's plain CNN."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from fmnist import model_card, registry
from fmnist.contract import ARCHS, DEFAULT_ARCH, KINDS
from ui import state
from ui.backends import model_registry
from ui.models import (SHIPPED, SHIPPED_PLAIN, active_choice, active_model_key, active_model_path, metric_text,
                       set_active_model)
from ui.take_home import take_home_ui
from ui.text import duration, tr
from ui.train_recipe import SHIPPED_CHOICE, number, widget_key


def active_ui(kind: str) -> None:
    metadata = registry.read_metadata(active_model_path(kind))
    key = active_choice(kind)
    if key == SHIPPED and not registry.shipped_path(kind).exists():
        path = registry.shipped_path(kind)
        st.warning(tr("train.active_missing", path=f"models/{path.name}", kind=kind), icon=":material/warning:")
    elif key == SHIPPED:
        st.info(tr("train.active_shipped", metric=metric_text(metadata)), icon=":material/check_circle:")
    elif key == SHIPPED_PLAIN:
        st.info(tr("train.active_shipped_plain", metric=metric_text(metadata)), icon=":material/check_circle:")
    else:
        st.info(tr("train.active_trained", model_id=key, metric=metric_text(metadata)), icon=":material/check_circle:")


def metrics_ui(kind: str, metadata: dict) -> None:
    """The test figures of a model's JSON, as big numbers (a figure that is not a number is left out)."""
    figures = model_card.test_figures(metadata)
    if kind == "multi" and "exact_match" in figures:
        exact, f1, threshold = st.columns(3)
        exact.metric(tr("model.exact_match"), f"{figures['exact_match']:.1%}")
        if "micro_f1" in figures:
            f1.metric(tr("model.micro_f1"), f"{figures['micro_f1']:.1%}")
        if "threshold" in figures:
            threshold.metric(tr("model.threshold"), f"{figures['threshold']:g}")
        by_count = model_card.exact_match_by_count(metadata)
        if by_count:
            st.caption(tr("model.by_count", counts=" · ".join(f"{n}: {v:.1%}" for n, v in by_count.items())))
    elif "accuracy" in figures:
        st.metric(tr("model.accuracy"), f"{figures['accuracy']:.1%}")
    if isinstance(figures.get("test_images"), int):
        st.caption(tr("model.test_images", count=figures["test_images"]))


def shipped_ui(kind: str, arch: str) -> None:
    path = registry.shipped_path(kind, arch)
    if not path.exists() and arch != DEFAULT_ARCH:
        st.info(tr("train.plain_missing", path=f"models/{path.name}", kind=kind), icon=":material/info:")
    if not path.exists():
        return  # active_ui has said so for the model in use, and what to do
    problem = registry.archive_problem(path)
    if problem:
        st.error(tr("train.shipped_corrupt", error=problem))
        return
    metadata = registry.read_metadata(path)
    if metadata is None:
        st.warning(tr("train.shipped_no_json", path=f"models/{registry.metadata_path(path).name}"))
    else:
        metrics_ui(kind, metadata)
        facts = model_card.training_facts(metadata)
        if facts:  # an older or hand-written JSON may not say: the figures above are what matters
            st.caption(tr("train.shipped_facts", epochs=facts["epochs"], train_size=facts["train_size"],
                          time=duration(facts["wall_time_s"]), cpus=facts["cpus"], params=facts["params"]))
        if model_card.mirror_averaged(metadata):
            st.caption(tr("train.shipped_mirror"))
    with st.container(horizontal=True):
        take_home_ui(path, metadata, widget_key(kind, f"shipped_{arch}"))
    choice = SHIPPED_CHOICE[arch]
    if active_choice(kind) != choice:
        st.button(tr("train.use_shipped"), key=widget_key(kind, "use_" + choice.replace("-", "_")),
                  on_click=set_active_model, args=(kind, choice))


def _delete(key: str) -> None:
    model_registry().delete(key)
    for kind, shown in list(state.mapping(state.TRAIN_JOBS).items()):
        if shown == key:
            del state.mapping(state.TRAIN_JOBS)[kind]
    for kind in KINDS:
        if active_model_key(kind) == key:
            set_active_model(kind, SHIPPED)


def _summary(metadata: dict) -> str:
    recipe = model_card.recipe_summary(metadata)
    if recipe is None:
        return ""
    row = tr("train.stored_row", epochs=recipe["epochs"], train_size=recipe["train_size"],
             batch_size=recipe["batch_size"], learning_rate=number(recipe["learning_rate"]), seed=recipe["seed"],
             time=duration(recipe["wall_time_s"]), when=recipe["trained_at"][:16].replace("T", " "))
    if recipe["arch"] == "plain":
        row += " · " + tr("train.stored_plain")
    if recipe["tile_answer"] == "sigmoid":
        row += " · " + tr("train.stored_sigmoid")
    return row


def stored_ui(kind: str, entries: list[registry.Entry]) -> None:
    st.subheader(tr("train.stored"))
    usable = [entry for entry in entries if entry.ok and entry.kind == kind]
    if not usable:
        st.caption(tr("train.stored_none"))
    for entry in usable:
        with st.container(border=True):
            about, figure, actions = st.columns([5, 2, 3], vertical_alignment="center")
            about.markdown(f"`{entry.key}`")
            about.caption(_summary(entry.metadata))
            figure.markdown(f"**{metric_text(entry.metadata)}**")
            with actions.container(horizontal=True):
                if active_model_key(kind) == entry.key:
                    st.badge(tr("train.in_use"), icon=":material/check_circle:", color="green")
                else:
                    st.button(tr("train.use"), key=f"use_{entry.key}", on_click=set_active_model, args=(kind, entry.key))
                st.button(tr("train.delete"), key=f"delete_{entry.key}", on_click=_delete, args=(entry.key,))
            with st.container(horizontal=True):
                take_home_ui(entry.path, entry.metadata, f"stored_{entry.key}")
    for entry in entries:
        if not entry.ok and (entry.kind == kind or (entry.kind is None and kind == KINDS[0])):
            broken, action = st.columns([8, 2], vertical_alignment="center")
            broken.warning(tr("train.corrupt", error=entry.error), icon=":material/warning:")
            if entry.kind is not None:
                action.button(tr("train.delete"), key=f"delete_{entry.key}", on_click=_delete, args=(entry.key,))


# --- Tile network against plain CNN ----------------------------------------------------------

def architecture_models(kind: str, entries: list[registry.Entry]) -> dict[str, tuple[str, dict]]:
    """For each network, the model the comparison shows and the words that name it: the shipped
    one, else the newest stored one."""
    found = {}
    for arch in ARCHS:
        network = tr(f"train.arch_short_{arch}")
        path = registry.shipped_path(kind, arch)
        metadata = registry.read_metadata(path)
        if metadata is not None and registry.archive_problem(path) is None:
            found[arch] = (tr("train.compare_shipped", network=network), metadata)
            continue
        stored = [entry for entry in entries if entry.ok and entry.kind == kind
                  and model_card.architecture(entry.metadata) == arch]
        if stored:  # newest first
            found[arch] = (tr("train.compare_stored", network=network, model_id=stored[0].key), stored[0].metadata)
    return found


def _figure_rows(kind: str, tiles: dict, plain: dict) -> dict:
    """The comparison table: test figures (in %, and the difference in points), then the cost."""
    names = ("exact_match", "micro_f1") if kind == "multi" else ("accuracy",)
    figures = {arch: model_card.test_figures(card) for arch, card in (("tiles", tiles), ("plain", plain))}
    facts = {arch: model_card.training_facts(card) or {} for arch, card in (("tiles", tiles), ("plain", plain))}
    rows = []
    for name in names:
        if name in figures["tiles"] and name in figures["plain"]:
            a, b = figures["tiles"][name], figures["plain"][name]
            rows.append((tr(f"model.{name}"), f"{a:.1%}", f"{b:.1%}", f"{100 * (a - b):+.1f}"))
    if facts["tiles"] and facts["plain"]:
        rows.append((tr("train.compare_time"), duration(facts["tiles"]["wall_time_s"]),
                     duration(facts["plain"]["wall_time_s"]), ""))
        rows.append((tr("train.compare_params"), f"{facts['tiles']['params']:,}", f"{facts['plain']['params']:,}", ""))
        rows.append((tr("train.compare_epochs"), str(facts["tiles"]["epochs"]), str(facts["plain"]["epochs"]), ""))
    columns = (tr("train.compare_measure"), tr("train.arch_short_tiles"), tr("train.arch_short_plain"),
               tr("train.compare_difference"))
    return {column: [row[i] for row in rows] for i, column in enumerate(columns)}


def _validation_chart(tiles: dict, plain: dict) -> alt.Chart | None:
    rows = [{"epoch": epoch, "network": tr(f"train.arch_short_{arch}"), "value": value}
            for arch, card in (("tiles", tiles), ("plain", plain))
            for epoch, value in enumerate((card.get("history") or {}).get("val_accuracy") or [], start=1)
            if isinstance(value, (int, float))]
    if not rows:
        return None
    return alt.Chart(pd.DataFrame(rows)).mark_line(point=True).encode(
        x=alt.X("epoch:Q", title=tr("train.epoch"), axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=".0%")),
        color=alt.Color("network:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("network:N", title=tr("train.arch")), alt.Tooltip("epoch:Q", title=tr("train.epoch")),
                 alt.Tooltip("value:Q", title=tr("train.tooltip_value"), format=".2%")],
    ).properties(title=tr("train.compare_curve"), height=240)


def architectures_ui(kind: str, entries: list[registry.Entry]) -> None:
    """The tile network against the notebook's plain CNN on the same test canvases: figures,
    what the quadrants are worth, and both validation curves."""
    st.markdown(tr("train.compare_intro"))
    found = architecture_models(kind, entries)
    missing = [arch for arch in ARCHS if arch not in found]
    if missing:
        st.info(tr("train.compare_needs", network=tr(f"train.arch_{missing[0]}")), icon=":material/info:")
        return
    (tiles_name, tiles), (plain_name, plain) = found["tiles"], found["plain"]
    st.caption(tr("train.compare_which", tiles=tiles_name, plain=plain_name))
    headline = "exact_match" if kind == "multi" else "accuracy"
    a, b = model_card.test_figures(tiles).get(headline), model_card.test_figures(plain).get(headline)
    if a is not None and b is not None:
        st.markdown(tr(f"train.compare_worth_{headline}", points=100 * (a - b), tiles=a, plain=b))
    st.dataframe(_figure_rows(kind, tiles, plain), hide_index=True)
    chart = _validation_chart(tiles, plain)
    if chart is not None:
        st.altair_chart(chart, width="stretch")
        st.caption(tr(f"train.compare_curve_{kind}"))
