"""Train: use the shipped models, or train your own and watch the curves.

Ask (which model, which network, which recipe), call (the server's job manager trains in a
worker thread and stores the result), show (progress, curves, test figures, the stored models,
and for the canvas models the tile network against the notebook's plain CNN). The model chosen
here is the one the prediction pages use in this session.
"""

from __future__ import annotations

import dataclasses
import math

import altair as alt
import pandas as pd
import streamlit as st

from fmnist import jobs, model_card, recipes, registry
from fmnist.contract import ARCHS, CANVAS_KINDS, DEFAULT_ARCH, KINDS
from pages._shell import require_shell
from pages._state import TRAIN_PENDING
from pages._take_home import take_home_ui
from pages._ui import (SHIPPED, SHIPPED_CHOICES, SHIPPED_PLAIN, active_choice, active_model_key, active_model_path,
                       dataset, duration, job_manager, metric_text, model_name, model_registry, outage_safe,
                       set_active_model, tr)

require_shell()

SHIPPED_CHOICE = {arch: choice for choice, arch in SHIPPED_CHOICES.items()}  # "plain" -> "shipped-plain"
ARCH_KNOB = next(knob for knob in recipes.KNOBS if knob.name == "arch")


def _key(kind: str, name: str) -> str:
    return f"train_{kind}_{name}"


def _session_dict(name: str) -> dict:
    return st.session_state.setdefault(name, {})


# --- What is in use ---------------------------------------------------------------------------

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
        take_home_ui(path, metadata, _key(kind, f"shipped_{arch}"))
    choice = SHIPPED_CHOICE[arch]
    if active_choice(kind) != choice:
        st.button(tr("train.use_shipped"), key=_key(kind, "use_" + choice.replace("-", "_")),
                  on_click=set_active_model, args=(kind, choice))


# --- Asking for a training --------------------------------------------------------------------

def _arch(kind: str) -> str:
    """The network chosen for ``kind`` (the tile network until one is chosen; always for dense)."""
    return st.session_state.get(_key(kind, ARCH_KNOB.name), DEFAULT_ARCH) if kind in CANVAS_KINDS else DEFAULT_ARCH


def _page_knobs(kind: str) -> tuple[recipes.Knob, ...]:
    """The knobs of the recipe form: those of the network chosen, less the choice of network itself
    (asked above the form: it also picks the shipped model shown)."""
    return tuple(knob for knob in recipes.knobs_for(kind, on_page=True, arch=_arch(kind)) if knob.group != "model")


def _preset(kind: str) -> recipes.TrainConfig:
    return recipes.preset(kind, st.session_state.get(_key(kind, "preset"), "quick"), _arch(kind))


def _apply_preset(kind: str) -> None:
    preset = _preset(kind)
    for knob in _page_knobs(kind):
        st.session_state[_key(kind, knob.name)] = getattr(preset, knob.name)


def arch_ui(kind: str) -> str:
    """Which network, for a canvas model: the tile network or the notebook's plain CNN. It picks the
    shipped model shown and the recipe offered (choosing one fills in its preset)."""
    if kind not in CANVAS_KINDS:
        return DEFAULT_ARCH
    key = _key(kind, ARCH_KNOB.name)
    st.session_state.setdefault(key, DEFAULT_ARCH)
    names = {arch: tr(ARCH_KNOB.choice_key(arch)) for arch in ARCH_KNOB.choices}
    return st.radio(tr(ARCH_KNOB.text_key), ARCH_KNOB.choices, format_func=names.get, key=key,
                    help=tr(ARCH_KNOB.help_key), on_change=_apply_preset, args=(kind,))


def _number(value) -> str:
    return f"{value:g}"


def knob_ui(kind: str, knob: recipes.Knob, preset: recipes.TrainConfig) -> None:
    """The widget the knob's description asks for (``Knob.widget``), labelled and explained in the
    page's language; its value lives in the session state."""
    key, label, explained = _key(kind, knob.name), tr(knob.text_key), tr(knob.help_key)
    value = getattr(preset, knob.name)
    if knob.widget == "radio":
        names = {choice: tr(knob.choice_key(choice)) for choice in knob.choices}
        st.radio(label, knob.choices, format_func=names.get, key=key, help=explained)
    elif knob.widget == "select_slider":
        options = sorted(set(knob.choices) | {value})  # a preset's value is always on offer
        st.select_slider(label, options, format_func=_number, key=key, help=explained)
    elif knob.widget == "checkbox":
        st.checkbox(label, key=key, help=explained)
    else:
        low, high, step = knob.span
        widget = st.slider if knob.widget == "slider" else st.number_input
        widget(label, min(low, value), max(high, value), step=step, key=key, help=explained)


