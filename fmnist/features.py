"""What a convolutional network's first filters respond to: their weights and their feature maps.

    kernels, bias = first_filters(model)        # (3, 3, 16) weights and (16,) biases of the first Conv2D
    maps = feature_maps(model, canvas)          # (56, 56, 16): the canvas as each filter answers it

A filter of the first layer is a small square of weights (3x3 in the notebook's plain CNN).
Slid over the picture, it answers at every position with the sum of the pixels under it times
its weights, plus its bias; the layer's activation (ReLU) keeps what is above 0. That answer,
pixel by pixel, is the filter's feature map: bright where the picture looks like the filter's
pattern. The maps are computed here with NumPy from the layer's weights, exactly as Keras does
(``padding="same"``: the picture is padded with black), so showing them needs no TensorFlow
call; ``tests/test_features.py`` checks them against the Keras layer itself.

A filter whose weights sum to about 0 answers 0 on an even patch, whatever its brightness: it
answers to a change (an edge) only. :func:`edge_filters` says which filters are so.
"""

from __future__ import annotations

import numpy as np

from .data import scale_255

EDGE_SUM = 0.1  # a filter whose weights sum to less than this share of their absolute sum answers to edges


def first_conv(model):
    """The first Conv2D layer of ``model`` (looking inside nested models too), or None."""
    import keras

    for layer in model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            return layer
        if isinstance(layer, keras.Model):
            found = first_conv(layer)
            if found is not None:
                return found
    return None


def first_filters(model) -> tuple[np.ndarray, np.ndarray]:
    """(kernels (h, w, filters), biases (filters,)) of the first Conv2D layer of a one-channel
    model; biases are zeros for a layer without them. ValueError when there is none."""
    layer = first_conv(model)
    if layer is None:
        raise ValueError(f"{model.name} has no Conv2D layer")
    weights = layer.get_weights()
    kernels = np.asarray(weights[0], dtype=np.float32)
    if kernels.ndim != 4 or kernels.shape[2] != 1:
        raise ValueError(f"the first Conv2D of {model.name} does not read a one-channel picture")
    bias = np.asarray(weights[1], dtype=np.float32) if len(weights) > 1 else np.zeros(kernels.shape[-1], np.float32)
    return kernels[:, :, 0, :], bias


def convolve(image: np.ndarray, kernels: np.ndarray, bias: np.ndarray, relu: bool = True) -> np.ndarray:
    """(H, W, filters) float32: every filter slid over a uint8 (H, W) picture scaled to 0-1, with
    Keras's ``padding="same"`` (black around the picture) and its cross-correlation (no flip)."""
    x = scale_255(image)
    kh, kw, filters = kernels.shape
    padded = np.pad(x, ((kh // 2, kh - 1 - kh // 2), (kw // 2, kw - 1 - kw // 2)))
    height, width = x.shape
    out = np.broadcast_to(bias, (height, width, filters)).astype(np.float32).copy()
    for dy in range(kh):
        for dx in range(kw):
            out += padded[dy:dy + height, dx:dx + width, None] * kernels[dy, dx]
    return np.maximum(out, 0) if relu else out


def feature_maps(model, image: np.ndarray) -> np.ndarray:
    """(H, W, filters): the first Conv2D layer's answer to a uint8 picture, its ReLU applied when
    the layer has one (the plain CNN's ``conv1``)."""
    layer = first_conv(model)
    kernels, bias = first_filters(model)
    relu = getattr(getattr(layer, "activation", None), "__name__", "") == "relu"
    return convolve(image, kernels, bias, relu=relu)


def edge_filters(kernels: np.ndarray, share: float = EDGE_SUM) -> np.ndarray:
    """(filters,) bool: whether each filter's weights sum to about zero (an edge filter: an even
    patch, dark or bright, gets the same answer, its bias)."""
    kernels = np.asarray(kernels, dtype=np.float64)
    sums = np.abs(kernels.sum(axis=(0, 1)))
    return sums < share * np.abs(kernels).sum(axis=(0, 1))
