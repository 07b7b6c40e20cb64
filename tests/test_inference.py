"""One Predictor per model and server, called by every session at once."""

import os
import threading

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from fmnist import composite, registry  # noqa: E402
from fmnist.inference import Predictor  # noqa: E402


def test_one_predictor_answers_many_threads_at_once_as_it_answers_one(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    predictor = Predictor(registry.load_model(registry.shipped_path("single")))
    canvases = composite.make_single_set(x_test[:64], y_test[:64], np.random.default_rng(0)).images
    expected = np.stack([predictor(canvas) for canvas in canvases])
    answers = np.zeros_like(expected)
    failures = []

    def student(offset: int) -> None:
        try:
            for round_ in range(4):
                for i in range(offset, len(canvases), 8):
                    answers[i] = predictor(canvases[i])
        except Exception as exc:  # noqa: BLE001 - the assertion below reports it
            failures.append(exc)

    threads = [threading.Thread(target=student, args=(offset,)) for offset in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    np.testing.assert_allclose(answers, expected, atol=1e-6)


def test_a_batch_and_one_picture_get_the_same_answer(fmnist_data):
    _, (x_test, _) = fmnist_data
    predictor = Predictor(registry.load_model(registry.shipped_path("dense")))
    batch = predictor(x_test[:5])
    assert batch.shape == (5, 10)
    np.testing.assert_allclose(predictor(x_test[3]), batch[3], atol=1e-6)
