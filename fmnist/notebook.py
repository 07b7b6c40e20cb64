"""Take it home: a Jupyter notebook that rebuilds a studio model from scratch.

    nb = notebook_for(preset("dense", "quick"), "ko")                   # an nbformat v4 NotebookNode
    nb = notebook_for(json.load(open("models/single.json")), "en")      # from a model's JSON
    notebook_bytes(config, "en", data_dir="/usr/share/datasets/fashion-mnist")   # the .ipynb file

The notebook imports Keras, NumPy and Matplotlib, never ``fmnist``: a student runs it at home
and reads every step. It loads the data with ``keras.datasets.fashion_mnist.load_data()``, or
from a folder of the four original idx archives (``data_dir``, or ``$FMNIST_DATA_DIR`` when it
runs) through a small idx reader of its own; holds out the studio's 5,000 validation images
(:data:`fmnist.training.SPLIT_SEED`) and draws ``train_size`` training images with the recipe's
seed; builds the same network (``fmnist.models``); trains it with the same loss, optimiser,
learning-rate schedule, batch size and epochs (``fmnist.training._compile``); and measures it on
the same test set: the 10,000 test images, or the test canvases the studio draws with
:data:`fmnist.evaluation.EVAL_SEED` (multi: exact match and micro-F1 at a threshold chosen on
the validation canvases, as the studio chooses it). It ends with the tutorial's ``plot_image``
and ``plot_value_array`` on a 5x3 grid.

How close it lands (measured by ``tests/test_notebook.py`` and stated in :data:`TOLERANCE`):

* dense: the same steps in the same order with the same seeds, so Keras starts from the same
  weights and sees the same batches; the test accuracy is the studio's to float rounding.
* the canvas models: the same network and recipe, and the plain CNN's training canvases are the
  studio's own draws; but the notebook draws a tile network's training tiles with plain NumPy
  (every garment, a share of empty tiles, shuffled) where the studio streams them through
  ``tf.data`` from its own draws, so the weights differ. The test figure lands within
  ``TOLERANCE["canvas"]`` of the studio's on a small budget.

The explanations are ``notebook.*`` texts of ``fmnist/i18n/notebook.py`` in English or Korean;
the code cells are the same in both languages.
"""

from __future__ import annotations

import nbformat
from nbformat import v4

from . import i18n
from .contract import CANVAS_KINDS, DEFAULT_ARCH
from .data import CLASS_NAMES, DATA_DIR_ENV, FILES
from .evaluation import EVAL_SEED, THRESHOLD_GRID
from .recipes import VALIDATION_SIZE, TrainConfig
from .training import SPLIT_SEED

#: How far the notebook's test figure may land from the studio's for the same config, in
#: points of accuracy (dense, single) or exact match (multi). Measured on 2 CPU cores by
#: bench/bench_notebook.py with tests/test_notebook.py's budgets, seeds 0-4: dense (1 epoch on
#: 3,000 images) 0.00 points every time; the single tile network (1 epoch on 4,000 garments,
#: width 8, batches of 32) at most 1.2 points (2.3 on 2,000 garments).
TOLERANCE = {"dense": 0.1, "canvas": 3.0}


def tolerance_points(kind: str) -> float:
    return TOLERANCE["dense" if kind == "dense" else "canvas"]


# --- The code cells ----------------------------------------------------------------------------

SETUP = '''\
import gzip
import hashlib
import os
import struct

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers

print("Keras", keras.__version__, "on", keras.backend.backend())'''


