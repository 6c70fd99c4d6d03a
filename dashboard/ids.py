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

# DaZ & Schulen
DAZ_TABS = "daz-tabs"
DAZ_TREND = "daz-trend"
DAZ_TREND_NOTE = "daz-trend-hinweis"
DAZ_YEAR = "daz-schuljahr"
DAZ_SCHULART = "daz-schulart"
DAZ_SOZIALRAUM = "daz-sozialraum"
DAZ_GEMEINDE = "daz-gemeinde"
DAZ_GROUP = "daz-gruppierung"
DAZ_SCHOOL_TABLE = "daz-schulen-tabelle"
DAZ_SCHOOL_SORT = "daz-schulen-sortierung"
DAZ_SCHOOL_SORT_STATE = "daz-schulen-sortierzustand"
DAZ_GROUP_TABLE = "daz-summen"
DAZ_UTIL_GRAPH = "daz-auslastung"
DAZ_CSV_BUTTON = "daz-csv-button"
DAZ_XLSX_BUTTON = "daz-xlsx-button"
DAZ_DOWNLOAD = "daz-download"
DAZ_URL_SYNC = "daz-url-sync"
DAZ_SC_CHANGE = "daz-szenario-veraenderung"
DAZ_SC_PER_TYPE = "daz-szenario-je-schulart"
DAZ_SC_TYPE_CHANGES = "daz-szenario-schularten"
DAZ_SC_CLASS_SIZE = "daz-szenario-klassengroesse"
DAZ_SC_RESULT = "daz-szenario-ergebnis"
DAZ_UPLOAD = "daz-upload"
DAZ_TEMPLATE_BUTTON = "daz-vorlage-button"
DAZ_TEMPLATE = "daz-vorlage"
DAZ_PREVIEW = "daz-vorschau"
DAZ_PENDING = "daz-upload-daten"
DAZ_COMMIT = "daz-uebernehmen"
DAZ_IMPORT_MSG = "daz-import-meldung"
DAZ_IMPORTS = "daz-importe"
DAZ_REVERT = "daz-zuruecknehmen"  # pattern-matching type
DAZ_VERSION = "daz-datenversion"
