"""Component IDs, grouped by page; a mistyped ID fails at start-up."""

from typing import NamedTuple

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
NAV_LOGIN = "shell-nav-anmelden"  # nav entry showing the login state

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
# issue 10 (map by indicator, Berichtsstand): the Berichtsstand a map/deck shows
KARTE_BERICHTSSTAND = "karte-berichtsstand"
DECK_BERICHTSSTAND = "sitzung-berichtsstand"
IND_PAGE_MAP_LINK = "indikator-karte-link"
DECK_PLAN_INDICATOR = "sitzung-planen-kennzahl"
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
IND_CATALOGUE = "indikatoren-katalog"
IND_FORM_PICK = "indikator-form-auswahl"
IND_FORM_FIELD = "indikator-feld"  # prefix: indikator-feld-<field>
IND_FORM_BASE = "indikator-form-version"
IND_FORM_SAVE = "indikator-form-speichern"
IND_FORM_MSG = "indikator-form-meldung"
IND_VERSION = "indikatoren-datenversion"
IND_PAGE_CHART = "indikator-diagramm"
IND_PAGE_TABLE = "indikator-tabelle"
IND_PAGE_META = "indikator-metadaten"
IND_PAGE_ID = "indikator-kennung"
IND_ENTRY_DATE = "indikator-eingabe-datum"
IND_ENTRY_AREA = "indikator-eingabe-gebiet"
IND_ENTRY_VALUE = "indikator-eingabe-wert"
IND_ENTRY_SOURCE = "indikator-eingabe-quelle"
IND_ENTRY_SAVE = "indikator-eingabe-speichern"
IND_ENTRY_MSG = "indikator-eingabe-meldung"
IND_PAGE_BODY = "indikator-inhalt"
# withdrawing a Messwert entered by hand (dashboard.components.value_withdrawal)
IND_WITHDRAW_PICK = "indikator-ruecknahme-wert"
IND_WITHDRAW_REASON = "indikator-ruecknahme-grund"
IND_WITHDRAW_SAVE = "indikator-ruecknahme-speichern"
IND_WITHDRAW_MSG = "indikator-ruecknahme-meldung"

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
AKT_MORE = "akteure-alle"
AKT_DETAIL = "akteur-detail"
ANG_DETAIL = "angebot-detail"

# Sitzung, second pass: agenda items, presenter view
DECK_END = "sitzung-beenden"
DECK_PLAN_ITEMS = "sitzung-planen-punkte"
DECK_PLAN_STORE = "sitzung-planen-agenda"
DECK_PLAN_AUTO = "sitzung-planen-auto"
DECK_PLAN_SCENARIO = "sitzung-planen-szenario"
DECK_PLAN_PAGE = "sitzung-planen-seite"  # ties the wildcard callback to this page
# Navigation bar search (every page)
SEARCH_INPUT = "nav-suche"
SEARCH_RESULTS = "nav-suche-ergebnisse"
SEARCH_LIST = "nav-suche-liste"

# Akteure: network of relations
NETZ_HF = "netz-handlungsfeld"
NETZ_SOZIALRAUM = "netz-sozialraum"
NETZ_READY = "netz-bereit"
NETZ_BOX = "netz-grafik-bereich"
NETZ_GRAPH = "netz-grafik"
NETZ_LIST = "netz-liste"
NETZ_COUNTS = "netz-anzahl"
NETZ_NAV = "netz-navigation"
NETZ_URL_SYNC = "netz-url-sync"

# Akteure: upkeep (pattern-matching types; the forms exist only for editors)
REC_FIELD = "eintrag-feld"
REC_REASON = "eintrag-grund"
REC_SAVE = "eintrag-speichern"
REC_VIEW = "eintrag-ansicht"
REC_META = "eintrag-stand"

# Akteure: actor list export / re-import
AL_CSV_BUTTON = "akteursliste-csv-button"
AL_XLSX_BUTTON = "akteursliste-xlsx-button"
AL_DOWNLOAD = "akteursliste-download"


# Monitoring cycle (issue 10): Berichtsstände and Veränderungen
VER_FROM = "veraenderungen-von"
VER_TO = "veraenderungen-bis"
VER_BODY = "veraenderungen-inhalt"
VER_URL_SYNC = "veraenderungen-url-sync"
BS_NAME = "berichtsstand-name"
BS_DATE = "berichtsstand-datum"
BS_CLOSE = "berichtsstand-abschliessen"
BS_MSG = "berichtsstand-meldung"
BS_LIST = "berichtsstand-liste"

