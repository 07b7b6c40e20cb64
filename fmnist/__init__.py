"""Fashion-MNIST Studio's library: data, composites, models, plots and text. No Streamlit here."""
