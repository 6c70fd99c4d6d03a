"""Component IDs, grouped by page; a mistyped ID fails at start-up."""

# shell
URL = "shell-url"
NAV = "shell-nav"
MAIN = "inhalt"  # target of the skip link

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
# keyboard way to choose an area (issue 12)
KARTE_AREA = "karte-gebiet"
KARTE_AREA_LABEL = "karte-gebiet-beschriftung"
# captions (sentence + table) of charts redrawn by callbacks (issue 12)
DAZ_TREND_TEXT = "daz-trend-text"
DAZ_UTIL_TEXT = "daz-auslastung-text"

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

# Handlungsfelder & Ziele
ZIELE_CARDS = "ziele-karten"
ZIELE_EDIT = "ziele-bearbeiten"  # pattern-matching type of the per-goal edit buttons
ZIELE_MODAL = "ziele-dialog"
ZIELE_MODAL_TITLE = "ziele-dialog-titel"
ZIELE_EDIT_STATE = "ziele-bearbeitungsstand"
ZIELE_STATUS = "ziele-status"
ZIELE_RESPONSIBLE = "ziele-verantwortlich"
ZIELE_DATE = "ziele-datum"
ZIELE_COMMENT = "ziele-kommentar"
ZIELE_MEASURE = "ziele-massnahme"
ZIELE_IND = "ziele-indikator"
ZIELE_IND_VALUE = "ziele-messwert"
ZIELE_IND_DATE = "ziele-messdatum"
ZIELE_IND_SOURCE = "ziele-messquelle"
ZIELE_SAVE = "ziele-speichern"
ZIELE_CANCEL = "ziele-abbrechen"
ZIELE_FEEDBACK = "ziele-meldung"
ZIELE_MESSAGE = "ziele-hinweis"
ZIELE_CSV = "ziele-csv"
ZIELE_XLSX = "ziele-xlsx"
ZIELE_DOWNLOAD = "ziele-download"

# Sitzungsmodus
DECK = "sitzung-folien"
DECK_COUNTER = "sitzung-zaehler"
DECK_MAP = "sitzung-karte"
DECK_MAP_INDICATOR = "sitzung-karte-kennzahl"
DECK_SC_CHANGE = "sitzung-szenario-veraenderung"
DECK_SC_RESULT = "sitzung-szenario-ergebnis"
DECK_PLAN_SLIDES = "sitzung-planen-folien"
DECK_PLAN_AREA = "sitzung-planen-sozialraum"
DECK_PLAN_TITLE = "sitzung-planen-titel"
DECK_PLAN_CONTRAST = "sitzung-planen-kontrast"
DECK_PLAN_LINK = "sitzung-planen-link"

# Monitoring cycle (issue 10): sources that follow imports
DAZ_TREND_SOURCE = "daz-trend-quelle"
DAZ_SCHOOL_SOURCE = "daz-schulen-quelle"

# Akteure & Angebote (directory, detail views)
AKT_QUERY = "akteure-suche"
AKT_SOZIALRAUM = "akteure-sozialraum"
AKT_GEMEINDE = "akteure-gemeinde"
AKT_HF = "akteure-handlungsfeld"
AKT_ART = "akteure-art"
AKT_STATUS = "akteure-status"
AKT_TYP = "akteure-typ"
AKT_COUNTS = "akteure-anzahl"
AKT_TABLE = "akteure-tabelle"
AKT_SORT = "akteure-sortierung"  # pattern-matching type of the header buttons
AKT_SORT_STATE = "akteure-sortierzustand"
AKT_CSV_BUTTON = "akteure-csv-button"
AKT_XLSX_BUTTON = "akteure-xlsx-button"
AKT_DOWNLOAD = "akteure-download"
AKT_URL_SYNC = "akteure-url-sync"
AKT_DETAIL = "akteur-detail"
ANG_DETAIL = "angebot-detail"

# Sitzung, second pass: agenda items, presenter view
DECK_END = "sitzung-beenden"
DECK_PLAN_ITEMS = "sitzung-planen-punkte"
DECK_PLAN_STORE = "sitzung-planen-agenda"
DECK_PLAN_AUTO = "sitzung-planen-auto"
DECK_PLAN_SCENARIO = "sitzung-planen-szenario"
DECK_PLAN_PAGE = "sitzung-planen-seite"  # ties the wildcard callback to this page
