"""The store: one SQLAlchemy database (SQLite by default) behind a small interface."""