def _data_cell(data_dir: str | None) -> str:
    hashes = "\n".join(f'    "{name}": "{digest}",' for name, digest in FILES.items())
    default = "" if data_dir is None else f", {str(data_dir)!r}"
    return f'''\
DATA_DIR = os.environ.get("{DATA_DIR_ENV}"{default})  # a folder with the four archives, or None: download

# SHA-256 of the decompressed archives: a truncated or altered file is refused, not trained on
ARCHIVES = {{
{hashes}
}}


def read_idx(folder, name):
    """One idx archive of the folder (name.gz or name): images (n, 28, 28) or labels (n,), uint8."""
    for path in (os.path.join(folder, name + ".gz"), os.path.join(folder, name)):
        if os.path.isfile(path):
            break
    else:
        raise FileNotFoundError(f"{{name}}.gz is not in {{folder}}")
    with open(path, "rb") as file:
        data = file.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    if hashlib.sha256(data).hexdigest() != ARCHIVES[name]:
        raise ValueError(f"{{path}} is not the Fashion-MNIST file {{name}}: truncated or altered")
    magic, count = struct.unpack(">II", data[:8])  # big-endian header: a magic number, then sizes
    if magic == 2051:  # images: count, rows, columns, then one byte a pixel
        rows, columns = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, np.uint8, offset=16).reshape(count, rows, columns)
    return np.frombuffer(data, np.uint8, offset=8)  # labels (magic 2049): one byte each


if DATA_DIR:
    x_train, y_train = read_idx(DATA_DIR, "train-images-idx3-ubyte"), read_idx(DATA_DIR, "train-labels-idx1-ubyte")
    x_test, y_test = read_idx(DATA_DIR, "t10k-images-idx3-ubyte"), read_idx(DATA_DIR, "t10k-labels-idx1-ubyte")
else:
    (x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()

CLASS_NAMES = {list(CLASS_NAMES)!r}
print("training:", x_train.shape, y_train.shape, " test:", x_test.shape, y_test.shape)'''


LOOK = '''\
plt.figure(figsize=(10, 10))
for i in range(25):
    plt.subplot(5, 5, i + 1)
    plt.xticks([])
    plt.yticks([])
    plt.grid(False)
    plt.imshow(x_train[i], cmap=plt.cm.binary)
    plt.xlabel(CLASS_NAMES[y_train[i]])
plt.show()'''

SPLIT = '''\
order = np.random.default_rng(SPLIT_SEED).permutation(len(y_train))
pool, held_out = order[:-VALIDATION_SIZE], order[-VALIDATION_SIZE:]
pool = np.random.default_rng(SEED).permutation(pool)[:TRAIN_SIZE]  # the training images of this recipe
x_pool, y_pool = x_train[pool], y_train[pool]
x_val, y_val = x_train[held_out], y_train[held_out]
print(len(x_pool), "training images,", len(x_val), "validation images")'''

DENSE_NORMALISE = {
    "scale": '''\
def normalise(images):
    """Pixels 0-255 -> 0-1 (the tutorial's x/255)."""
    return images.astype("float32") / 255''',
    "raw": '''\
def normalise(images):
    """No normalisation: the network sees the stored pixels, 0-255."""
    return images.astype("float32")''',
}

DENSE_MODEL = '''\
keras.utils.set_random_seed(SEED)  # the first weights and the order of the batches

model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    layers.Flatten(),
    layers.Dense(HIDDEN, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()'''

DENSE_TRAIN = '''\
history = model.fit(normalise(x_pool), y_pool, batch_size=BATCH_SIZE, epochs=EPOCHS,
                    validation_data=(normalise(x_val), y_val), verbose=2)'''

DENSE_TEST = '''\
test_images, test_labels = x_test, y_test


def model_answers(images):
    """The model's ten probabilities for each image."""
    return model.predict(normalise(images), batch_size=500, verbose=0)'''

COMPOSE = '''\
EMPTY = -1  # the garment index of an empty quadrant


def compose(images, sources):
    """56x56 canvases from (n, 4) indices into images, one per quadrant (-1: empty).
    Quadrants: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right."""
    canvases = np.zeros((len(sources), 56, 56), dtype=np.uint8)
    for quadrant in range(4):
        row, column = divmod(quadrant, 2)
        filled = sources[:, quadrant] != EMPTY
        canvases[filled, 28 * row:28 * row + 28, 28 * column:28 * column + 28] = images[sources[filled, quadrant]]
    return canvases'''

