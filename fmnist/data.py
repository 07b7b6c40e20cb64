"""Fashion-MNIST: loading, verifying, normalising and describing the data.

Both seed notebooks start with ``keras.datasets.fashion_mnist.load_data()``;
:func:`load_data` returns the same arrays but looks on disk first, so the app
works without internet (the Debian package ``dataset-fashion-mnist``).

Label  Description      (한국어)
=====  ===============  ========
0      T-shirt/top      티셔츠/탑
1      Trouser          바지
2      Pullover         스웨터
3      Dress            드레스
4      Coat             코트
5      Sandal           샌들
6      Shirt            셔츠
7      Sneaker          스니커즈
8      Bag              가방
9      Ankle boot       앵클부츠
"""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

NUM_CLASSES = 10
IMAGE_SIZE = 28

CLASS_NAMES = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)
CLASS_NAMES_KO = (
    "티셔츠/탑", "바지", "스웨터", "드레스", "코트",
    "샌들", "셔츠", "스니커즈", "가방", "앵클부츠",
)

#: Environment variable naming a folder that holds the four archives.
DATA_DIR_ENV = "FMNIST_DATA_DIR"
#: Set to 1 to forbid the Keras download fallback (tests, offline servers).
NO_DOWNLOAD_ENV = "FMNIST_NO_DOWNLOAD"
#: Set to 1 to leave Debian's folder out of the search: the machine is searched as a laptop
#: without apt would be (the test of that path sets it).
NO_SYSTEM_DATA_ENV = "FMNIST_NO_SYSTEM_DATA"
DEBIAN_DIR = Path("/usr/share/datasets/fashion-mnist")

#: SHA-256 of the *decompressed* archives (Debian re-compressed the .gz files).
FILES = {
    "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
}

HOW_TO_GET = (
    "Get the data with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), "
    "or run `python -c \"import keras; keras.datasets.fashion_mnist.load_data()\"` once "
    "with internet, or put the four archives in a folder named by $" + DATA_DIR_ENV + "."
)


class DataError(RuntimeError):
    """The dataset is missing, truncated or altered; the message says which file and what to do."""


def candidate_dirs() -> list[Path]:
    """Folders searched, in order: $FMNIST_DATA_DIR, Debian's folder (unless
    $FMNIST_NO_SYSTEM_DATA is set), the Keras cache."""
    dirs = []
    if os.environ.get(DATA_DIR_ENV):
        dirs.append(Path(os.environ[DATA_DIR_ENV]).expanduser())
    if os.environ.get(NO_SYSTEM_DATA_ENV, "") in ("", "0"):
        dirs.append(DEBIAN_DIR)
    keras_home = Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")).expanduser()
    dirs.append(keras_home / "datasets" / "fashion-mnist")
    return dirs


def _archive(folder: Path, name: str) -> Path | None:
    for candidate in (folder / f"{name}.gz", folder / name):
        if candidate.is_file():
            return candidate
    return None


def _read_verified(path: Path, name: str) -> bytes:
    try:
        raw = path.read_bytes()
        data = gzip.decompress(raw) if path.suffix == ".gz" else raw
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DataError(f"Cannot read {path}: {exc}. The file is truncated or not a gzip archive. {HOW_TO_GET}") from exc
    digest = hashlib.sha256(data).hexdigest()
    if digest != FILES[name]:
        raise DataError(
            f"{path} does not hold the Fashion-MNIST file {name}: its SHA-256 is {digest}, "
            f"expected {FILES[name]}. The file is truncated or altered. {HOW_TO_GET}"
        )
    return data


def _parse(data: bytes, name: str) -> np.ndarray:
    header = 16 if "images" in name else 8
    array = np.frombuffer(data, dtype=np.uint8, offset=header)
    return array.reshape(-1, IMAGE_SIZE, IMAGE_SIZE) if "images" in name else array


def load_from_dir(folder: Path):
    """Load and verify the four archives from one folder (``.gz`` or decompressed)."""
    folder = Path(folder)
    arrays = {}
    for name in FILES:
        path = _archive(folder, name)
        if path is None:
            raise DataError(f"{folder / (name + '.gz')} is missing. {HOW_TO_GET}")
        arrays[name] = _parse(_read_verified(path, name), name)
    return (
        (arrays["train-images-idx3-ubyte"], arrays["train-labels-idx1-ubyte"]),
        (arrays["t10k-images-idx3-ubyte"], arrays["t10k-labels-idx1-ubyte"]),
    )


def find_data_dir() -> Path | None:
    """The first candidate folder that holds any of the four archives, or None."""
    for folder in candidate_dirs():
        if any(_archive(folder, name) for name in FILES):
            return folder
    return None


def load_data(allow_download: bool | None = None):
    """Load Fashion-MNIST like ``keras.datasets.fashion_mnist.load_data()``.

    Returns ``(x_train, y_train), (x_test, y_test)``: uint8 arrays of shapes
    (60000, 28, 28), (60000,), (10000, 28, 28), (10000,). Pixels are 0-255,
    labels 0-9 in the order of :data:`CLASS_NAMES`.

    Looks in $FMNIST_DATA_DIR, then Debian's ``/usr/share/datasets/fashion-mnist``,
    then the Keras cache; the first folder holding any archive must hold all four
    with the right SHA-256, else :class:`DataError` names the file. Only when no
    folder has them does it fall back to the Keras download (unless
    ``allow_download`` is False or $FMNIST_NO_DOWNLOAD is set).
    """
    folder = find_data_dir()
    if folder is not None:
        return load_from_dir(folder)
    if allow_download is None:
        allow_download = os.environ.get(NO_DOWNLOAD_ENV, "") in ("", "0")
    searched = ", ".join(str(d) for d in candidate_dirs())
    if not allow_download:
        raise DataError(f"Fashion-MNIST was not found (searched {searched}). {HOW_TO_GET}")
    try:
        import keras

        keras.datasets.fashion_mnist.load_data()
    except Exception as exc:  # no internet, proxy, disk full: all end in the same advice
        raise DataError(f"Fashion-MNIST was not found (searched {searched}) and the download failed: {exc}. {HOW_TO_GET}") from exc
    return load_from_dir(candidate_dirs()[-1])


