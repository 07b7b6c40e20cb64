"""Training recipes: the knobs, the config they make up, and the presets.

    config = PRESETS["single"]["quick"]                      # a TrainConfig
    config = preset("single", "shipped")                     # the recipe of models/single.keras
    config = preset("single", "full", arch="plain")          # the notebook's plain CNN, its Full recipe
    config = dataclasses.replace(config, epochs=3)           # checked again: a bad value raises
    config.key()                                             # "single-…": names the model in the registry

Every knob is described once, in :data:`KNOBS`: the config field it sets, what it means (the
command line's ``--help``), the models it means something to, and what the Train page offers
for it. The command line builds its options from that list (``fmnist.cli``), the Train page its
widgets (``pages/train.py``), and :meth:`TrainConfig.relevant` leaves out the knobs a kind
ignores, so that they do not change its key. Nothing here imports Keras.

A canvas model is one of two architectures (the ``arch`` knob, ``fmnist.contract.ARCHS``):
``tiles``, the studio's tile network, and ``plain``, the original notebook's CNN over the whole
canvas. The tile network's knobs (width, blocks, ...) mean nothing to the plain CNN, and
``arch="tiles"`` is left out of the key: the tile models were stored before the choice existed,
and keep the keys they were found by.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass

from .contract import ARCHS, CANVAS_KINDS, DEFAULT_ARCH, KINDS, TILE_ANSWERS

FORMAT_VERSION = 1  # part of every key: a new format names every model anew
VALIDATION_SIZE = 5000  # training images held out for validation, the same for every config
MAX_TRAIN_SIZE = 60000 - VALIDATION_SIZE
MAX_BLOCKS = 4  # each conv block halves the tile: 28 -> 14 -> 7 -> 3 -> 1
NORMALISATIONS = ("scale", "raw")  # what the tutorial model trains on: x/255, or the stored 0-255
SLIDER_STOPS = 200  # a range with more stops than this is typed in, not slid


@dataclass(frozen=True)
class Knob:
    """One setting of a training recipe, as everyone who offers it needs to know it.

    ``choices`` are the values offered, in order (for a text knob, the only valid ones);
    ``span`` is (smallest, largest, step) of a range offered instead. The Train page labels a
    knob with the text ``train.<name>``, explains it with ``train.<name>_help`` and names a
    text choice with ``train.<name>_<choice>`` (``fmnist/i18n/train.py``).
    """

    name: str  # the TrainConfig field it sets
    type: type  # int, float, str or bool
    help: str  # what it means, in English: the command line's --help
    kinds: tuple[str, ...] = KINDS  # the models it means something to
    group: str = "training"  # "model" (which network), "training", or "architecture" (the tile network's shape)
    choices: tuple = ()
    span: tuple | None = None
    on_page: bool = True  # False: set by the presets, offered by the command line only
    archs: tuple[str, ...] = ARCHS  # the canvas architectures it means something to
    unkeyed: object = None  # a value left out of the key: the one every model had before the knob existed

    def applies_to(self, kind: str, arch: str | None = None) -> bool:
        """Whether the knob means something to ``kind`` (built as ``arch``; None: as either)."""
        return kind in self.kinds and (arch is None or kind not in CANVAS_KINDS or arch in self.archs)

    @property
    def option(self) -> str:
        """The command line's option: ``--batch-size`` for ``batch_size``."""
        return "--" + self.name.replace("_", "-")

    @property
    def text_key(self) -> str:
        return f"train.{self.name}"

    @property
    def help_key(self) -> str:
        return f"train.{self.name}_help"

    def choice_key(self, choice) -> str:
        return f"train.{self.name}_{choice}"

    @property
    def widget(self) -> str:
        """How to offer it: "radio" (a few named choices), "select_slider" (numbers to pick from),
        "slider" (a range with few enough stops to slide along), "number_input" (a range to type
        in), or "checkbox" (yes or no)."""
        if self.type is bool:
            return "checkbox"
        if self.type is str:
            return "radio"
        if self.choices:
            return "select_slider"
        low, high, step = self.span
        return "slider" if (high - low) / step <= SLIDER_STOPS else "number_input"


TILES_ONLY = ("tiles",)

