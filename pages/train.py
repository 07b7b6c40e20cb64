"""Train: use the shipped models, or train your own and watch the curves.

Ask (which model, which recipe), call (the server's job manager trains in a worker thread
and stores the result), show (progress, curves, test figures, the stored models). The model
chosen here is the one the prediction pages use in this session.
"""

from __future__ import annotations

import dataclasses

import altair as alt
import pandas as pd
import streamlit as st

from fmnist import jobs, registry, training
from pages._shell import require_shell
from pages._ui import (SHIPPED, active_model_key, active_model_path, dataset, duration, job_manager,
                       metric_text, model_name, model_registry, set_active_model, tr)

require_shell()

KINDS = training.KINDS
KNOBS = ("epochs", "batch_size", "learning_rate", "train_size", "seed", "width", "convs", "blocks", "tile_answer")
BATCH_SIZES = (16, 32, 64, 128, 256, 512)
LEARNING_RATES = (1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2)
WIDTHS = (8, 16, 32, 48, 64)
TRAIN_SIZES = (500, 55000, 500)  # smallest, largest, step
MAX_EPOCHS = 20


def _key(kind: str, name: str) -> str:
    return f"train_{kind}_{name}"


def _session_dict(name: str) -> dict:
    return st.session_state.setdefault(name, {})


# --- What is in use ---------------------------------------------------------------------------

def active_ui(kind: str) -> None:
    metadata = registry.read_metadata(active_model_path(kind))
    key = active_model_key(kind)
    if key == SHIPPED and not registry.shipped_path(kind).exists():
        path = registry.shipped_path(kind)
        st.warning(tr("train.active_missing", path=f"models/{path.name}", kind=kind), icon=":material/warning:")
    elif key == SHIPPED:
        st.info(tr("train.active_shipped", metric=metric_text(metadata)), icon=":material/check_circle:")
    else:
        st.info(tr("train.active_trained", model_id=key, metric=metric_text(metadata)), icon=":material/check_circle:")


def metrics_ui(kind: str, metadata: dict) -> None:
    """The test figures of a model's JSON, as big numbers (a figure that is not a number is left out)."""
    test = metadata.get("test") if isinstance(metadata.get("test"), dict) else {}
    figures = {name: value for name, value in test.items() if isinstance(value, (int, float))}
    if kind == "multi" and "exact_match" in figures:
        exact, f1, threshold = st.columns(3)
        exact.metric(tr("model.exact_match"), f"{figures['exact_match']:.1%}")
        if "micro_f1" in figures:
            f1.metric(tr("model.micro_f1"), f"{figures['micro_f1']:.1%}")
        if "threshold" in figures:
            threshold.metric(tr("model.threshold"), f"{figures['threshold']:g}")
        by_count = test.get("exact_match_by_count")
        if isinstance(by_count, dict) and all(isinstance(v, (int, float)) for v in by_count.values()):
            st.caption(tr("model.by_count", counts=" · ".join(f"{n}: {v:.1%}" for n, v in by_count.items())))
    elif "accuracy" in figures:
        st.metric(tr("model.accuracy"), f"{figures['accuracy']:.1%}")
    if isinstance(figures.get("test_images"), int):
        st.caption(tr("model.test_images", count=figures["test_images"]))


def shipped_ui(kind: str) -> None:
    path = registry.shipped_path(kind)
    if not path.exists():
        return  # active_ui has said so, and what to do
    problem = registry.archive_problem(path)
    if problem:
        st.error(tr("train.shipped_corrupt", error=problem))
        return
    metadata = registry.read_metadata(path)
    if metadata is None:
        st.warning(tr("train.shipped_no_json", path=f"models/{registry.metadata_path(path).name}"))
    else:
        metrics_ui(kind, metadata)
        config = metadata.get("config") or {}
        try:
            st.caption(tr("train.shipped_facts", epochs=metadata["epochs"], train_size=config["train_size"],
                          time=duration(metadata["wall_time_s"]), cpus=metadata["machine"]["cpus"],
                          params=metadata["params"]))
        except (KeyError, TypeError, ValueError):
            pass  # an older or hand-written JSON: the figures above are what matters
    if active_model_key(kind) != SHIPPED:
        st.button(tr("train.use_shipped"), key=_key(kind, "use_shipped"), on_click=set_active_model, args=(kind, SHIPPED))