# --- Normalisation (seed 000 shows both; the tutorial uses x/255) ---------------------------

def scale_255(images: np.ndarray) -> np.ndarray:
    """Pixels/255 as float32: the model contract's input scaling (the tutorial's step 4.2)."""
    return np.asarray(images, dtype=np.float32) / np.float32(255.0)


def min_max(images: np.ndarray, per_image: bool = False) -> np.ndarray:
    """(x - min) / (max - min) as float32 (seed 000's ``norm``), over all pixels or per image."""
    x = np.asarray(images, dtype=np.float32)
    axes = tuple(range(1, x.ndim)) if per_image and x.ndim > 2 else None
    lo = x.min(axis=axes, keepdims=axes is not None)
    hi = x.max(axis=axes, keepdims=axes is not None)
    span = np.where(hi > lo, hi - lo, np.float32(1.0))
    return (x - lo) / span


# --- Facts and selections -------------------------------------------------------------------

@dataclass(frozen=True)
class Facts:
    """What the seeds print about one split."""

    shape: tuple
    count: int
    counts_per_class: tuple
    pixel_min: int
    pixel_max: int
    brightest: int  # index of the largest pixel sum (seed 000's argmax)
    darkest: int  # index of the smallest pixel sum (seed 000's argmin)


def facts(images: np.ndarray, labels: np.ndarray) -> Facts:
    sums = images.reshape(len(images), -1).sum(axis=1, dtype=np.int64)
    return Facts(
        shape=tuple(images.shape),
        count=len(images),
        counts_per_class=tuple(int(c) for c in np.bincount(labels, minlength=NUM_CLASSES)),
        pixel_min=int(images.min()),
        pixel_max=int(images.max()),
        brightest=int(sums.argmax()),
        darkest=int(sums.argmin()),
    )


def indices_of_class(labels: np.ndarray, label: int, count: int, start: int = 0,
                     rng: np.random.Generator | None = None) -> np.ndarray:
    """Indices of ``count`` images of one class (seed 000's ``filter(label, count)``).

    In dataset order from ``start``, or a random sample when ``rng`` is given.
    """
    idx = np.flatnonzero(labels == label)
    if rng is not None:
        return np.sort(rng.choice(idx, size=min(count, len(idx)), replace=False))
    return idx[start:start + count]


def mean_images(images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The mean image of each class, float32 (10, 28, 28) in 0-255."""
    return np.stack([images[labels == c].mean(axis=0, dtype=np.float64) for c in range(NUM_CLASSES)]).astype(np.float32)


def pixel_stats(image: np.ndarray) -> dict[str, float]:
    """Minimum, maximum, mean, standard deviation and sum of one image's pixels, and the share
    of pixels that are not background (non-zero): what the Browse page shows beside an image."""
    x = np.asarray(image)
    return {
        "min": int(x.min()), "max": int(x.max()),
        "mean": float(x.mean(dtype=np.float64)), "std": float(x.std(dtype=np.float64)),
        "sum": int(x.sum(dtype=np.int64)), "nonzero": float(np.count_nonzero(x) / x.size),
    }


def sprite_indices(labels: np.ndarray, per_class: int, rng: np.random.Generator | None = None) -> np.ndarray:
    """(10, per_class) indices: a row of ``per_class`` images for every class, in label order.

    Seed 000's ``filter(label, count)`` for all ten classes at once: the first images of each
    class, or a random sample of each when ``rng`` is given.
    """
    rows = [indices_of_class(labels, label, per_class, rng=rng) for label in range(NUM_CLASSES)]
    if min(len(row) for row in rows) < per_class:
        raise ValueError(f"some class has fewer than {per_class} images")
    return np.stack(rows)


def image_peaks(images: np.ndarray) -> np.ndarray:
    """The brightest pixel of each image: (n,) uint8. Every Fashion-MNIST image reaches 254 or
    255, which is why per-image min-max and x/255 give almost the same numbers here."""
    return np.asarray(images).reshape(len(images), -1).max(axis=1)


# --- Pictures unlike the dataset's (the Lesson asks the models about them) -------------------

OUTLINE_LEVEL = 40  # a pixel brighter than this is part of the garment


def outlines(images: np.ndarray, level: int = OUTLINE_LEVEL) -> np.ndarray:
    """Each garment redrawn as its outline: uint8 (n, 28, 28), 255 on the garment's edge (a garment
    pixel with a background pixel above, below, left or right of it), 0 elsewhere. Thin lines and
    no texture, like a drawing of the garment."""
    garment = np.asarray(images) > level
    padded = np.pad(garment, ((0, 0), (1, 1), (1, 1)))
    inside = (padded[:, :-2, 1:-1] & padded[:, 2:, 1:-1] & padded[:, 1:-1, :-2] & padded[:, 1:-1, 2:])
    return np.where(garment & ~inside, np.uint8(255), np.uint8(0))


def dimmed(image: np.ndarray, low: int = 60, high: int = 160) -> np.ndarray:
    """A picture as a dim, grey photo would show it: its 0-255 pixels squeezed into ``low``-``high``
    (uint8), so its darkest pixel is not 0 and its brightest not 255."""
    x = np.asarray(image, dtype=np.float32)
    return np.round(low + x * (high - low) / 255.0).astype(np.uint8)
