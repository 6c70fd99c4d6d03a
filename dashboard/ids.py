"""Component IDs, grouped by page; a mistyped ID fails at start-up."""

# shell
URL = "shell-url"
NAV = "shell-nav"

# Überblick
UEB_KPIS = "ueberblick-kpis"
UEB_DAZ_GRAPH = "ueberblick-daz-graph"
UEB_SR_GRAPH = "ueberblick-sozialraum-graph"
UEB_HF_LIST = "ueberblick-handlungsfelder"

# Anmelden
LOGIN_FORM = "anmelden-form"
