"""Trained models on disk: the shipped ones in ``models/`` and the user's in a registry.

    save_model(model, metadata, "models/single.keras")   # writes single.keras + single.json
    save_model(model, metadata, path, answers)           # + single.answers.npz (fmnist.answer_files)
    shipped_path("single", "plain")                      # models/plain_single.keras
    model = load_model("models/single.keras")            # Keras safe_mode, custom layers known

    registry = Registry()                                # $FMNIST_REGISTRY or <repo>/registry
    registry.put(result)                                 # a TrainResult, stored under its config's key
    registry.get(config)                                 # (model, metadata), or None: train it

Every write is atomic: the file is written under a temporary name in the same folder
and renamed into place, so a reader sees the old file or the new one, never half of one;
a model's JSON never describes another model, even after a crash between the two renames.
Loading uses Keras ``safe_mode`` (no pickled code runs), and a missing, truncated or
corrupt file raises :class:`ModelError` naming the file; :meth:`Registry.entries` reports
such files instead of raising. Keras is imported only when a model is saved or loaded,
so reading metadata stays cheap.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import answer_files
from .contract import DEFAULT_ARCH, KINDS, file_stem
from .model_card import headline_metric  # noqa: F401  (the pages read a model's headline figure here)

REPO = Path(__file__).resolve().parent.parent
SHIPPED_DIR = REPO / "models"
REGISTRY_ENV = "FMNIST_REGISTRY"
KEY_PATTERN = re.compile(rf"^({'|'.join(KINDS)})-[0-9a-f]{{12}}$")  # TrainConfig.key(): kind and hash
_ARCHIVE_MEMBERS = ("config.json", "model.weights.h5")  # what every .keras archive holds


class ModelError(RuntimeError):
    """A model file is missing, truncated, corrupt or refused by safe_mode; the message names it."""


# --- One model file and its JSON -------------------------------------------------------------

def metadata_path(keras_path) -> Path:
    return Path(keras_path).with_suffix(".json")


@contextlib.contextmanager
def _written(path: Path, write):
    """Call ``write(temp_path)`` on a temporary file beside ``path`` and yield the temporary path,
    written and synced; it is removed on the way out unless it was renamed into place."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}")
    os.close(handle)
    try:
        write(temp)
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        # mkstemp makes 0600: others on a class server may read models (os.chmod by path: os.fchmod
        # is POSIX-only on Windows' Python before 3.13)
        os.chmod(temp, 0o644)
        yield temp
    finally:
        if os.path.exists(temp):
            os.remove(temp)


def _write_atomically(path: Path, write) -> None:
    """Call ``write(temp_path)`` on a temporary file beside ``path``, then rename it into place."""
    with _written(path, write) as temp:
        os.replace(temp, path)


def _write_text(text: str):
    def write(temp: str) -> None:
        with open(temp, "w", encoding="utf-8") as out:
            out.write(text)
    return write