SOURCES = {
    "single": '''

def one_garment_sources(count, rng):
    """Image i alone on canvas i, in a random quadrant (the original notebook's expand_4times)."""
    sources = np.full((count, 4), EMPTY)
    sources[np.arange(count), rng.integers(0, 4, size=count)] = np.arange(count)
    return sources''',
    "multi": '''

def several_garment_sources(count, images, rng):
    """count canvases of 0-4 garments drawn at random from `images` of them, in distinct random
    quadrants (the original notebook's expand_4times2)."""
    garments = rng.integers(0, 5, size=count)
    quadrant_order = np.argsort(rng.random((count, 4)), axis=1)  # a random order of the four quadrants
    picks = rng.integers(0, images, size=(count, 4))
    by_rank = np.where(np.arange(4) < garments[:, None], picks, EMPTY)
    sources = np.full((count, 4), EMPTY)
    np.put_along_axis(sources, quadrant_order, by_rank, axis=1)
    return sources


def multi_hot(labels, sources):
    """(n, 10): 1 where a class is on the canvas (a class there twice is still 1)."""
    hot = np.zeros((len(sources), 10), dtype=np.uint8)
    canvas, quadrant = np.nonzero(sources != EMPTY)
    hot[canvas, labels[sources[canvas, quadrant]]] = 1
    return hot''',
}

TEST_CANVASES = {
    "single": '''\
test_sources = one_garment_sources(len(x_test), np.random.default_rng(EVAL_SEED))
test_images, test_labels = compose(x_test, test_sources), y_test
val_sources = one_garment_sources(len(x_val), np.random.default_rng(SPLIT_SEED))
val_canvases, val_labels = compose(x_val, val_sources), y_val''',
    "multi": '''\
test_sources = several_garment_sources(10000, len(x_test), np.random.default_rng(EVAL_SEED))
test_images, test_labels = compose(x_test, test_sources), multi_hot(y_test, test_sources)
val_sources = several_garment_sources(len(x_val), len(x_val), np.random.default_rng(SPLIT_SEED))
val_canvases, val_labels = compose(x_val, val_sources), multi_hot(y_val, val_sources)''',
}

LOOK_CANVASES = '''\
plt.figure(figsize=(12, 3))
for i in range(6):
    plt.subplot(1, 6, i + 1)
    plt.xticks([])
    plt.yticks([])
    plt.imshow(test_images[i], cmap=plt.cm.binary)
    plt.axhline(27.5, color="lightsteelblue", linewidth=0.8)
    plt.axvline(27.5, color="lightsteelblue", linewidth=0.8)
    if test_labels.ndim == 1:
        plt.xlabel(CLASS_NAMES[test_labels[i]], fontsize=8)
    else:
        plt.xlabel(", ".join(CLASS_NAMES[c] for c in np.flatnonzero(test_labels[i])) or "-", fontsize=8)
plt.show()'''

EXACT_MATCH = '''

def exact_match(y_true, y_pred):
    """Share of images whose ten yes/no answers (probability >= 0.5) are all right."""
    decided = keras.ops.cast(y_pred >= 0.5, y_true.dtype)
    return keras.ops.mean(keras.ops.cast(keras.ops.all(keras.ops.equal(decided, y_true), axis=-1), "float32"))'''