# Monitoring cycle (issue 10, i10d): pages opened "zum Berichtsstand"
BS_BANNER = "berichtsstand-hinweis"
BS_CHOOSER = "berichtsstand-wahl"
BS_CHOOSER_SELECT = "berichtsstand-wahl-liste"
DAZ_BERICHTSSTAND = "daz-berichtsstand"

# Betrieb (issue 13): user administration
BEN_TABLE = "benutzer-tabelle"
BEN_NEW_NAME = "benutzer-neu-name"
BEN_NEW_ROLE = "benutzer-neu-rolle"
BEN_NEW_PASSWORD = "benutzer-neu-passwort"
BEN_CREATE = "benutzer-anlegen"
BEN_SELECT = "benutzer-auswahl"
BEN_ACTION = "benutzer-aktion"
BEN_ROLE = "benutzer-rolle"
BEN_PASSWORD = "benutzer-passwort"
BEN_APPLY = "benutzer-ausfuehren"
BEN_MESSAGE = "benutzer-meldung"


# Import panels (dashboard.components.import_panel): one set per dataset, by prefix
class ImportIds(NamedTuple):
    upload: str
    template_button: str
    template: str
    preview: str
    pending: str
    commit: str
    msg: str
    log: str
    revert: str  # pattern-matching type of the revert buttons
    ok: str
    errors: str
    reverted: str
    # the confirmation dialog of a revert (what goes, a required reason)
    dialog: str
    dialog_summary: str
    reason: str
    reason_error: str
    confirm: str
    cancel: str
    target: str  # dcc.Store: the import the dialog is about


def _import_ids(p: str) -> ImportIds:
    names = ("upload", "vorlage-button", "vorlage", "vorschau", "upload-daten")
    names += ("uebernehmen", "meldung", "importe", "zuruecknehmen", "import-ok")
    names += ("fehler", "zurueck", "ruecknahme-dialog", "ruecknahme-umfang")
    names += ("ruecknahme-grund", "ruecknahme-grund-fehler", "ruecknahme-bestaetigen")
    names += ("ruecknahme-abbrechen", "ruecknahme-import")
    return ImportIds(*(f"{p}-{name}" for name in names))


DAZ_IMPORT = _import_ids("daz")
MW_IMPORT = _import_ids("messwerte")
AL_IMPORT = _import_ids("akteursliste")

# Owners and Maßnahmen per goal (issue 10)
ZIELE_OFFICE = "ziele-fachamt"
MASSNAHME_NEW = "massnahme-neu"  # pattern-matching type {"type", "ziel"}
MASSNAHME_EDIT = "massnahme-bearbeiten"  # pattern-matching type {"type", "id"}
MASSNAHME_DONE = "massnahme-abschliessen"  # pattern-matching type {"type", "id", "v"}
MASSNAHME_MODAL = "massnahme-dialog"
MASSNAHME_MODAL_TITLE = "massnahme-dialog-titel"
MASSNAHME_STATE = "massnahme-bearbeitungsstand"
MASSNAHME_TITLE = "massnahme-titel"
MASSNAHME_STATUS = "massnahme-status"
MASSNAHME_DUE = "massnahme-faellig"
MASSNAHME_ACTOR = "massnahme-akteur"
MASSNAHME_REASON = "massnahme-grund"
MASSNAHME_SAVE = "massnahme-speichern"
MASSNAHME_CANCEL = "massnahme-abbrechen"
MASSNAHME_FEEDBACK = "massnahme-meldung"

# Beschlüsse (issue 10): register page and its form
BES_TABLE = "beschluesse-tabelle"
BES_TARGET = "beschluss-auswahl"
BES_DATE = "beschluss-datum"
BES_BODY = "beschluss-gremium"
BES_NUMBER = "beschluss-nummer"
BES_TEXT = "beschluss-text"
BES_GOALS = "beschluss-ziele"
BES_WHOLE = "beschluss-gesamtes-konzept"
BES_REASON = "beschluss-grund"
BES_ERROR = "beschluss-fehler"  # pattern-matching type, one per field
BES_SAVE = "beschluss-speichern"
BES_WITHDRAW = "beschluss-zurueckziehen"
BES_MSG = "beschluss-meldung"
BES_BASE = "beschluss-fassung"