# --- Asking for a training --------------------------------------------------------------------

def _apply_preset(kind: str) -> None:
    preset = training.PRESETS[kind][st.session_state[_key(kind, "preset")]]
    for name in KNOBS:
        st.session_state[_key(kind, name)] = getattr(preset, name)


def _options(choices: tuple, value) -> list:
    return sorted(set(choices) | {value})


def config_ui(kind: str) -> training.TrainConfig:
    """Recipe and knobs, prefilled from the chosen preset; returns the config they describe."""
    st.session_state.setdefault(_key(kind, "preset"), "quick")
    preset = training.PRESETS[kind][st.session_state[_key(kind, "preset")]]
    for name in KNOBS:  # first visit, or the knobs were hidden (Streamlit forgets hidden widgets)
        st.session_state.setdefault(_key(kind, name), getattr(preset, name))

    presets = {preset: tr(f"train.preset_{preset}") for preset in ("quick", "full")}
    st.radio(tr("train.preset"), tuple(presets), format_func=presets.get,
             key=_key(kind, "preset"), on_change=_apply_preset, args=(kind,), horizontal=True,
             help=tr("train.preset_help"))
    left, right = st.columns(2)
    with left:
        st.slider(tr("train.epochs"), 1, max(MAX_EPOCHS, preset.epochs), key=_key(kind, "epochs"),
                  help=tr("train.epochs_help"))
        st.select_slider(tr("train.batch_size"), _options(BATCH_SIZES, preset.batch_size),
                         key=_key(kind, "batch_size"), help=tr("train.batch_size_help"))
        st.select_slider(tr("train.learning_rate"), _options(LEARNING_RATES, preset.learning_rate),
                         format_func=lambda rate: f"{rate:g}", key=_key(kind, "learning_rate"),
                         help=tr("train.learning_rate_help"))
    with right:
        smallest, largest, step = TRAIN_SIZES
        st.slider(tr("train.train_size"), smallest, largest, step=step, key=_key(kind, "train_size"),
                  help=tr("train.train_size_help"))
        st.number_input(tr("train.seed"), 0, 99_999, step=1, key=_key(kind, "seed"), help=tr("train.seed_help"))
        if kind != "dense":
            with st.expander(tr("train.architecture")):
                st.select_slider(tr("train.width"), _options(WIDTHS, preset.width), key=_key(kind, "width"))
                st.slider(tr("train.blocks"), 1, 3, key=_key(kind, "blocks"), help=tr("train.blocks_help"))
                st.slider(tr("train.convs"), 1, 3, key=_key(kind, "convs"))
                if kind == "multi":
                    answers = {answer: tr(f"train.tile_answer_{answer}") for answer in ("softmax", "sigmoid")}
                    st.radio(tr("train.tile_answer"), tuple(answers), format_func=answers.get,
                             key=_key(kind, "tile_answer"), help=tr("train.tile_answer_help"))
    values = {name: st.session_state[_key(kind, name)] for name in KNOBS}
    return training.TrainConfig.from_dict({**dataclasses.asdict(preset), **values})


def _is_shipped_recipe(kind: str, config: training.TrainConfig) -> bool:
    metadata = registry.read_metadata(registry.shipped_path(kind))
    return (metadata is not None and metadata.get("key") == config.key()
            and registry.archive_problem(registry.shipped_path(kind)) is None)


def train_button_ui(kind: str, config: training.TrainConfig) -> None:
    if _is_shipped_recipe(kind, config):  # minutes of two shared cores saved: the same model is on disk
        if active_model_key(kind) == SHIPPED:
            st.success(tr("train.shipped_recipe_in_use"), icon=":material/bolt:")
        else:
            st.success(tr("train.shipped_recipe"), icon=":material/bolt:")
            st.button(tr("train.use_shipped"), type="primary", key=_key(kind, "go_shipped"),
                      on_click=set_active_model, args=(kind, SHIPPED))
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
        _session_dict("train_pending")[kind] = job.key  # in use once done (see settle_models)
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
        tooltip=["split:N", alt.Tooltip("epoch:Q", format=".2f"), alt.Tooltip("value:Q", format=".4f")],
    )
    points = base.transform_filter(alt.datum.split == splits["validation"]).mark_point(filled=True, size=90)
    return (base.mark_line() + points).properties(title=title, height=240)