def _tile_cells(config: TrainConfig) -> tuple[str, str, str]:
    """The tile network: its tiles, the network, its training; and the canvas model's answer."""
    sigmoid = config.tile_answer == "sigmoid"
    garments = ("rng.permutation(len(images))  # every garment once, in a random order" if config.kind == "single"
                else "rng.integers(0, len(images), size=len(images))  # garments of random canvases: drawn at random")
    targets = ("np.eye(11, dtype=\"float32\")[classes[order], :10]  # ten yes/no answers: all 0 when empty"
               if sigmoid else "classes[order]")
    tiles = f'''\
EMPTY_TILE = 10  # the 11th answer of a tile: no garment here


def training_tiles(images, labels, rng, flip):
    """Tiles for the tile network: garments (a random half mirrored left-right when flip),
    EMPTY_FRACTION black tiles per garment, shuffled; and what each tile should be answered."""
    garments = {garments}
    tiles = images[garments]
    if flip:
        mirrored = rng.random(len(tiles)) < 0.5
        tiles[mirrored] = tiles[mirrored, :, ::-1]
    empties = round(EMPTY_FRACTION * len(tiles))
    tiles = np.concatenate([tiles, np.zeros((empties, 28, 28), dtype=np.uint8)])
    classes = np.concatenate([labels[garments], np.full(empties, EMPTY_TILE)])
    order = rng.permutation(len(tiles))
    return tiles[order, ..., None], {targets}'''
    outputs, activation, loss = ("10", "sigmoid", "binary_crossentropy") if sigmoid else \
        ("11", "softmax", "sparse_categorical_crossentropy")
    metric = "exact_match" if sigmoid else '"accuracy"'
    model = f'''\
keras.utils.set_random_seed(SEED)  # the first weights and the dropout


def tile_network():
    """A small CNN for one 28x28 tile: BLOCKS conv blocks (each halves the tile), Dense(128), the answer."""
    tile = keras.Input(shape=(28, 28, 1))
    x = tile
    for block in range(BLOCKS):
        for _ in range(CONVS):
            x = layers.Conv2D(WIDTH * 2 ** block, 3, padding="same", use_bias=False)(x)
            x = layers.BatchNormalization(momentum=0.9)(x)
            x = layers.ReLU()(x)
        x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    x = layers.Dropout(0.25)(x)
    x = layers.Dense(128, activation="relu")(x)
    x = layers.Dropout(0.25)(x)
    return keras.Model(tile, layers.Dense({outputs}, activation="{activation}")(x))


tile_net = tile_network()
# the trainer takes uint8 tiles and scales them to 0-1 on the way in
trainer = keras.Sequential([keras.Input((28, 28, 1), dtype="uint8"), layers.Rescaling(1 / 255), tile_net])
tiles_per_epoch = len(x_pool) + round(EMPTY_FRACTION * len(x_pool))
batch_size = min(BATCH_SIZE, tiles_per_epoch)
steps_per_epoch = tiles_per_epoch // batch_size
schedule = keras.optimizers.schedules.CosineDecay(LEARNING_RATE, decay_steps=steps_per_epoch * EPOCHS)
trainer.compile(optimizer=keras.optimizers.Adam(schedule), loss="{loss}", metrics=[{metric}])
tile_net.summary()'''
    combine = ('''\
    garments = per_tile.sum(axis=1)  # one garment: its probabilities summed over the quadrants, renormalised
    return garments / np.maximum(garments.sum(axis=1, keepdims=True), 1e-7)''' if config.kind == "single" else '''\
    return 1 - np.prod(1 - per_tile, axis=1)  # each class: in at least one quadrant''')
    mirror = '''
    # mirror averaging: every tile answered as it is and mirrored left-right, the two answers averaged
    per_tile = (per_tile + trainer.predict(tiles[:, :, ::-1], batch_size=2000, verbose=0)) / 2''' \
        if config.mirror_average else ""
    train = f'''\
val_tiles, val_targets = training_tiles(x_val, y_val, np.random.default_rng(SPLIT_SEED), flip=False)
for epoch in range(EPOCHS):  # fresh tiles every epoch
    x, y = training_tiles(x_pool, y_pool, np.random.default_rng([SEED, epoch]), flip=FLIP)
    trainer.fit(x[:steps_per_epoch * batch_size], y[:steps_per_epoch * batch_size], batch_size=batch_size,
                initial_epoch=epoch, epochs=epoch + 1, shuffle=False, validation_data=(val_tiles, val_targets),
                verbose=2)


def model_answers(canvases):
    """The canvas model: the tile network answers each quadrant, then the four answers are combined."""
    tiles = canvases.reshape(-1, 2, 28, 2, 28).transpose(0, 1, 3, 2, 4).reshape(-1, 28, 28, 1)
    per_tile = trainer.predict(tiles, batch_size=2000, verbose=0){mirror}
    per_tile = per_tile.reshape(len(canvases), 4, -1)[:, :, :10]  # the ten garments' answers of each quadrant
{combine}'''
    return tiles, model, train


