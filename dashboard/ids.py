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

# Karte
KARTE_GRAPH = "karte-graph"
KARTE_LEVEL = "karte-ebene"
KARTE_INDICATOR = "karte-indikator"
KARTE_LAYERS = "karte-ebenen"
KARTE_LABELS = "karte-beschriftung"
KARTE_SELECTION = "karte-auswahl"
KARTE_PANEL = "karte-panel"
KARTE_TABLE = "karte-tabelle"
KARTE_SORT = "karte-sortierung"  # pattern-matching type of the header buttons
KARTE_SORT_STATE = "karte-sortierzustand"
KARTE_CSV_BUTTON = "karte-csv-button"
KARTE_CSV = "karte-csv"
KARTE_URL_SYNC = "karte-url-sync"
KARTE_CAVEAT = "karte-hinweis"