def curves_ui(job: jobs.Job) -> None:
    """Loss and accuracy for training (running batch averages) and validation (each epoch)."""
    rows = job.curves()
    if not rows:
        return
    frame = pd.DataFrame(rows)
    splits = {"train": tr("train.split_train"), "validation": tr("train.split_validation")}
    frame["split"] = frame["split"].map(splits)
    titles = {"loss": tr("train.curve_loss"),
              "accuracy": tr("train.curve_accuracy" if job.kind == "dense" else "train.curve_accuracy_tiles")}
    for column, metric in zip(st.columns(2), ("loss", "accuracy")):
        chart = curve_chart(frame[frame["metric"] == metric], titles[metric], job.config.epochs, splits)
        column.altair_chart(chart, width="stretch")


def job_panel_ui(kind: str, key: str, live: bool) -> None:
    """One job's state; a fragment that reruns every second while the job is queued or running."""
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
            st.button(tr("train.cancel"), key=_key(kind, "cancel"), on_click=manager.cancel, args=(key,))
        curves_ui(job)


def job_ui(kind: str) -> None:
    key = _session_dict("train_jobs").get(kind)
    job = job_manager().get(key) if key else None
    if job is None:
        return
    live = job.state in jobs.ACTIVE
    st.fragment(job_panel_ui, run_every=1.0 if live else None)(kind, key, live)


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
            button.button(tr("train.cancel"), key=f"server_cancel_{job.key}", on_click=manager.cancel, args=(job.key,))


def server_jobs_ui() -> None:
    live = bool(job_manager().active())
    st.fragment(server_jobs_panel_ui, run_every=2.0 if live else None)(live)


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
    config = metadata.get("config") or {}
    try:
        row = tr("train.stored_row", epochs=metadata["epochs"], train_size=config["train_size"],
                 batch_size=config["batch_size"], learning_rate=f"{config['learning_rate']:g}",
                 seed=config["seed"], time=duration(metadata.get("wall_time_s")),
                 when=str(metadata.get("trained_at", ""))[:16].replace("T", " "))
    except (KeyError, TypeError, ValueError):
        return ""
    # multi models stored before tile answers were a choice (format 1 without the field) had sigmoid tiles
    if config.get("kind") == "multi" and config.get("tile_answer", "sigmoid") == "sigmoid":
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
    for entry in entries:
        if not entry.ok and (entry.kind == kind or (entry.kind is None and kind == KINDS[0])):
            broken, action = st.columns([8, 2], vertical_alignment="center")
            broken.warning(tr("train.corrupt", error=entry.error), icon=":material/warning:")
            if entry.kind is not None:
                action.button(tr("train.delete"), key=f"delete_{entry.key}", on_click=_delete, args=(entry.key,))


# --- The page ---------------------------------------------------------------------------------

def model_ui(kind: str, entries: list[registry.Entry]) -> None:
    st.caption(tr(f"model.about_{kind}"))
    active_ui(kind)
    sources = {source: tr(f"train.source_{source}") for source in ("shipped", "train")}
    source = st.radio(tr("train.source"), tuple(sources), format_func=sources.get,
                      key=_key(kind, "source"), horizontal=True)
    if source == "shipped":
        shipped_ui(kind)
    else:
        train_button_ui(kind, config_ui(kind))
    job_ui(kind)
    stored_ui(kind, entries)


st.title(tr("train.title"))
st.markdown(tr("train.intro"))
stored_models = model_registry().entries()
for tab, model_kind in zip(st.tabs([model_name(kind) for kind in KINDS]), KINDS):
    with tab:
        model_ui(model_kind, stored_models)
server_jobs_ui()
