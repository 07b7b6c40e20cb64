"""Where the model looked: saliency maps of the shipped models, and the quadrant arithmetic."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import composite, evaluation, registry, saliency  # noqa: E402

BAG = 8


@pytest.fixture(scope="module")
def shipped():
    return {kind: registry.load_model(registry.shipped_path(kind)) for kind in ("dense", "single", "multi")}


@pytest.fixture(scope="module")
def bag_canvases(fmnist_data):
    """Test composites with a Bag in exactly one quadrant and two or three other garments, none a Bag."""
    _, (x_test, y_test) = fmnist_data
    canvases = evaluation.test_composites("multi", x_test, y_test, 400)
    classes = np.where(canvases.sources == composite.EMPTY, -1, y_test[np.maximum(canvases.sources, 0)])
    chosen = np.flatnonzero(((classes == BAG).sum(axis=1) == 1) & (canvases.object_counts >= 3))[:5]
    assert len(chosen) == 5
    return canvases.images[chosen], (classes[chosen] == BAG).argmax(axis=1)


@pytest.mark.parametrize("method", saliency.METHODS)
@pytest.mark.parametrize("kind", ["dense", "single", "multi"])
def test_maps_have_the_image_shape_and_values_in_0_1(shipped, fmnist_data, kind, method):
    _, (x_test, y_test) = fmnist_data
    images = x_test[:3] if kind == "dense" else evaluation.test_composites("single", x_test, y_test, 3).images
    heat = saliency.saliency_maps(shipped[kind], images, y_test[:3], method=method)
    assert heat.shape == images.shape and heat.dtype == np.float32
    assert heat.min() >= 0 and np.allclose(heat.max(axis=(1, 2)), 1)


def test_the_multi_model_looks_for_a_bag_in_the_bag_quadrant(shipped, bag_canvases):
    images, bag_quadrants = bag_canvases
    heat = saliency.saliency_maps(shipped["multi"], images, BAG)
    assert [saliency.hottest_quadrant(h) for h in heat] == bag_quadrants.tolist()


def test_saliency_map_of_one_image_is_its_row_of_the_batch(shipped, bag_canvases):
    images, _ = bag_canvases
    batch = saliency.saliency_maps(shipped["single"], images, [BAG, 0, 1, 2, 3])
    np.testing.assert_allclose(saliency.saliency_map(shipped["single"], images[1], 0), batch[1], atol=1e-6)


def test_gradient_x_input_puts_no_heat_on_black_pixels(shipped, fmnist_data):
    _, (x_test, _) = fmnist_data
    canvas = composite.place_in_quadrant(x_test[0], 2)
    heat = saliency.saliency_map(shipped["single"], canvas, 9)
    assert not heat[canvas == 0].any()
    assert saliency.hottest_quadrant(heat) == 2
    np.testing.assert_allclose(saliency.quadrant_shares(heat), [0, 0, 1, 0])


def test_a_black_canvas_has_no_heat_and_no_hottest_quadrant(shipped):
    black = np.zeros((56, 56), dtype=np.uint8)
    heat = saliency.saliency_map(shipped["multi"], black, BAG)
    assert np.isfinite(heat).all() and not heat.any()
    np.testing.assert_array_equal(saliency.quadrant_shares(heat), np.zeros(4))
    assert saliency.hottest_quadrant(heat) == -1
    np.testing.assert_array_equal(saliency.normalise(np.zeros((2, 28, 28))), np.zeros((2, 28, 28)))


def test_quadrant_shares_follow_the_composite_quadrant_order():
    heat = np.zeros((56, 56))
    heat[:28, 28:] = 1.0  # top right: quadrant 1
    heat[28:, :28] = 3.0  # bottom left: quadrant 2
    np.testing.assert_allclose(saliency.quadrant_shares(heat), [0, 0.25, 0.75, 0])
    assert saliency.hottest_quadrant(heat) == 2
    assert saliency.quadrant_shares(np.stack([heat, heat[::-1]])).shape == (2, 4)
    with pytest.raises(ValueError):
        saliency.quadrant_shares(np.ones((28, 28)))


def test_a_picture_of_the_wrong_size_or_an_unknown_method_is_refused(shipped):
    with pytest.raises(ValueError):
        saliency.saliency_maps(shipped["dense"], np.zeros((1, 56, 56), dtype=np.uint8), 0)
    with pytest.raises(ValueError):
        saliency.saliency_maps(shipped["multi"], np.zeros((1, 56, 56), dtype=np.uint8), 0, method="guess")
