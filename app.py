"""Fashion-MNIST Studio: entry point, navigation and sidebar.

Run with ``make run`` (or ``streamlit run app.py``).
"""

import streamlit as st

from fmnist import i18n, registry, training
from pages._ui import SHIPPED, active_model_key, active_model_path, metric_text, model_name, settle_models, tr

st.set_page_config(page_title="Fashion-MNIST Studio", page_icon="👕", layout="wide")


def language_ui() -> str:
    """Language picker in the sidebar, kept in the URL (?lang=ko) so a link carries it."""
    if "lang" not in st.session_state:
        st.session_state.lang = i18n.normalise_language(st.query_params.get("lang"))
    choice = st.sidebar.radio(
        "Language / 언어", options=list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get,
        key="lang", horizontal=True,
    )
    st.query_params["lang"] = choice
    return choice


def models_ui() -> None:
    """Which model each page uses in this session, with its headline test figure (read from its JSON)."""
    settle_models()
    st.sidebar.caption(f"**{tr('app.models')}**")  # small, like the list below it
    for kind in training.KINDS:
        path = active_model_path(kind)
        metadata = registry.read_metadata(path)
        if metadata is None or not path.exists():
            st.sidebar.caption(tr("app.model_missing", name=model_name(kind)))
        else:
            source = "app.model_shipped" if active_model_key(kind) == SHIPPED else "app.model_session"
            st.sidebar.caption(tr(source, name=model_name(kind), metric=metric_text(metadata)))


language_ui()
models_ui()

PAGES = {
    "": [
        st.Page("pages/home.py", title=tr("nav.home"), icon="🏠", url_path="home", default=True),
    ],
    tr("nav.section_data"): [
        st.Page("pages/browse.py", title=tr("nav.browse"), icon="🔎", url_path="browse"),
        st.Page("pages/compose.py", title=tr("nav.compose"), icon="🧩", url_path="compose"),
    ],
    tr("nav.section_models"): [
        st.Page("pages/train.py", title=tr("nav.train"), icon="🏋️", url_path="train"),
    ],
}
navigation = st.navigation({section: pages for section, pages in PAGES.items() if pages})
navigation.run()
