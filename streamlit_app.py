"""Fashion-MNIST Studio's script, run for every page of every browser session: the sidebar and the
navigation (``pages/_shell.py``), then the chosen page. ``app.py`` serves it."""

from pages._shell import run_app

run_app()