def _plain_cells(config: TrainConfig) -> tuple[str, str, str]:
    """The original notebook's plain CNN over the whole canvas: its canvases, the network, training."""
    single = config.kind == "single"
    draw = ('''\
    order = rng.permutation(len(x_pool))  # every garment once, in a random order, alone on its canvas
    canvases = compose(x_pool[order], one_garment_sources(len(order), rng))
    targets = np.eye(10, dtype="float32")[y_pool[order]]  # one-hot''' if single else '''\
    sources = several_garment_sources(len(x_pool), len(x_pool), rng)
    canvases = compose(x_pool, sources)
    targets = multi_hot(y_pool, sources).astype("float32")''')
    canvases = f'''\
def training_canvases(rng):
    """One epoch's canvases of the training garments (a random half mirrored left-right when FLIP)."""
{draw}
    if FLIP:
        mirrored = rng.random(len(canvases)) < 0.5
        canvases[mirrored] = canvases[mirrored, :, ::-1]
    return canvases[..., None], targets'''
    activation, loss, metric = ("softmax", "categorical_crossentropy", '"accuracy"') if single else \
        ("sigmoid", "binary_crossentropy", "exact_match")
    val_targets = 'np.eye(10, dtype="float32")[val_labels]' if single else 'val_labels.astype("float32")'
    model = f'''\
keras.utils.set_random_seed(SEED)  # the first weights and the dropout

network = keras.Sequential([
    keras.Input(shape=(56, 56, 1)),
    layers.Conv2D(filters=16, kernel_size=3, padding="same", activation="relu"),
    layers.MaxPool2D(),  # 28x28
    layers.Conv2D(filters=32, kernel_size=3, padding="same", activation="relu"),
    layers.MaxPool2D(),  # 14x14
    layers.Conv2D(filters=64, kernel_size=3, padding="same", activation="relu"),
    layers.MaxPool2D(),  # 7x7
    layers.Flatten(),
    layers.Dropout(0.25),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.25),
    layers.Dense(10, activation="{activation}"),
])
# the trainer takes uint8 canvases and scales them to 0-1 on the way in
trainer = keras.Sequential([keras.Input((56, 56, 1), dtype="uint8"), layers.Rescaling(1 / 255), network])
batch_size = min(BATCH_SIZE, len(x_pool))
steps_per_epoch = len(x_pool) // batch_size
schedule = keras.optimizers.schedules.CosineDecay(LEARNING_RATE, decay_steps=steps_per_epoch * EPOCHS)
trainer.compile(optimizer=keras.optimizers.Adam(schedule), loss="{loss}", metrics=[{metric}])
network.summary()'''
    train = f'''\
for epoch in range(EPOCHS):  # fresh canvases every epoch
    x, y = training_canvases(np.random.default_rng([SEED, epoch]))
    trainer.fit(x[:steps_per_epoch * batch_size], y[:steps_per_epoch * batch_size], batch_size=batch_size,
                initial_epoch=epoch, epochs=epoch + 1, shuffle=False,
                validation_data=(val_canvases[..., None], {val_targets}), verbose=2)


def model_answers(canvases):
    """The network's ten probabilities for each canvas."""
    return trainer.predict(canvases[..., None], batch_size=500, verbose=0)'''
    return canvases, model, train


THRESHOLD = f'''\
def exact_match_rate(decided, truth):
    """Share of canvases whose ten yes/no decisions are all right."""
    return np.mean(np.all(decided == truth.astype(bool), axis=1))


val_probabilities = model_answers(val_canvases)
thresholds = np.round(np.arange(0.05, 0.96, 0.05), 2)  # {THRESHOLD_GRID[0]:g}, {THRESHOLD_GRID[1]:g}, ..., {THRESHOLD_GRID[-1]:g}
scores = [exact_match_rate(val_probabilities >= threshold, val_labels) for threshold in thresholds]
THRESHOLD = thresholds[int(np.argmax(scores))]  # the best on validation; the lowest wins a tie
print(f"threshold {{THRESHOLD:g}}: exact match {{max(scores):.4f}} on the validation canvases")'''

