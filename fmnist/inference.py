"""Fast predictions for one picture at a time (a drawing, an upload, a canvas).

``model.predict`` builds a data pipeline on every call (tens of milliseconds);
a classroom of thirty asking about one picture each wants a few milliseconds.
:class:`Predictor` calls the model's compiled predict step directly
(``predict_on_batch``) on a float32 batch of pixels/255.
"""

from __future__ import annotations

import numpy as np

from .data import scale_255


class Predictor:
    """Probabilities from a contract model for uint8 images (one, or a batch)."""

    def __init__(self, model):
        self.model = model
        shape = tuple(model.inputs[0].shape[1:])
        self.channel = len(shape) == 3  # canvas models take (56, 56, 1)
        self.image_shape = shape[:2]
        self(np.zeros(self.image_shape, dtype=np.uint8))  # build the compiled step once

    def __call__(self, images: np.ndarray) -> np.ndarray:
        """(H, W) -> (10,) or (n, H, W) -> (n, 10) probabilities, for uint8 pixels 0-255."""
        images = np.asarray(images)
        single = images.ndim == 2
        batch = scale_255(images[None] if single else images)
        if batch.shape[1:3] != self.image_shape:
            raise ValueError(f"this model takes {self.image_shape} images, got {batch.shape[1:3]}")
        if self.channel:
            batch = batch[..., None]
        probs = np.asarray(self.model.predict_on_batch(batch))
        return probs[0] if single else probs
