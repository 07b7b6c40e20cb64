"""The path without apt (a teacher's laptop: macOS, Windows, any Linux), in a real browser.

`streamlit run app.py` as the README's laptop path starts it: Debian's dataset folder left out of
the search ($FMNIST_NO_SYSTEM_DATA), the four archives where Keras's own download puts them
(``~/.keras/datasets/fashion-mnist`` under a temporary HOME), no ``apt-get`` on PATH, and no
download allowed. The app starts, Browse, Predict and the Lesson render, and a Quick training
from the Train page finishes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import ServerDidNotStart, assert_no_exception, open_path, streamlit_process, wait_for_app
from fmnist import data

pytestmark = pytest.mark.browser


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder``: its size and modification time."""
    return {str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def wait_for_a_picture(page, timeout: float = 60_000) -> None:
    """Wait until the page shows at least one picture the browser has loaded and decoded."""
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stImage\"] img')]"
                           ".some(img => img.complete && img.naturalWidth > 0)", timeout=timeout)


@pytest.fixture(scope="module")
def laptop(tmp_path_factory):
    """A server started as on a laptop without apt; yields its URL and a check that nothing was
    downloaded (Keras's datasets folder holds the four archives as they were placed, and nothing else)."""
    source = data.find_data_dir()  # wherever this machine keeps the archives (Debian's folder here)
    if source is None:
        pytest.fail(f"Fashion-MNIST not found: {data.HOW_TO_GET}")
    home = tmp_path_factory.mktemp("home")
    cache = home / ".keras" / "datasets" / "fashion-mnist"
    cache.mkdir(parents=True)
    for name in data.FILES:
        shutil.copy(source / f"{name}.gz", cache)
    path = str(Path(sys.executable).parent)  # the virtual environment's bin folder, nothing else
    assert shutil.which("apt-get", path=path) is None
    placed = _files(cache.parent)

    def assert_nothing_downloaded() -> None:
        assert _files(cache.parent) == placed

    with pytest.MonkeyPatch.context() as patch:
        for name in (data.DATA_DIR_ENV, "KERAS_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "MPLCONFIGDIR"):
            patch.delenv(name, raising=False)
        env = {"HOME": str(home), "PATH": path, data.NO_SYSTEM_DATA_ENV: "1", data.NO_DOWNLOAD_ENV: "1"}
        try:
            with streamlit_process(tmp_path_factory.mktemp("laptop-server"), env=env, start_timeout=120) as server:
                yield server.url, assert_nothing_downloaded
        except ServerDidNotStart as exc:
            pytest.fail(str(exc))


def test_browse_predict_and_the_lesson_render_from_the_keras_cache(laptop, page):
    url, assert_nothing_downloaded = laptop
    open_path(page, url, "browse")
    page.get_by_role("heading", name="Browse the dataset").first.wait_for(timeout=60_000)
    page.get_by_text("60,000", exact=False).first.wait_for(timeout=60_000)  # the training split's size
    wait_for_a_picture(page)
    assert_no_exception(page)

    page.goto(f"{url}/predict")
    wait_for_app(page, timeout=180_000)
    page.get_by_role("heading", name="What the models answer").first.wait_for(timeout=60_000)
    page.get_by_text("The tutorial's grid").first.wait_for(timeout=60_000)
    page.get_by_text("of 10,000 matching", exact=False).first.wait_for(timeout=60_000)
    assert_no_exception(page)

    page.goto(f"{url}/lesson?step=6")  # one test image and the dense model's ten probabilities
    wait_for_app(page, timeout=180_000)
    page.get_by_role("heading", name="One test image, ten probabilities").first.wait_for(timeout=60_000)
    wait_for_a_picture(page)
    assert_no_exception(page)
    assert_nothing_downloaded()


def test_a_quick_training_from_the_train_page_finishes(laptop, page):
    url, assert_nothing_downloaded = laptop
    open_path(page, url, "train")
    page.get_by_role("heading", name="Train the models").first.wait_for(timeout=60_000)
    tab = page.locator('[role="tabpanel"]:visible')  # the first tab: the tutorial's dense model
    tab.get_by_role("radiogroup").first.get_by_text("Train now", exact=True).click()
    wait_for_app(page)
    assert tab.get_by_role("radio", name="Quick").is_checked()  # the page's default recipe

    tab.get_by_role("button", name="Train", exact=True).click()
    tab.get_by_text("Training dense-", exact=False).first.wait_for(timeout=60_000)  # the job's panel
    tab.get_by_text("and stored as", exact=False).wait_for(timeout=300_000)  # the success message
    wait_for_app(page)
    tab.get_by_text("Test accuracy").wait_for()
    assert_no_exception(page)
    assert_nothing_downloaded()
