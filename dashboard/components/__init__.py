"""Shared layout pieces built by small factory functions."""
