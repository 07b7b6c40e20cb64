"""Home: what the studio teaches, and a link to each page."""

import streamlit as st

from fmnist import data, i18n
from ui.shell import page_file
from ui.text import lang, tr

st.title(tr("home.title"))
st.write(tr("home.intro"))
st.caption(tr("home.facts", train=60000, test=10000, classes=data.NUM_CLASSES))

st.subheader(tr("home.teaches"))
for point in ("data", "composite", "models"):
    st.markdown(f"- {tr('home.point_' + point)}")

st.page_link(page_file("lesson"), label=tr("home.lesson_link"), icon=":material/school:")
st.caption(tr("home.lesson"))

st.subheader(tr("home.pages"))
for page in ("browse", "compose", "train", "predict", "draw"):
    st.page_link(page_file(page), label=f"{tr('nav.' + page)}: {tr('home.' + page)}")

st.subheader(tr("home.classes"))
st.markdown(" · ".join(f"{i} {name}" for i, name in enumerate(i18n.class_names(lang()))))
