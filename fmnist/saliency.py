"""Where the model looked: a heatmap over the input image for one class.

    heat = saliency_map(model, canvas, class_index=8)   # (56, 56) float32 in [0, 1]
    hottest_quadrant(heat)                              # 0-3, the quadrant with most of the heat

Gradient saliency (Simonyan et al., 2014) asks the model, through ``tf.GradientTape``, how
its probability for the class would change if each pixel were a little brighter. It needs
nothing of the model but its input and output, so it works on every model of the contract:
the tutorial's dense model on (28, 28) images and the canvas models on (56, 56) canvases,
whose tile networks sit inside custom layers.

Four ways to turn gradients into a map (``method=``):

==========================  =====================================================  ==========
method                      heat of a pixel                                        passes
==========================  =====================================================  ==========
``"gradient"``              abs(d p / d x): how sensitive p is to the pixel         1
``"gradient_x_input"``      max(0, x * d p / d x): ink that pushed p up             1
``"smoothgrad"``            abs of d p / d x averaged over 8 noisy copies of x      8
``"integrated_gradients"``  max(0, x * average of d p / d x along 0 -> x, 8 steps)  8
==========================  =====================================================  ==========

The default is ``"gradient_x_input"``, chosen with ``bench/bench_saliency.py`` on 1,000 test
composites of each kind (2 CPU cores, 2026-11-25): for every garment class on a canvas, does
the hottest quadrant of the map for that class hold a garment of that class? A random map
hits 0.25 (one garment) and 0.29 (0-4 garments); the quadrant with the most ink 1.00 and 0.44.

=================================  ========  ================  ==========  ====================
model, canvases                    gradient  gradient_x_input  smoothgrad  integrated_gradients
=================================  ========  ================  ==========  ====================
multi, 0-4 garments                0.984     0.984             0.917       0.931
multi, one garment                 1.000     1.000             0.929       1.000
single, one garment                0.920     1.000             0.880       1.000
single, 0-4 garments (each class)  0.739     0.752             0.750       0.864
time per map, in batches           2-5 ms    2-5 ms            22-42 ms    21-41 ms
=================================  ========  ================  ==========  ====================

The hottest quadrant of a gradient-x-input map is also the quadrant whose blanking lowers the
probability most (the model's own answer, by occlusion) for 0.95 of the multi model's maps on
0-4 garments, against 0.91 for integrated gradients; for the single model there, 0.66 against
0.81.

Gradient x input costs one gradient and is the best or tied for the multi model and for one
garment: black pixels get no heat, so an empty quadrant is never where a garment was seen,
and the ink that argued against the class is cut off instead of drawn hot. Its weak spot is
the single model on a canvas of several garments: a tile network that is sure of a garment
sits on the flat top of its softmax, where the gradient says little (the map misses more
often on the classes the model is surest of). Integrated gradients (Sundararajan et al.,
2017) average the gradient along the path from a black canvas to the picture, past the
flat top, and place those answers better, at eight gradients a map: ask for
``method="integrated_gradients"`` to show where the single model looked on such a canvas.
SmoothGrad's noisy copies put noise in quadrants the canvas models only ever saw black, and
lower both models' hit rates.

Every map is normalised to [0, 1] by its own maximum; a map with no heat at all stays zero.
"""

from __future__ import annotations

import threading
import weakref

import numpy as np

from .composite import IMAGE_SIZE, QUADRANTS, tiles
from .data import scale_255

METHODS = ("gradient", "gradient_x_input", "smoothgrad", "integrated_gradients")
DEFAULT_METHOD = "gradient_x_input"
SMOOTHGRAD_SAMPLES = 8
SMOOTHGRAD_NOISE = 0.1  # standard deviation of the noise, on pixels/255
INTEGRATED_STEPS = 8

_gradient_functions: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _gradient_function(model):
    """A compiled ``(pixels, classes) -> d p(class) / d pixels`` for ``model``, built once per model.

    pixels: float32 (n, H, W) in 0-1; classes: int32 (n,). Each image's probability depends only
    on that image (inference mode), so the gradient of their sum is every image's own gradient.
    The function holds the model weakly, so a model that is dropped is freed with its function.
    """
    import tensorflow as tf

    with _lock:
        if model in _gradient_functions:
            return _gradient_functions[model]
        shape = tuple(model.inputs[0].shape[1:])
        channel = len(shape) == 3
        model_ref = weakref.ref(model)

        @tf.function(input_signature=[tf.TensorSpec((None, *shape[:2]), tf.float32),
                                      tf.TensorSpec((None,), tf.int32)])
        def gradient(pixels, classes):
            with tf.GradientTape() as tape:
                tape.watch(pixels)
                probs = model_ref()(pixels[..., None] if channel else pixels, training=False)
                chosen = tf.gather(probs, classes, batch_dims=1)
            return tape.gradient(chosen, pixels)

        _gradient_functions[model] = gradient
        return gradient