KNOBS = (
    Knob("arch", str, "how a canvas model reads the canvas: 'tiles', one small network on each quadrant (the "
         "studio's), or 'plain', one CNN over the whole canvas (the original notebook's)", CANVAS_KINDS, "model",
         choices=ARCHS, unkeyed=DEFAULT_ARCH),
    Knob("epochs", int, "how many times the network sees the training garments", span=(1, 30, 1)),
    Knob("batch_size", int, "images per weight update", choices=(16, 32, 64, 128, 256, 512)),
    Knob("learning_rate", float, "step size of the Adam optimiser (canvas models: at the start of a cosine decay)",
         choices=(1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2)),
    Knob("train_size", int, f"garments drawn from the training split (at most {MAX_TRAIN_SIZE:,})",
         span=(500, MAX_TRAIN_SIZE, 500)),
    Knob("seed", int, "data order, composites and initial weights", span=(0, 99_999, 1)),
    Knob("hidden", int, "tutorial model: units of its hidden Dense layer", ("dense",), "architecture",
         choices=(16, 32, 64, 128, 256), unkeyed=128),
    Knob("normalise", str, "tutorial model: the pixels it trains on, 'scale' (x/255, the tutorial's) or 'raw' "
         "(0-255 as stored; the saved model still takes x/255 and multiplies it back)", ("dense",), "training",
         choices=NORMALISATIONS, unkeyed="scale"),
    Knob("width", int, "tile network: filters of the first conv block", CANVAS_KINDS, "architecture",
         choices=(8, 16, 32, 48, 64), archs=TILES_ONLY),
    Knob("blocks", int, f"tile network: conv blocks, each halving the tile (1-{MAX_BLOCKS})", CANVAS_KINDS,
         "architecture", span=(1, 3, 1), archs=TILES_ONLY),
    Knob("convs", int, "tile network: conv layers per block", CANVAS_KINDS, "architecture", span=(1, 3, 1),
         archs=TILES_ONLY),
    Knob("tile_answer", str, "what each quadrant's network answers: an 11-way softmax (ten garments or empty) "
         "or ten sigmoids (binary cross-entropy)", ("multi",), "architecture", choices=TILE_ANSWERS,
         archs=TILES_ONLY),
    Knob("empty_fraction", float, "empty tiles trained on per garment tile (0-1)", CANVAS_KINDS,
         span=(0.0, 1.0, 0.05), on_page=False, archs=TILES_ONLY),
    Knob("flip", bool, "mirror a random half of the garments (plain: of the canvases) left-right each epoch",
         CANVAS_KINDS, on_page=False),
    Knob("mirror_average", bool, "answer every tile as it is and mirrored left-right, and average the two answers "
         "(test-time averaging, saved inside the model: twice the compute of an answer; training is unchanged)",
         CANVAS_KINDS, "architecture", archs=TILES_ONLY, unkeyed=False),
)


