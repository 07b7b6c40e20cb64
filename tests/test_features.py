"""What a CNN's first filters respond to: the feature maps computed with NumPy are the Keras layer's."""

import numpy as np
import pytest

from conftest import ROOT
from fmnist import composite, features, registry


@pytest.fixture(scope="module")
def plain():
    return registry.load_model(ROOT / "models" / "plain_single.keras")


def test_feature_maps_are_what_the_keras_layer_answers(plain, fmnist_data):
    import keras

    _, (x_test, y_test) = fmnist_data
    canvas = composite.compose(x_test, composite.arrange(y_test, [1, 2, 5, 8], [0, 1, 2, 3], seed=0)[None])[0]
    layer = features.first_conv(plain)
    keras_maps = keras.Model(plain.inputs, layer.output).predict_on_batch((canvas / 255.0)[None, ..., None])[0]
    assert np.abs(features.feature_maps(plain, canvas) - keras_maps).max() < 1e-5


def test_first_filters_are_found_inside_a_tile_network_too():
    tiles = registry.load_model(ROOT / "models" / "single.keras")
    kernels, bias = features.first_filters(tiles)
    assert kernels.shape == (3, 3, 32) and not bias.any()  # the tile network's convolutions have no bias


def test_a_model_without_a_convolution_is_refused():
    with pytest.raises(ValueError, match="no Conv2D"):
        features.first_filters(registry.load_model(ROOT / "models" / "dense.keras"))


def test_convolve_slides_the_weights_without_flipping_them_and_pads_with_black():
    image = np.zeros((5, 5), np.uint8)
    image[2, 2] = 255
    kernel = np.zeros((3, 3, 1), np.float32)
    kernel[0, 2, 0] = 1.0  # looks up and to the right
    out = features.convolve(image, kernel, np.zeros(1, np.float32))[..., 0]
    assert out[3, 1] == 1.0 and out.sum() == 1.0  # the pixel is found from the position down and left of it


def test_edge_filters_are_those_whose_weights_add_up_to_about_zero():
    edge = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], np.float32)
    bright = np.full((3, 3), 1 / 9, np.float32)
    assert features.edge_filters(np.stack([edge, bright], axis=-1)).tolist() == [True, False]
