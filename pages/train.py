"""Train: use the shipped models, or train your own and watch the curves.

Ask (which model, which network, which recipe: ``ui.train_recipe``), call (the server's training
queue trains it and stores the result: ``ui.backends``), show (progress, curves and test figures:
``ui.train_watch``; the shipped and stored models, and for the canvas models the tile network
against the notebook's plain CNN: ``ui.train_panels``). The model chosen here is the one the
prediction pages use in this session.
"""

import streamlit as st

from fmnist.contract import CANVAS_KINDS, KINDS
from ui import state
from ui.backends import job_manager, model_registry
from ui.dataset import dataset
from ui.models import model_name
from ui.text import tr
from ui.train_panels import active_ui, architectures_ui, shipped_ui, stored_ui
from ui.train_recipe import arch_ui, config_ui, train_button_ui, widget_key
from ui.train_watch import job_ui, server_jobs_ui


def start_training(kind: str, config) -> None:
    job = job_manager().request(config, dataset())
    state.mapping(state.TRAIN_JOBS)[kind] = job.key  # the job this tab shows
    state.mapping(state.TRAIN_PENDING)[kind] = job.key  # in use once done (see ui.models.settle_models)
    state.mapping(state.TRAIN_REQUESTED)[job.key] = True  # this session may cancel it
    st.rerun()


def model_tab(kind: str, entries: list) -> None:
    st.caption(tr(f"model.about_{kind}"))
    active_ui(kind)
    sources = {source: tr(f"train.source_{source}") for source in ("shipped", "train")}
    source = st.radio(tr("train.source"), tuple(sources), format_func=sources.get,
                      key=widget_key(kind, "source"), horizontal=True)
    arch = arch_ui(kind)
    if source == "shipped":
        shipped_ui(kind, arch)
    else:
        config = config_ui(kind)
        if train_button_ui(kind, config):
            start_training(kind, config)
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
        model_tab(model_kind, stored_models)
server_jobs_ui()
