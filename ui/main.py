"""Fashion-MNIST Studio's script, run for every page of every browser session: the sidebar and the
navigation (``ui/shell.py``), then the chosen page from ``pages/``. ``app.py`` serves it."""

from ui.shell import run_app

run_app()
