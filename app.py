"""Fashion-MNIST Studio: entry point. The sidebar and navigation are in ``pages/_shell.py``.

Run with ``make run`` (or ``streamlit run app.py``).
"""

from pages._shell import run_app

run_app()