def write_text_atomically(path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` under a temporary name beside it, then rename it into place."""
    _write_atomically(Path(path), _write_text(text))


def save_model(model, metadata: dict, keras_path, answers=None) -> None:
    """Write ``model`` to ``keras_path`` and ``metadata`` to the JSON beside it, each atomically;
    ``answers``, the model's TestPredictions on its whole test set, go beside them too
    (``fmnist.answer_files``: keyed by the new file's SHA-256, so a crash before they are written
    leaves answers that no longer match, and they are computed again when asked for).

    The metadata is serialised first, so a bad value fails before any file is touched; both
    files are written under temporary names before either is renamed, so a save that fails
    while writing leaves the previous files as they were. Two renames cannot be one, so the
    previous JSON is removed before the new model is renamed into place: a crash between the
    renames leaves a model without its JSON (reported as such, and a registry entry then
    trained again), never a model described by the JSON of the one it replaced.
    """
    path = Path(keras_path)
    if path.suffix != ".keras":
        raise ValueError(f"a model file must end in .keras, got {path.name}")
    text = json.dumps(metadata, indent=2, ensure_ascii=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _written(path, model.save) as model_temp, \
            _written(metadata_path(path), _write_text(text + "\n")) as metadata_temp:
        model_sha256 = answer_files.file_sha256(model_temp) if answers is not None else None
        metadata_path(path).unlink(missing_ok=True)
        os.replace(model_temp, path)
        os.replace(metadata_temp, metadata_path(path))
    if answers is not None and answer_files.is_full_set(answers):
        answer_files.write(path, answers, model_sha256)


def archive_problem(keras_path) -> str | None:
    """Why ``keras_path`` is not a readable Keras archive (cheap: no TensorFlow), or None."""
    path = Path(keras_path)
    if not path.is_file():
        return "file not found"
    try:
        with zipfile.ZipFile(path) as archive:
            missing = [name for name in _ARCHIVE_MEMBERS if name not in archive.namelist()]
    except (zipfile.BadZipFile, OSError) as exc:
        return f"not a Keras archive (truncated or corrupt): {exc}"
    if missing:
        return f"not a Keras archive: {', '.join(missing)} missing"
    return None


def load_model(keras_path):
    """The Keras model in ``keras_path``, loaded with ``safe_mode=True`` and not compiled."""
    path = Path(keras_path)
    problem = archive_problem(path)
    if problem:
        raise ModelError(f"{path}: {problem}")
    import keras

    from . import models  # noqa: F401  (registers the custom layers the canvas models use)

    try:
        return keras.saving.load_model(path, safe_mode=True, compile=False)
    except Exception as exc:  # Keras raises many kinds; the user needs the file and the reason
        raise ModelError(f"{path} could not be loaded: {exc}") from exc


def read_metadata(keras_path) -> dict | None:
    """The JSON beside ``keras_path`` as a dict; None if it is missing or unreadable."""
    try:
        with open(metadata_path(keras_path), encoding="utf-8") as source:
            metadata = json.load(source)
    except (OSError, ValueError):
        return None
    return metadata if isinstance(metadata, dict) else None


def shipped_path(kind: str, arch: str = DEFAULT_ARCH) -> Path:
    """``models/{kind}.keras``, the model the app uses until the user picks another; for the
    notebook's plain CNN (``arch="plain"``), ``models/plain_{kind}.keras``."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    return SHIPPED_DIR / f"{file_stem(kind, arch)}.keras"


def is_shipped_recipe(config) -> bool:
    """Whether ``config`` (a TrainConfig) is exactly the recipe the readable shipped model of its
    kind and architecture was trained with: then that model is the answer, and there is nothing
    to train."""
    path = shipped_path(config.kind, config.arch)
    metadata = read_metadata(path)
    return metadata is not None and metadata.get("key") == config.key() and archive_problem(path) is None


# --- The registry of trained models ----------------------------------------------------------

def default_root() -> Path:
    """$FMNIST_REGISTRY, else ``<repo>/registry``."""
    return Path(os.environ.get(REGISTRY_ENV) or REPO / "registry").expanduser()


@dataclass(frozen=True)
class Entry:
    """A stored model: its key, kind, file and metadata, or the error that makes it unusable."""

    key: str
    kind: str | None
    path: Path
    metadata: dict | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Registry:
    """Trained models stored as ``<root>/<config key>.keras`` with their JSON, one per config."""

    def __init__(self, root=None):
        self.root = Path(root) if root is not None else default_root()

    def path_for_key(self, key: str) -> Path:
        if not KEY_PATTERN.match(key):
            raise ValueError(f"not a model key: {key!r}")
        return self.root / f"{key}.keras"

    def path_for(self, config) -> Path:
        return self.path_for_key(config.key())

    def _entry(self, path: Path) -> Entry:
        key = path.stem
        kind = key.split("-")[0] if KEY_PATTERN.match(key) else None
        problem = archive_problem(path)
        metadata = read_metadata(path)
        if problem is None and metadata is None:
            exists = metadata_path(path).exists()
            problem = "metadata (JSON) unreadable" if exists else "metadata (JSON) missing"
        elif problem is None and metadata.get("key") != key:
            problem = f"metadata belongs to {metadata.get('key')!r}, not to this file"
        return Entry(key, kind, path, metadata, None if problem is None else f"{path.name}: {problem}")

    def lookup(self, config) -> Entry | None:
        """The stored, readable entry for exactly this config, or None."""
        path = self.path_for(config)
        if not path.exists():
            return None
        entry = self._entry(path)
        return entry if entry.ok else None

    def get(self, config):
        """(model, metadata) stored for exactly this config, or None if there is none loadable."""
        entry = self.lookup(config)
        if entry is None:
            return None
        try:
            return load_model(entry.path), entry.metadata
        except ModelError:
            return None

    def put(self, result) -> Path:
        """Store a TrainResult under its config's key (atomically); returns the .keras path."""
        path = self.path_for(result.config)
        save_model(result.model, result.metadata(), path, getattr(result, "test_predictions", None))
        return path

    def entries(self) -> list[Entry]:
        """Every stored model, newest first; unreadable ones carry an ``error`` instead of failing."""
        if not self.root.is_dir():
            return []
        paths = [path for path in self.root.glob("*.keras") if not path.name.startswith(".")]
        entries = [self._entry(path) for path in paths]
        return sorted(entries, key=lambda e: (e.metadata or {}).get("trained_at", ""), reverse=True)

    def delete(self, key: str) -> bool:
        """Remove a stored model, its JSON and its test answers; True if there was something to remove."""
        path = self.path_for_key(key)
        removed = False
        for file in (path, metadata_path(path), answer_files.answers_path(path)):
            try:
                file.unlink()
                removed = True
            except FileNotFoundError:
                pass
        return removed
