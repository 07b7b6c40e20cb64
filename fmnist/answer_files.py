"""A model's answers to its test set, stored beside the model file, so nobody waits for them twice.

    test_predictions(path, "multi", load_data(), load_model=registry.load_model)  # stored, else computed and stored
    write("models/multi.keras", predictions)              # models/multi.answers.npz
    read("models/multi.keras", "multi", load_data())      # TestPredictions, or None: compute them

Every canvas model answering its 10,000 test composites takes about 8 s on 2 CPU cores (the
tutorial model's 10,000 test images 0.3 s), and the Predict page and the Lesson show figures
made of all of them. The answers are computed once, when a model is trained (``registry.save_model``
is given them) or by ``python -m fmnist answers`` for the shipped models, and a freshly started
server reads them in milliseconds.

``<stem>.answers.npz`` holds the probabilities (n, 10) as float32 (exactly what the model
answered: float16 moved two of plain_single's answers across a tie), the kind, and two SHA-256
digests: of the ``.keras`` file's bytes, and of the test pictures answered (the images and their
labels, as :func:`fmnist.evaluation.test_predictions` draws them). A file whose digests do not
match the model file and the pictures of today, that is cut short, corrupt or of another shape, is
stale: :func:`read` says None and :func:`test_predictions` answers again and replaces it.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

import numpy as np

from . import evaluation
from .data import NUM_CLASSES

SUFFIX = ".answers.npz"
TEST_SET_SIZE = 10_000  # test images, and test composites of each canvas kind
FORMAT = 1  # bumped when what the file holds changes: older files are then stale


def answers_path(keras_path) -> Path:
    """``models/single.keras`` -> ``models/single.answers.npz``."""
    path = Path(keras_path)
    return path.with_name(path.stem + SUFFIX)


def file_sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pictures_sha256(predictions: evaluation.TestPredictions) -> str:
    """Digest of what was answered: the kind, the pictures and their labels."""
    digest = hashlib.sha256(predictions.kind.encode())
    for array in (predictions.images, predictions.labels):
        array = np.ascontiguousarray(array)
        digest.update(f"{array.dtype.str}{array.shape}".encode())
        digest.update(array.data)
    return digest.hexdigest()


def _test_pictures(kind: str, dataset) -> evaluation.TestPredictions:
    """The full test set of ``kind`` as :func:`fmnist.evaluation.test_predictions` shows it, not yet answered."""
    _, (x_test, y_test) = dataset
    if kind == "dense":
        return evaluation.TestPredictions(kind, x_test, y_test, np.zeros((0, NUM_CLASSES), np.float32))
    canvases = evaluation.test_composites(kind, x_test, y_test)
    return evaluation.TestPredictions(kind, canvases.images, canvases.labels,
                                      np.zeros((0, NUM_CLASSES), np.float32), canvases.sources)


def is_full_set(predictions: evaluation.TestPredictions) -> bool:
    """Whether ``predictions`` answer a whole test set (10,000 pictures), not a test's few."""
    return len(predictions) == TEST_SET_SIZE


def write(keras_path, predictions: evaluation.TestPredictions, model_sha256: str | None = None) -> Path:
    """Store ``predictions`` beside ``keras_path`` (atomically: a temporary file renamed into place).

    ``model_sha256`` is the digest of the model file that answered (by default the file's digest
    now); :func:`fmnist.registry.save_model` gives the digest of the file it is about to rename
    into place."""
    target = answers_path(keras_path)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, probabilities=np.asarray(predictions.probabilities, dtype=np.float32),
                        kind=np.array(predictions.kind), format=np.array(FORMAT),
                        model_sha256=np.array(model_sha256 or file_sha256(keras_path)),
                        pictures_sha256=np.array(pictures_sha256(predictions)))
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(buffer.getvalue())
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.remove(temp)
    return target


def read(keras_path, kind: str, dataset) -> evaluation.TestPredictions | None:
    """The stored answers of exactly this model file on the test set of today, or None when there
    are none, or they are stale, cut short or corrupt (see the module docstring)."""
    path = answers_path(keras_path)
    try:
        with np.load(path, allow_pickle=False) as stored:
            fields = {name: stored[name] for name in
                      ("probabilities", "kind", "format", "model_sha256", "pictures_sha256")}
        model_sha256 = file_sha256(keras_path)
    except Exception:  # missing (OSError), not an npz, a field missing, a damaged archive (zipfile, zlib)
        return None
    pictures = _test_pictures(kind, dataset)
    probabilities = fields["probabilities"]
    if (str(fields["kind"]) != kind or int(fields["format"]) != FORMAT
            or str(fields["model_sha256"]) != model_sha256
            or str(fields["pictures_sha256"]) != pictures_sha256(pictures)
            or probabilities.dtype != np.float32 or probabilities.shape != (len(pictures), NUM_CLASSES)
            or not np.isfinite(probabilities).all()):
        return None
    return evaluation.TestPredictions(kind, pictures.images, pictures.labels, probabilities, pictures.sources)


def test_predictions(keras_path, kind: str, dataset, *, load_model) -> evaluation.TestPredictions:
    """The model's answers on its whole test set: read from beside the model file when they are
    there and belong to it, else computed (``load_model(path)``: :func:`fmnist.registry.load_model`,
    which raises ``ModelError`` for a broken file, or a page's cached load) and stored for next
    time. A folder that cannot be written to costs the stored file, not the answers. (The caller
    names the loader: the registry stores these files, so this module does not import it.)"""
    stored = read(keras_path, kind, dataset)
    if stored is not None:
        return stored
    before = file_sha256(keras_path)
    predictions = evaluation.test_predictions(load_model(keras_path), kind, dataset)
    if file_sha256(keras_path) == before:  # not replaced while it answered: the answers are this file's
        try:
            write(keras_path, predictions, before)
        except OSError:
            pass
    return predictions


test_predictions.__test__ = False  # not a pytest test, whatever its name
