"""Recipes: every knob described once, the keys that name trained models, the presets of the shipped models."""

import dataclasses
import json

import pytest

from fmnist import i18n, recipes, registry
from fmnist.contract import KINDS
from fmnist.recipes import KNOBS, PRESETS, TrainConfig

# The keys models were stored under before the recipes had a module of their own: a key that
# changes orphans every model in every registry, and the shipped ones are found by theirs.
KEYS = {
    ("dense", "quick"): "dense-c180c28f7338", ("dense", "full"): "dense-8172d5afe22f",
    ("single", "quick"): "single-b75401e4268f", ("single", "full"): "single-3b31c2314007",
    ("multi", "quick"): "multi-e4a75bce83a9", ("multi", "full"): "multi-1a90331b0c22",
    ("single", "shipped"): "single-6e23d492f2c2", ("multi", "shipped"): "multi-6cbc4e0496fc",
}


def test_every_field_of_a_config_but_its_kind_is_a_knob_described_once():
    fields = [field.name for field in dataclasses.fields(TrainConfig)]
    names = [knob.name for knob in KNOBS]
    assert sorted(names) == sorted(set(fields) - {"kind"})
    assert len(names) == len(set(names))
    for knob in KNOBS:
        assert isinstance(getattr(TrainConfig("multi"), knob.name), knob.type), knob.name
        assert set(knob.kinds) <= set(KINDS) and knob.group in ("model", "training", "architecture")


def test_keys_are_the_keys_models_were_stored_under():
    for (kind, preset), key in KEYS.items():
        assert PRESETS[kind][preset].key() == key
    sigmoid = dataclasses.replace(PRESETS["multi"]["quick"], tile_answer="sigmoid")
    assert sigmoid.key() != KEYS[("multi", "quick")]


@pytest.mark.parametrize("kind", KINDS)
def test_the_shipped_preset_is_the_recipe_of_the_shipped_model(kind):
    shipped = json.loads(registry.shipped_path(kind).with_suffix(".json").read_text())
    assert PRESETS[kind]["shipped"].key() == shipped["key"]
    assert PRESETS[kind]["shipped"].relevant() == shipped["config"]


def test_the_shipped_tile_networks_train_longer_than_full_and_average_with_the_mirror():
    assert PRESETS["dense"]["shipped"] == PRESETS["dense"]["full"]
    for kind in ("single", "multi"):
        full, shipped = PRESETS[kind]["full"], PRESETS[kind]["shipped"]
        assert shipped == dataclasses.replace(full, epochs=2 * full.epochs, mirror_average=True)
        assert recipes.offered_presets(kind) == ("quick", "full", "shipped")
        assert recipes.offered_presets(kind, "plain") == ("quick", "full")  # the plain pair: shipped from Full
    assert recipes.offered_presets("dense") == ("quick", "full")


def test_mirror_averaging_names_a_model_of_its_own_and_leaves_older_keys_alone():
    full = PRESETS["single"]["full"]
    assert "mirror_average" not in full.relevant()  # off: every model stored before the knob keeps its key
    averaged = dataclasses.replace(full, mirror_average=True)
    assert averaged.relevant()["mirror_average"] is True and averaged.key() != full.key()
    assert "mirror_average" not in TrainConfig("dense", mirror_average=True).relevant()
    plain = recipes.preset("single", "full", "plain")
    assert dataclasses.replace(plain, mirror_average=True).key() == plain.key()  # no tiles to mirror


def test_config_key_changes_with_the_recipe_but_not_with_irrelevant_knobs():
    base = TrainConfig("single", epochs=2)
    assert base.key() == TrainConfig("single", epochs=2).key()
    assert base.key() != TrainConfig("single", epochs=3).key()
    assert base.key() != TrainConfig("single", epochs=2, seed=1).key()
    assert TrainConfig("dense", width=8).key() == TrainConfig("dense", width=64).key()
    assert TrainConfig("dense", flip=False).key() == TrainConfig("dense").key()
    assert "tile_answer" not in TrainConfig("single").relevant()
    assert set(TrainConfig("dense").relevant()) == {"kind", "epochs", "batch_size", "learning_rate", "train_size",
                                                    "seed"}


@pytest.mark.parametrize("changes", [dict(train_size=70000), dict(train_size=0), dict(epochs=0),
                                     dict(learning_rate=0), dict(tile_answer="sigmoid"), dict(blocks=5),
                                     dict(width=0), dict(empty_fraction=1.5), dict(empty_fraction=-0.1)])
def test_a_config_outside_its_limits_is_refused(changes):
    with pytest.raises(ValueError):
        TrainConfig("single", **changes)


def test_a_config_of_no_known_kind_is_refused():
    with pytest.raises(ValueError):
        TrainConfig("triple")


def test_each_knob_asks_for_the_widget_its_description_fits():
    widgets = {knob.name: knob.widget for knob in KNOBS}
    assert widgets == {"arch": "radio", "epochs": "slider", "batch_size": "select_slider", "learning_rate": "select_slider",
                       "train_size": "slider", "seed": "number_input", "width": "select_slider",
                       "blocks": "slider", "convs": "slider", "tile_answer": "radio",
                       "empty_fraction": "slider", "flip": "checkbox", "mirror_average": "checkbox",
                       "hidden": "select_slider", "normalise": "radio"}


def test_the_presets_are_on_offer_on_the_page():
    for kind in KINDS:
        for preset in PRESETS[kind].values():
            for knob in recipes.knobs_for(kind, on_page=True):
                value = getattr(preset, knob.name)
                if knob.type is bool:
                    assert isinstance(value, bool), (kind, knob.name)
                elif knob.choices:
                    assert value in knob.choices, (kind, knob.name)
                else:
                    low, high, step = knob.span
                    assert low <= value <= high and (value - low) % step == 0, (kind, knob.name)


def test_every_knob_on_the_page_has_its_words_in_both_languages():
    for knob in KNOBS:
        if knob.on_page:
            keys = [knob.text_key, knob.help_key] + [knob.choice_key(c) for c in knob.choices if knob.type is str]
            for key in keys:
                english, korean = i18n.TEXT[key]
                assert english and korean, key


def test_the_knobs_a_kind_is_offered():
    assert [k.name for k in recipes.knobs_for("dense", on_page=True)] == [
        "epochs", "batch_size", "learning_rate", "train_size", "seed", "hidden", "normalise"]
    assert "tile_answer" not in [k.name for k in recipes.knobs_for("single")]
    assert [k.name for k in recipes.knobs_for("multi", on_page=False)] == ["empty_fraction", "flip"]


def test_the_tutorial_models_new_knobs_keep_every_stored_key():
    base = TrainConfig("dense", epochs=5, batch_size=32, learning_rate=1e-3)
    assert "hidden" not in base.relevant() and "normalise" not in base.relevant()
    assert TrainConfig("dense", hidden=64).key() != TrainConfig("dense").key()
    assert TrainConfig("dense", normalise="raw").key() != TrainConfig("dense").key()
    assert TrainConfig("single", hidden=64).key() == TrainConfig("single").key()  # means nothing to a canvas model
    with pytest.raises(ValueError):
        TrainConfig("dense", normalise="min-max")