TEST = {
    "one": '''\
probabilities = model_answers(test_images)
test_accuracy = np.mean(probabilities.argmax(axis=1) == test_labels)
print(f"Test accuracy: {test_accuracy:.4f} on {len(test_labels):,} test images")''',
    "multi": '''\
probabilities = model_answers(test_images)
decided, truth = probabilities >= THRESHOLD, test_labels.astype(bool)
test_exact_match = exact_match_rate(decided, truth)
tp, fp, fn = np.sum(decided & truth), np.sum(decided & ~truth), np.sum(~decided & truth)
test_micro_f1 = 2 * tp / (2 * tp + fp + fn)
print(f"Test exact match: {test_exact_match:.4f} at threshold {THRESHOLD:g} on {len(truth):,} test canvases")
print(f"Test micro-F1: {test_micro_f1:.4f}")''',
}

PLOTS = {
    "one": '''\
def plot_image(i, predictions_array, true_label, img):
    predictions_array, true_label, img = predictions_array[i], true_label[i], img[i]
    plt.grid(False)
    plt.xticks([])
    plt.yticks([])
    plt.imshow(img, cmap=plt.cm.binary)
    predicted_label = np.argmax(predictions_array)
    color = "blue" if predicted_label == true_label else "red"
    plt.xlabel(f"{CLASS_NAMES[predicted_label]} {100 * np.max(predictions_array):2.0f}% ({CLASS_NAMES[true_label]})",
               color=color)


def plot_value_array(i, predictions_array, true_label):
    predictions_array, true_label = predictions_array[i], true_label[i]
    plt.grid(False)
    plt.xticks(range(10))
    plt.yticks([])
    thisplot = plt.bar(range(10), predictions_array, color="#777777")
    plt.ylim([0, 1])
    thisplot[np.argmax(predictions_array)].set_color("red")
    thisplot[true_label].set_color("blue")''',
    "multi": '''\
def names(classes):
    return ", ".join(CLASS_NAMES[c] for c in classes) or "nothing"


def plot_image(i, predictions_array, true_label, img):
    predictions_array, true_label, img = predictions_array[i], true_label[i], img[i]
    plt.grid(False)
    plt.xticks([])
    plt.yticks([])
    plt.imshow(img, cmap=plt.cm.binary)
    predicted = np.flatnonzero(predictions_array >= THRESHOLD)
    color = "blue" if np.array_equal(predicted, np.flatnonzero(true_label)) else "red"
    plt.xlabel(f"{names(predicted)}\\n({names(np.flatnonzero(true_label))})", color=color, fontsize=8)


def plot_value_array(i, predictions_array, true_label):
    predictions_array, true_label = predictions_array[i], true_label[i]
    plt.grid(False)
    plt.xticks(range(10))
    plt.yticks([])
    thisplot = plt.bar(range(10), predictions_array, color="#777777")
    plt.ylim([0, 1])
    plt.axhline(THRESHOLD, color="black", linestyle=":", linewidth=1)
    for c in np.flatnonzero(predictions_array >= THRESHOLD):
        thisplot[c].set_color("red")
    for c in np.flatnonzero(true_label):
        thisplot[c].set_color("blue")''',
}

GRID = '''\
num_rows, num_cols = 5, 3
num_images = num_rows * num_cols
plt.figure(figsize=(2 * 2 * num_cols, 2 * num_rows))
for i in range(num_images):
    plt.subplot(num_rows, 2 * num_cols, 2 * i + 1)
    plot_image(i, probabilities, test_labels, test_images)
    plt.subplot(num_rows, 2 * num_cols, 2 * i + 2)
    plot_value_array(i, probabilities, test_labels)
plt.tight_layout()
plt.show()'''


# --- The notebook ------------------------------------------------------------------------------

def _recipe_cell(config: TrainConfig, key: str) -> str:
    lines = [f"# The studio's recipe of model {key}",
             f"EPOCHS = {config.epochs}",
             f"BATCH_SIZE = {config.batch_size}",
             f"LEARNING_RATE = {config.learning_rate!r}",
             f"TRAIN_SIZE = {config.train_size}",
             f"SEED = {config.seed}"]
    if config.kind == "dense":
        lines += [f"HIDDEN = {config.hidden}", f"NORMALISE = {config.normalise!r}"]
    else:
        lines += [f"FLIP = {config.flip!r}"]
        if config.arch == DEFAULT_ARCH:
            lines += [f"WIDTH = {config.width}", f"BLOCKS = {config.blocks}", f"CONVS = {config.convs}",
                      f"EMPTY_FRACTION = {config.empty_fraction!r}", f"MIRROR_AVERAGE = {config.mirror_average!r}"]
    lines += ["",
              f"VALIDATION_SIZE = {VALIDATION_SIZE}  # training images held out for validation",
              f"SPLIT_SEED = {SPLIT_SEED}  # which ones: the same for every model of the studio"]
    if config.kind in CANVAS_KINDS:
        lines.append(f"EVAL_SEED = {EVAL_SEED}  # the test canvases every canvas model of the studio is tested on")
    return "\n".join(lines)