def _gradients(model, pixels: np.ndarray, classes: np.ndarray) -> np.ndarray:
    return _gradient_function(model)(pixels, classes).numpy()


def _heat(model, pixels: np.ndarray, classes: np.ndarray, method: str, rng: np.random.Generator) -> np.ndarray:
    """Raw (unnormalised) heat of one batch."""
    if method == "gradient":
        return np.abs(_gradients(model, pixels, classes))
    if method == "gradient_x_input":
        return np.maximum(pixels * _gradients(model, pixels, classes), 0)
    n = len(pixels)
    if method == "smoothgrad":
        noise = rng.normal(0, SMOOTHGRAD_NOISE, (SMOOTHGRAD_SAMPLES, *pixels.shape)).astype(np.float32)
        noisy = (pixels[None] + noise).reshape(-1, *pixels.shape[1:])
        grads = _gradients(model, noisy, np.tile(classes, SMOOTHGRAD_SAMPLES))
        return np.abs(grads.reshape(SMOOTHGRAD_SAMPLES, *pixels.shape).mean(axis=0))
    # integrated gradients from a black image, midpoint rule: all steps of a batch in one call
    alphas = ((np.arange(INTEGRATED_STEPS) + 0.5) / INTEGRATED_STEPS).astype(np.float32)
    path = (alphas[:, None, None, None] * pixels[None]).reshape(-1, *pixels.shape[1:])
    grads = _gradients(model, path, np.tile(classes, INTEGRATED_STEPS))
    return np.maximum(pixels * grads.reshape(INTEGRATED_STEPS, n, *pixels.shape[1:]).mean(axis=0), 0)


def normalise(heat: np.ndarray) -> np.ndarray:
    """Each map of (n, H, W) divided by its own maximum, into [0, 1]; an all-zero map stays zero."""
    heat = np.asarray(heat, dtype=np.float32)
    peak = heat.reshape(len(heat), -1).max(axis=1)[:, None, None]
    return np.divide(heat, peak, out=np.zeros_like(heat), where=peak > 0)


def saliency_maps(model, images: np.ndarray, classes, method: str = DEFAULT_METHOD,
                  batch_size: int = 128, seed: int = 0) -> np.ndarray:
    """(n, H, W) float32 heatmaps in [0, 1]: where ``model`` found the evidence for ``classes``.

    images: uint8 (n, 28, 28) for the dense model or (n, 56, 56) canvases for the canvas
    models; classes: one class id for all, or (n,) one per image (to ask about several
    classes of one image, repeat the image). ``method``: see the module docstring; ``seed``
    draws SmoothGrad's noise.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    images = np.asarray(images)
    expected = tuple(model.inputs[0].shape[1:3])
    if images.ndim != 3 or images.shape[1:] != expected:
        raise ValueError(f"this model takes (n, {expected[0]}, {expected[1]}) images, got {images.shape}")
    classes = np.broadcast_to(np.asarray(classes, dtype=np.int32), (len(images),))
    rng = np.random.default_rng(seed)
    heat = np.zeros(images.shape, dtype=np.float32)
    for start in range(0, len(images), batch_size):
        batch = slice(start, start + batch_size)
        heat[batch] = _heat(model, scale_255(images[batch]), np.ascontiguousarray(classes[batch]), method, rng)
    return normalise(heat)


def saliency_map(model, image: np.ndarray, class_index: int, method: str = DEFAULT_METHOD) -> np.ndarray:
    """(H, W) float32 heatmap in [0, 1] of one uint8 image or canvas for one class."""
    return saliency_maps(model, np.asarray(image)[None], class_index, method)[0]


def quadrant_shares(heat: np.ndarray) -> np.ndarray:
    """Share of a (56, 56) map's heat in each 28x28 quadrant (0 top-left, 1 top-right,
    2 bottom-left, 3 bottom-right, as in ``fmnist.composite``): (4,), summing to 1, or all
    zero for a map with no heat. (n, 56, 56) maps give (n, 4)."""
    heat = np.asarray(heat, dtype=np.float64)
    if heat.shape[-2:] != (2 * IMAGE_SIZE, 2 * IMAGE_SIZE):
        raise ValueError(f"quadrants are of (56, 56) canvas maps, got {heat.shape}")
    sums = tiles(heat.reshape(-1, 2 * IMAGE_SIZE, 2 * IMAGE_SIZE)).sum(axis=(2, 3))
    total = sums.sum(axis=1, keepdims=True)
    shares = np.divide(sums, total, out=np.zeros_like(sums), where=total > 0)
    return shares.reshape(*heat.shape[:-2], QUADRANTS)


def hottest_quadrant(heat: np.ndarray) -> int:
    """The quadrant (0-3) holding the largest share of a (56, 56) map's heat; -1 for a map
    with no heat at all (no quadrant is hottest)."""
    shares = quadrant_shares(heat)
    return int(shares.argmax()) if shares.any() else -1
