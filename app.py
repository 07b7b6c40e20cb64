"""Fashion-MNIST Studio: entry point. Run with ``make run`` (or ``streamlit run app.py``).

The app's script is ``ui/main.py`` (the sidebar and navigation of ``ui/shell.py``, then the chosen
page of ``pages/``); this file serves it through Streamlit's ``st.App``, whose lifespan starts, the
moment the server starts, what the first visitor's page would otherwise wait for: the dataset
read and the figures' libraries imported, in a thread (``ui/warm_up.py``).
"""

import streamlit as st

from ui.warm_up import server_lifespan

app = st.App("ui/main.py", lifespan=server_lifespan)