def config_ui(kind: str) -> recipes.TrainConfig:
    """Recipe and knobs, prefilled from the chosen preset; returns the config they describe.

    The knobs are those of :data:`fmnist.recipes.KNOBS` the page offers for this kind and the
    network chosen (:func:`arch_ui`): the training ones in two columns, the tile network's shape
    in an expander."""
    offered = recipes.offered_presets(kind, _arch(kind))
    st.session_state.setdefault(_key(kind, "preset"), "quick")
    if st.session_state[_key(kind, "preset")] not in offered:
        st.session_state[_key(kind, "preset")] = "full"  # "shipped", where it is Full (the plain CNN chosen)
    preset = _preset(kind)
    knobs = _page_knobs(kind)
    for knob in knobs:  # first visit, or the knobs were hidden (Streamlit forgets hidden widgets)
        st.session_state.setdefault(_key(kind, knob.name), getattr(preset, knob.name))

    presets = {name: tr(f"train.preset_{name}") for name in offered}
    if "shipped" not in offered:  # Full is the shipped model's recipe
        presets["full"] = tr("train.preset_full_shipped")
    st.radio(tr("train.preset"), tuple(presets), format_func=presets.get,
             key=_key(kind, "preset"), on_change=_apply_preset, args=(kind,), horizontal=True,
             help=tr("train.preset_help"))
    training_knobs = [knob for knob in knobs if knob.group == "training"]
    architecture = [knob for knob in knobs if knob.group == "architecture"]
    half = math.ceil(len(training_knobs) / 2)
    left, right = st.columns(2)
    with left:
        for knob in training_knobs[:half]:
            knob_ui(kind, knob, preset)
    with right:
        for knob in training_knobs[half:]:
            knob_ui(kind, knob, preset)
        if architecture:
            with st.expander(tr("train.architecture")):
                for knob in architecture:
                    knob_ui(kind, knob, preset)
    return dataclasses.replace(preset, **{knob.name: st.session_state[_key(kind, knob.name)] for knob in knobs})


def train_button_ui(kind: str, config: recipes.TrainConfig) -> None:
    if registry.is_shipped_recipe(config):  # minutes of two shared cores saved: the same model is on disk
        shipped = SHIPPED_CHOICE[config.arch]
        if active_choice(kind) == shipped:
            st.success(tr("train.shipped_recipe_in_use"), icon=":material/bolt:")
        else:
            st.success(tr("train.shipped_recipe"), icon=":material/bolt:")
            st.button(tr("train.use_shipped"), type="primary", key=_key(kind, "go_shipped"),
                      on_click=set_active_model, args=(kind, shipped))
        return
    stored = model_registry().lookup(config) is not None
    if stored and active_model_key(kind) == config.key():
        st.success(tr("train.cached_in_use"), icon=":material/bolt:")
        return
    if stored:
        st.success(tr("train.cached"), icon=":material/bolt:")
    if st.button(tr("train.load" if stored else "train.start"), type="primary", key=_key(kind, "go")):
        job = job_manager().request(config, dataset())
        _session_dict("train_jobs")[kind] = job.key  # the job this tab shows
        _session_dict(TRAIN_PENDING)[kind] = job.key  # in use once done (see settle_models)
        _session_dict("train_requested")[job.key] = True  # this session may cancel it
        st.rerun()


# --- Watching a training ----------------------------------------------------------------------

