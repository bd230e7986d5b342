"""The window. The only package that imports Qt: it renders the core's model and calls the core."""
