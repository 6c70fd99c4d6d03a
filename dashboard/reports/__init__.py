"""Printed output: the Kreistag briefing as HTML and PDF."""
