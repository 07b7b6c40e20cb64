"""Fashion-MNIST Studio: entry point. Run with ``make run`` (or ``streamlit run app.py``).

The app's script is ``streamlit_app.py`` (the sidebar and navigation of ``pages/_shell.py``, then
the chosen page); this file serves it through Streamlit's ``st.App``, whose lifespan starts, the
moment the server starts, what the first visitor's page would otherwise wait for: the dataset
read and the figures' libraries imported, in a thread (``pages/_warm_up.py``).
"""

import streamlit as st

from pages._warm_up import server_lifespan

app = st.App("streamlit_app.py", lifespan=server_lifespan)