def progress_ui(job: jobs.Job) -> None:
    progress = job.progress
    if progress is None:
        st.progress(0.0, text=tr("train.preparing"))
    elif progress.stage in ("evaluate", "done"):
        st.progress(1.0, text=tr("train.evaluating"))
    else:
        st.progress(progress.fraction, text=tr("train.epoch_bar", epoch=progress.epoch, epochs=progress.epochs))
        st.progress(min(1.0, progress.batch / max(progress.batches, 1)),
                    text=tr("train.batch_bar", batch=progress.batch, batches=progress.batches))
        if progress.eta is not None:
            st.caption(tr("train.eta", left=duration(progress.eta), elapsed=duration(progress.elapsed)))


def curve_chart(frame: pd.DataFrame, title: str, epochs: int, splits: dict) -> alt.LayerChart:
    """Training as a line (running batch averages), validation as dots joined once per epoch."""
    base = alt.Chart(frame).encode(
        x=alt.X("epoch:Q", title=tr("train.epoch"), scale=alt.Scale(domain=[0, max(epochs, 1)])),
        y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=".2f")),
        color=alt.Color("split:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=[splits["train"], splits["validation"]], range=["#1f77b4", "#ff7f0e"])),
        tooltip=[alt.Tooltip("split:N", title=tr("train.tooltip_split")),
                 alt.Tooltip("epoch:Q", title=tr("train.epoch"), format=".2f"),
                 alt.Tooltip("value:Q", title=tr("train.tooltip_value"), format=".4f")],
    )
    points = base.transform_filter(alt.datum.split == splits["validation"]).mark_point(filled=True, size=90)
    return (base.mark_line() + points).properties(title=title, height=240)


def accuracy_title(config: recipes.TrainConfig) -> str:
    """What the accuracy curve of a training counts right: a picture, a quadrant, or a canvas."""
    if config.kind == "dense":
        return "train.curve_accuracy"
    if config.arch == "plain":
        return "train.curve_exact_canvas" if config.kind == "multi" else "train.curve_accuracy_canvas"
    return "train.curve_accuracy_tiles"


def curves_ui(job: jobs.Job) -> None:
    """Loss and accuracy for training (running batch averages) and validation (each epoch)."""
    rows = job.curves()
    if not rows:
        return
    frame = pd.DataFrame(rows)
    splits = {"train": tr("train.split_train"), "validation": tr("train.split_validation")}
    frame["split"] = frame["split"].map(splits)
    titles = {"loss": tr("train.curve_loss"), "accuracy": tr(accuracy_title(job.config))}
    for column, metric in zip(st.columns(2), ("loss", "accuracy")):
        chart = curve_chart(frame[frame["metric"] == metric], titles[metric], job.config.epochs, splits)
        column.altair_chart(chart, width="stretch")


#: Seconds between redraws of a running job's progress, and of its curves. Every redraw costs the
#: watching browsers and the server CPU the training would use: on 2 cores, with three tabs
#: watching, redrawing all of it every second left the training 1.3 cores; these leave it 1.6.
PROGRESS_EVERY, CURVES_EVERY = 2.0, 6.0


def job_panel_ui(kind: str, key: str, live: bool) -> None:
    """One job's state; a fragment that reruns every few seconds while the job is queued or running."""
    manager = job_manager()
    job = manager.get(key)
    if job is None:
        return
    if live and job.state not in jobs.ACTIVE:
        st.rerun()  # finished: the whole page and the sidebar catch up (settle_models)
    with st.container(border=True):
        st.markdown(f"**{tr('train.job_title', model_id=key)}**")
        if job.state == jobs.QUEUED:
            st.info(tr("train.queued", position=manager.position(key) or 1), icon="⏳")
        elif job.state == jobs.RUNNING:
            progress_ui(job)
        elif job.state == jobs.DONE:
            st.success(tr("train.done", time=duration((job.metadata or {}).get("wall_time_s")), model_id=key))
            metrics_ui(kind, job.metadata or {})
        elif job.state == jobs.CACHED:
            st.success(tr("train.cached_done", model_id=key), icon=":material/bolt:")
            metrics_ui(kind, job.metadata or {})
        elif job.state == jobs.FAILED:
            st.error(tr("train.failed", error=job.error))
        else:
            st.warning(tr("train.cancelled"))
        if job.cancelling:
            st.caption(tr("train.cancelling"))
        elif job.state in jobs.ACTIVE:
            st.button(tr("train.cancel"), key=_key(kind, "cancel"), on_click=outage_safe(manager.cancel), args=(key,))
        if not live:
            curves_ui(job)