def _config_and_card(model: TrainConfig | dict) -> tuple[TrainConfig, dict | None]:
    """The config, and the model's JSON when that was given (a dict with a "config" section)."""
    if isinstance(model, TrainConfig):
        return model, None
    if isinstance(model, dict) and isinstance(model.get("config"), dict):
        return TrainConfig.from_dict(model["config"]), model
    if isinstance(model, dict):
        return TrainConfig.from_dict(model), None
    raise TypeError(f"a TrainConfig or a model's JSON (dict), got {type(model).__name__}")


def _studio_figure(config: TrainConfig, card: dict | None) -> float | None:
    test = (card or {}).get("test")
    value = test.get("exact_match" if config.kind == "multi" else "accuracy") if isinstance(test, dict) else None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _which(config: TrainConfig) -> str:
    """The model's name in the texts: dense, single, multi, plain_single or plain_multi."""
    return config.kind if config.arch == DEFAULT_ARCH else f"plain_{config.kind}"


def notebook_for(model: TrainConfig | dict, language: str = "en", data_dir: str | None = None) -> nbformat.NotebookNode:
    """A notebook (nbformat v4) that rebuilds ``model`` from scratch: a :class:`TrainConfig`, or
    a model's JSON (``models/dense.json``; its test figure is then quoted for comparison).

    ``language`` ("en" or "ko") is the language of the explanations; the code is the same.
    ``data_dir``: a folder of the four idx archives written into the notebook as the default
    of ``$FMNIST_DATA_DIR`` (None: the notebook downloads with Keras unless that is set).
    """
    config, card = _config_and_card(model)
    lang = i18n.normalise_language(language)
    which, key = _which(config), config.key()
    figure = _studio_figure(config, card)
    points = tolerance_points(config.kind)

    def text(name: str, **values) -> str:
        return i18n.t(f"notebook.{name}", lang, **values)

    cells = [
        ("md", text("title_" + which) + "\n\n" + text("intro", model_id=key)),
        ("md", text("setup")), ("code", SETUP),
        ("md", text("recipe_" + ("dense" if config.kind == "dense" else "canvas" if config.arch == DEFAULT_ARCH
                                 else "plain"))),
        ("code", _recipe_cell(config, key)),
        ("md", text("data", env=DATA_DIR_ENV)), ("code", _data_cell(data_dir)),
        ("md", text("look")), ("code", LOOK),
        ("md", text("split", validation=VALIDATION_SIZE)), ("code", SPLIT),
    ]
    if config.kind == "dense":
        cells += [
            ("md", text("normalise_" + config.normalise)), ("code", DENSE_NORMALISE[config.normalise]),
            ("md", text("dense_model")), ("code", DENSE_MODEL),
            ("md", text("dense_train")), ("code", DENSE_TRAIN),
            ("md", text("dense_test")), ("code", DENSE_TEST),
        ]
    else:
        cells += [
            ("md", text("compose_" + config.kind)), ("code", COMPOSE + SOURCES[config.kind]),
            ("md", text("test_canvases_" + config.kind)), ("code", TEST_CANVASES[config.kind]),
            ("code", LOOK_CANVASES),
        ]
        sigmoids = config.answers_with_sigmoids
        if config.arch == DEFAULT_ARCH:
            tiles, network, train = _tile_cells(config)
            cells += [
                ("md", text("tiles_" + config.kind)), ("code", tiles),
                ("md", text("tile_network_sigmoid" if sigmoids else "tile_network")),
                ("code", (EXACT_MATCH.lstrip("\n") + "\n\n\n" if sigmoids else "") + network),
                ("md", text("tiles_train_" + config.kind) + ("\n\n" + text("mirror") if config.mirror_average else "")),
                ("code", train),
            ]
        else:
            canvases, network, train = _plain_cells(config)
            cells += [
                ("md", text("plain_canvases")), ("code", canvases),
                ("md", text("plain_network_" + config.kind)),
                ("code", (EXACT_MATCH.lstrip("\n") + "\n\n\n" if sigmoids else "") + network),
                ("md", text("plain_train")), ("code", train),
            ]
        if config.kind == "multi":
            cells += [("md", text("threshold")), ("code", THRESHOLD)]
    multi = config.kind == "multi"
    cells += [("md", text("test_multi" if multi else "test_dense" if config.kind == "dense" else "test_single")),
              ("code", TEST["multi" if multi else "one"])]
    if figure is not None:
        measured = "test_exact_match" if multi else "test_accuracy"
        cells += [("md", text("compare_dense" if config.kind == "dense" else "compare_canvas", points=points)),
                  ("code", f"STUDIO = {figure!r}  # the studio's figure for this model (its JSON)\n"
                           f"print(f\"this notebook {{{measured}:.4f}}, the studio {{STUDIO:.4f}}: \"\n"
                           f"      f\"{{100 * ({measured} - STUDIO):+.1f}} points\")")]
    cells += [("md", text("plots_multi" if multi else "plots")), ("code", PLOTS["multi" if multi else "one"]),
              ("code", GRID), ("md", text("next_" + ("dense" if config.kind == "dense" else "canvas")))]

    notebook = v4.new_notebook()
    notebook.cells = [v4.new_markdown_cell(body) if kind == "md" else v4.new_code_cell(body) for kind, body in cells]
    notebook.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "fmnist": {"key": key, "config": config.relevant(), "language": lang},
    }
    return notebook


