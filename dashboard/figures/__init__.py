"""Pure figure builders: DataFrames in, ``go.Figure`` out; no Dash, no I/O."""
