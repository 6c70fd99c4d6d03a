"""Callbacks shared by pages or too large for a page module."""
