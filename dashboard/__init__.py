"""Integrationsmonitor Landkreis Meißen: a Dash dashboard for the integration concept."""
