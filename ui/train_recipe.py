"""The Train page's recipe form: which network, which recipe, each knob's widget (from
``fmnist.recipes``'s description of the knobs), and the button that asks for a training.
Widget values live in the session under ``train_<kind>_<knob>``."""

from __future__ import annotations

import dataclasses
import math

import streamlit as st

from fmnist import recipes, registry
from fmnist.contract import CANVAS_KINDS, DEFAULT_ARCH
from ui import state
from ui.backends import model_registry
from ui.models import SHIPPED_CHOICES, active_choice, active_model_key, set_active_model
from ui.text import tr

SHIPPED_CHOICE = {arch: choice for choice, arch in SHIPPED_CHOICES.items()}  # "plain" -> "shipped-plain"
ARCH_KNOB = next(knob for knob in recipes.KNOBS if knob.name == "arch")


def widget_key(kind: str, name: str) -> str:
    return f"train_{kind}_{name}"


def _arch(kind: str) -> str:
    """The network chosen for ``kind`` (the tile network until one is chosen; always for dense)."""
    return st.session_state.get(widget_key(kind, ARCH_KNOB.name), DEFAULT_ARCH) if kind in CANVAS_KINDS else DEFAULT_ARCH


def _page_knobs(kind: str) -> tuple[recipes.Knob, ...]:
    """The knobs of the recipe form: those of the network chosen, less the choice of network itself
    (asked above the form: it also picks the shipped model shown)."""
    return tuple(knob for knob in recipes.knobs_for(kind, on_page=True, arch=_arch(kind)) if knob.group != "model")


def _preset(kind: str) -> recipes.TrainConfig:
    return recipes.preset(kind, st.session_state.get(widget_key(kind, "preset"), "quick"), _arch(kind))


def _apply_preset(kind: str) -> None:
    preset = _preset(kind)
    for knob in _page_knobs(kind):
        state.put(widget_key(kind, knob.name), getattr(preset, knob.name))


def arch_ui(kind: str) -> str:
    """Which network, for a canvas model: the tile network or the notebook's plain CNN. It picks the
    shipped model shown and the recipe offered (choosing one fills in its preset)."""
    if kind not in CANVAS_KINDS:
        return DEFAULT_ARCH
    key = widget_key(kind, ARCH_KNOB.name)
    state.default(key, DEFAULT_ARCH)
    names = {arch: tr(ARCH_KNOB.choice_key(arch)) for arch in ARCH_KNOB.choices}
    return st.radio(tr(ARCH_KNOB.text_key), ARCH_KNOB.choices, format_func=names.get, key=key,
                    help=tr(ARCH_KNOB.help_key), on_change=_apply_preset, args=(kind,))


def knob_ui(kind: str, knob: recipes.Knob, preset: recipes.TrainConfig) -> None:
    """The widget the knob's description asks for (``Knob.widget``), labelled and explained in the
    page's language; its value lives in the session state."""
    key, label, explained = widget_key(kind, knob.name), tr(knob.text_key), tr(knob.help_key)
    value = getattr(preset, knob.name)
    if knob.widget == "radio":
        names = {choice: tr(knob.choice_key(choice)) for choice in knob.choices}
        st.radio(label, knob.choices, format_func=names.get, key=key, help=explained)
    elif knob.widget == "select_slider":
        options = sorted(set(knob.choices) | {value})  # a preset's value is always on offer
        st.select_slider(label, options, format_func=number, key=key, help=explained)
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
    state.default(widget_key(kind, "preset"), "quick")
    if st.session_state[widget_key(kind, "preset")] not in offered:
        state.put(widget_key(kind, "preset"), "full")  # "shipped", where it is Full (the plain CNN chosen)
    preset = _preset(kind)
    knobs = _page_knobs(kind)
    for knob in knobs:  # first visit, or the knobs were hidden (Streamlit forgets hidden widgets)
        state.default(widget_key(kind, knob.name), getattr(preset, knob.name))

    presets = {name: tr(f"train.preset_{name}") for name in offered}
    if "shipped" not in offered:  # Full is the shipped model's recipe
        presets["full"] = tr("train.preset_full_shipped")
    st.radio(tr("train.preset"), tuple(presets), format_func=presets.get,
             key=widget_key(kind, "preset"), on_change=_apply_preset, args=(kind,), horizontal=True,
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
    return dataclasses.replace(preset, **{knob.name: st.session_state[widget_key(kind, knob.name)] for knob in knobs})


def train_button_ui(kind: str, config: recipes.TrainConfig) -> bool:
    """What the page can do with ``config``: the shipped model or a stored one already is it (said,
    with a button to use it), or a Train (Load) button; True when that button was pressed."""
    if registry.is_shipped_recipe(config):  # minutes of two shared cores saved: the same model is on disk
        shipped = SHIPPED_CHOICE[config.arch]
        if active_choice(kind) == shipped:
            st.success(tr("train.shipped_recipe_in_use"), icon=":material/bolt:")
        else:
            st.success(tr("train.shipped_recipe"), icon=":material/bolt:")
            st.button(tr("train.use_shipped"), type="primary", key=widget_key(kind, "go_shipped"),
                      on_click=set_active_model, args=(kind, shipped))
        return
    stored = model_registry().lookup(config) is not None
    if stored and active_model_key(kind) == config.key():
        st.success(tr("train.cached_in_use"), icon=":material/bolt:")
        return
    if stored:
        st.success(tr("train.cached"), icon=":material/bolt:")
    return st.button(tr("train.load" if stored else "train.start"), type="primary", key=widget_key(kind, "go"))


def number(value) -> str:
    return f"{value:g}"
