"""Home: what the studio teaches, and a link to each page."""

import streamlit as st

from fmnist import data, i18n
from pages._ui import lang, tr

st.title(tr("home.title"))
st.write(tr("home.intro"))
st.caption(tr("home.facts", train=60000, test=10000, classes=data.NUM_CLASSES))

st.subheader(tr("home.teaches"))
for point in ("data", "composite", "models", "predict"):
    st.markdown(f"- {tr('home.point_' + point)}")

st.subheader(tr("home.pages"))
for page, path in (("browse", "pages/browse.py"), ("compose", "pages/compose.py"),
                   ("train", "pages/train.py"), ("predict", "pages/predict.py")):
    try:
        st.page_link(path, label=f"{tr('nav.' + page)}: {tr('home.' + page)}")
    except st.errors.StreamlitAPIException:
        pass  # the page is not in the navigation yet

st.subheader(tr("home.classes"))
st.markdown(" · ".join(f"{i} {name}" for i, name in enumerate(i18n.class_names(lang()))))
