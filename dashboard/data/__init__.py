"""Data layer: validated loaders for ``data/`` and ``geo/`` and the joins between them."""