def knobs_for(kind: str, on_page: bool | None = None, arch: str | None = None) -> tuple[Knob, ...]:
    """The knobs that mean something to ``kind`` (only those the page offers, with ``on_page=True``;
    only those of one architecture, with ``arch``)."""
    return tuple(knob for knob in KNOBS if knob.applies_to(kind, arch) and on_page in (None, knob.on_page))


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a trained model; its :meth:`key` names it in the registry.

    The fields are the knobs of :data:`KNOBS` (what each means is said there) and the kind.
    """

    kind: str
    arch: str = DEFAULT_ARCH
    epochs: int = 5
    batch_size: int = 256
    learning_rate: float = 2e-3
    train_size: int = 55000
    seed: int = 0
    width: int = 32
    convs: int = 1
    blocks: int = 3
    empty_fraction: float = 0.1
    flip: bool = True
    tile_answer: str = "softmax"
    mirror_average: bool = False
    hidden: int = 128
    normalise: str = "scale"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        if not 1 <= self.train_size <= MAX_TRAIN_SIZE:
            raise ValueError(f"train_size must be 1-{MAX_TRAIN_SIZE}, got {self.train_size}")
        if self.epochs < 1 or self.batch_size < 1 or self.learning_rate <= 0:
            raise ValueError("epochs, batch_size and learning_rate must be positive")
        if self.width < 1 or self.convs < 1 or not 1 <= self.blocks <= MAX_BLOCKS:
            raise ValueError(f"width and convs must be positive and blocks 1-{MAX_BLOCKS}")
        if not 0 <= self.empty_fraction <= 1:
            raise ValueError(f"empty_fraction must be 0-1, got {self.empty_fraction}")
        if self.tile_answer not in TILE_ANSWERS or (self.kind != "multi" and self.tile_answer != "softmax"):
            raise ValueError(f"tile_answer must be 'softmax' (or 'sigmoid' for multi), got {self.tile_answer!r}")
        if self.hidden < 1 or self.normalise not in NORMALISATIONS:
            raise ValueError(f"hidden must be positive and normalise one of {NORMALISATIONS}")
        if self.arch not in ARCHS or (self.arch != DEFAULT_ARCH and self.kind not in CANVAS_KINDS):
            raise ValueError(f"arch must be one of {ARCHS} (and 'tiles' for dense), got {self.arch!r}")

    @property
    def answers_with_sigmoids(self) -> bool:
        """Whether the network trained answers with ten sigmoids and binary cross-entropy: the
        plain multi CNN, and the multi tile network with ``tile_answer="sigmoid"``."""
        if self.arch == "plain":
            return self.kind == "multi"
        return self.tile_answer == "sigmoid"

    def relevant(self) -> dict:
        """The fields that matter for this kind and architecture (the tile network's knobs mean
        nothing to dense or to the plain CNN), less a knob's ``unkeyed`` value."""
        values = dataclasses.asdict(self)
        for knob in KNOBS:
            if not knob.applies_to(self.kind, self.arch) or values[knob.name] == knob.unkeyed:
                del values[knob.name]
        return values

    def key(self) -> str:
        text = json.dumps({"format": FORMAT_VERSION, **self.relevant()}, sort_keys=True)
        return f"{self.kind}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"

    @classmethod
    def from_dict(cls, values: dict) -> "TrainConfig":
        """A config from a dict such as a model's JSON ``config``; names that are not fields are ignored."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})


#: The shipped models are the "shipped" presets. "quick" trains in 10-20 s on 2 cores (9 s dense, 16-20 s canvas),
#: "full" within a quarter of an hour (the most a class waits for on the Train page). The tile
#: networks were shipped with twice Full's epochs and test-time mirror averaging (23 and 28
#: minutes on 2 cores; the README's figures); dense's shipped recipe is its Full.
PRESETS = {
    "dense": {
        "quick": TrainConfig("dense", epochs=1, batch_size=32, learning_rate=1e-3),
        "full": TrainConfig("dense", epochs=5, batch_size=32, learning_rate=1e-3),
    },
    "single": {
        "quick": TrainConfig("single", epochs=2, train_size=25000, width=16, blocks=2, batch_size=128),
        "full": TrainConfig("single", epochs=12, width=32, empty_fraction=0.05),
    },
    "multi": {
        "quick": TrainConfig("multi", epochs=2, train_size=25000, width=16, blocks=2, batch_size=128),
        "full": TrainConfig("multi", epochs=12, width=32, empty_fraction=0.05),
    },
}
PRESETS["dense"]["shipped"] = PRESETS["dense"]["full"]
for _kind in CANVAS_KINDS:
    PRESETS[_kind]["shipped"] = dataclasses.replace(PRESETS[_kind]["full"], epochs=24, mirror_average=True)
#: The notebook's plain CNN (``arch="plain"``, shipped as models/plain_single and plain_multi).
#: A whole canvas costs it about 2 ms to train on 2 busy cores (the tile network: about 1 ms a
#: garment), so Full sees 5 x 50,000 canvases: about 9 minutes, evaluation included.
PLAIN_PRESETS = {
    kind: {
        "quick": TrainConfig(kind, arch="plain", epochs=2, train_size=10000, batch_size=128, learning_rate=1e-3),
        "full": TrainConfig(kind, arch="plain", epochs=5, train_size=50000, batch_size=128, learning_rate=1e-3),
    }
    for kind in CANVAS_KINDS
}
for _kind in CANVAS_KINDS:
    PLAIN_PRESETS[_kind]["shipped"] = PLAIN_PRESETS[_kind]["full"]  # the plain pair was shipped from Full
PRESET_NAMES = ("quick", "full", "shipped")


def offered_presets(kind: str, arch: str = DEFAULT_ARCH) -> tuple[str, ...]:
    """The presets worth offering for ``kind`` built as ``arch``: "shipped" only where it is not
    "full" under another name (the tile networks)."""
    same = preset(kind, "shipped", arch) == preset(kind, "full", arch)
    return tuple(name for name in PRESET_NAMES if not (name == "shipped" and same))


def preset(kind: str, name: str, arch: str = DEFAULT_ARCH) -> TrainConfig:
    """The ``name`` preset ("quick", "full" or "shipped") of ``kind`` built as ``arch``."""
    return (PRESETS if arch == DEFAULT_ARCH else PLAIN_PRESETS)[kind][name]