def notebook_bytes(model: TrainConfig | dict, language: str = "en", data_dir: str | None = None) -> bytes:
    """:func:`notebook_for` as the bytes of an ``.ipynb`` file (validated against nbformat's schema)."""
    notebook = notebook_for(model, language, data_dir)
    nbformat.validate(notebook)
    return nbformat.writes(notebook).encode("utf-8")


def read_notebook(raw: bytes) -> nbformat.NotebookNode:
    """An ``.ipynb`` file's bytes as a notebook, validated (what a test or a student opens)."""
    notebook = nbformat.reads(raw.decode("utf-8"), as_version=4)
    nbformat.validate(notebook)
    return notebook




# --- Running one (the tests, the benchmark, a teacher checking a download) -----------------------

FIGURE_LINES = {"accuracy": r"Test accuracy: ([0-9.]+)", "exact_match": r"Test exact match: ([0-9.]+)",
                "micro_f1": r"Test micro-F1: ([0-9.]+)"}


def execute(notebook: nbformat.NotebookNode, folder: str, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell of ``notebook`` in a fresh Python kernel (the kernelspec ``python3``: this
    Python's own, installed with ipykernel) with ``folder`` as its working folder; a cell that
    raises raises here (``nbclient.exceptions.CellExecutionError``). Returns the executed copy."""
    from nbclient import NotebookClient

    import os

    executed = nbformat.from_dict(notebook)
    # A kernel started from a process that imported Streamlit inherits its MPLBACKEND=Agg, and
    # would draw no figure; Jupyter's own default (inline) is what a student gets.
    env = {name: value for name, value in os.environ.items() if name != "MPLBACKEND"}
    NotebookClient(executed, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": folder}}).execute(env=env)
    return executed


def figures_of(executed: nbformat.NotebookNode) -> dict[str, float]:
    """The test figures an executed notebook printed: accuracy (dense, single) or exact_match and
    micro_f1 (multi)."""
    import re

    printed = "".join(output.get("text", "") for cell in executed.cells if cell.cell_type == "code"
                      for output in cell.get("outputs", []) if output.get("output_type") == "stream")
    return {name: float(found.group(1)) for name, line in FIGURE_LINES.items()
            if (found := re.search(line, printed))}