def job_ui(kind: str) -> None:
    key = _session_dict("train_jobs").get(kind)
    job = job_manager().get(key) if key else None
    if job is None:
        return
    live = job.state in jobs.ACTIVE
    st.fragment(outage_safe(job_panel_ui), run_every=PROGRESS_EVERY if live else None)(kind, key, live)
    if live:  # the curves redraw less often than the progress: each redraw costs the browsers a chart
        st.fragment(outage_safe(live_curves_ui), run_every=CURVES_EVERY)(key)


def live_curves_ui(key: str) -> None:
    job = job_manager().get(key)
    if job is not None and job.state in jobs.ACTIVE:
        curves_ui(job)


def server_jobs_panel_ui(live: bool) -> None:
    """Every queued or running job on this server that the tabs above do not show, whoever asked for it."""
    manager = job_manager()
    active = manager.active()
    if live and not active:
        st.rerun()
    shown = set(_session_dict("train_jobs").values())
    others = [job for job in active if job.key not in shown]
    if not others:
        return
    st.subheader(tr("train.server_jobs"))
    mine = _session_dict("train_requested")
    for job in others:
        text, button = st.columns([6, 1], vertical_alignment="center")
        if job.state == jobs.RUNNING:
            percent = job.progress.fraction if job.progress else 0.0
            text.markdown(tr("train.server_running", model=model_name(job.kind), model_id=job.key, percent=percent))
        else:
            text.markdown(tr("train.server_waiting", model=model_name(job.kind), model_id=job.key,
                             position=manager.position(job.key) or 1))
        if job.key in mine and not job.cancelling:
            button.button(tr("train.cancel"), key=f"server_cancel_{job.key}", on_click=outage_safe(manager.cancel), args=(job.key,))


def interrupted_ui() -> None:
    """Trainings that were running or waiting when the server last stopped: failed, not running."""
    interrupted = job_manager().interrupted()
    if interrupted:
        st.subheader(tr("train.interrupted_title"))
        for job in interrupted:
            st.warning(tr("train.interrupted", model=model_name(job.kind), model_id=job.key), icon=":material/restart_alt:")


def server_jobs_ui() -> None:
    live = bool(job_manager().active())
    st.fragment(outage_safe(server_jobs_panel_ui), run_every=2.0 if live else None)(live)
    interrupted_ui()


# --- The stored models ------------------------------------------------------------------------

def _delete(key: str) -> None:
    model_registry().delete(key)
    for kind, shown in list(_session_dict("train_jobs").items()):
        if shown == key:
            del st.session_state["train_jobs"][kind]
    for kind in KINDS:
        if active_model_key(kind) == key:
            set_active_model(kind, SHIPPED)


def _summary(metadata: dict) -> str:
    recipe = model_card.recipe_summary(metadata)
    if recipe is None:
        return ""
    row = tr("train.stored_row", epochs=recipe["epochs"], train_size=recipe["train_size"],
             batch_size=recipe["batch_size"], learning_rate=_number(recipe["learning_rate"]), seed=recipe["seed"],
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


# --- The page ---------------------------------------------------------------------------------

def model_ui(kind: str, entries: list[registry.Entry]) -> None:
    st.caption(tr(f"model.about_{kind}"))
    active_ui(kind)
    sources = {source: tr(f"train.source_{source}") for source in ("shipped", "train")}
    source = st.radio(tr("train.source"), tuple(sources), format_func=sources.get,
                      key=_key(kind, "source"), horizontal=True)
    arch = arch_ui(kind)
    if source == "shipped":
        shipped_ui(kind, arch)
    else:
        train_button_ui(kind, config_ui(kind))
    job_ui(kind)
    if kind in CANVAS_KINDS:
        with st.expander(tr("train.compare_title"), expanded=source == "shipped"):
            architectures_ui(kind, entries)
    stored_ui(kind, entries)


st.title(tr("train.title"))
st.markdown(tr("train.intro"))
stored_models = model_registry().entries()
for tab, model_kind in zip(st.tabs([model_name(kind) for kind in KINDS]), KINDS):
    with tab:
        model_ui(model_kind, stored_models)
server_jobs_ui()
