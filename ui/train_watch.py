"""The Train page's view of trainings: a job's progress and live curves, every training on the
server, and those a stopped server interrupted. Each redraws itself in a fragment while it runs."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from fmnist import jobs, recipes
from ui import state
from ui.backends import job_manager, outage_safe
from ui.models import model_name
from ui.text import duration, tr
from ui.train_panels import metrics_ui
from ui.train_recipe import widget_key


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
            st.button(tr("train.cancel"), key=widget_key(kind, "cancel"), on_click=outage_safe(manager.cancel), args=(key,))
        if not live:
            curves_ui(job)


def job_ui(kind: str) -> None:
    key = state.mapping(state.TRAIN_JOBS).get(kind)
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
    shown = set(state.mapping(state.TRAIN_JOBS).values())
    others = [job for job in active if job.key not in shown]
    if not others:
        return
    st.subheader(tr("train.server_jobs"))
    mine = state.mapping(state.TRAIN_REQUESTED)
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
