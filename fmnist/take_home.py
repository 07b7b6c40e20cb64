"""What a student takes home from a model: its files as one zip, and the notebook that rebuilds it.

    model_zip("models/dense.keras")             # bytes of a zip holding dense.keras and dense.json
    zip_name("models/dense.keras")              # "dense.zip"
    notebook_name("models/dense.keras", "ko")   # "dense-ko.ipynb"
    recipe_of(metadata)                         # the TrainConfig a model's JSON describes, or None

The notebook itself is :func:`fmnist.notebook.notebook_for`. The tutorial model and the plain
CNN are plain Keras layers and load with ``keras.saving.load_model`` anywhere; a tile network
needs the studio's custom layers (import ``fmnist.models`` first). The JSON beside the model
holds the recipe, the figures and the machine it was trained on.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .recipes import TrainConfig
from .registry import metadata_path


def model_zip(keras_path) -> bytes:
    """A zip of the model file and its JSON (when there is one), under their own names.

    The ``.keras`` file is stored as it is (it is a zip already); the JSON is compressed."""
    path = Path(keras_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(path, path.name, compress_type=zipfile.ZIP_STORED)
        card = metadata_path(path)
        if card.is_file():
            archive.write(card, card.name, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_name(keras_path) -> str:
    return f"{Path(keras_path).stem}.zip"


def notebook_name(keras_path, language: str) -> str:
    return f"{Path(keras_path).stem}-{language}.ipynb"


def recipe_of(metadata: dict | None) -> TrainConfig | None:
    """The config a model's JSON was trained with, or None when it says none (or an invalid one):
    without it there is no recipe for a notebook to follow."""
    config = metadata.get("config") if isinstance(metadata, dict) else None
    if not isinstance(config, dict):
        return None
    try:
        return TrainConfig.from_dict(config)
    except (TypeError, ValueError):
        return None
