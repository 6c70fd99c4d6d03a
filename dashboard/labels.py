"""German texts of the UI, in one place."""

APP_TITLE = "Integrationsmonitor Landkreis Meißen"
APP_SHORT_TITLE = "Integrationsmonitor LK Meißen"
APP_SUBTITLE = "Monitoring zum Integrationskonzept des Landkreises Meißen"
NAV_UEBERBLICK = "Überblick"
NAV_ANMELDEN = "Anmelden"
NAV_ABMELDEN = "Abmelden"
NAV_ANGEMELDET = (
    "Angemeldet"  # nav entry while logged in, over the name (links to Abmelden)
)
NAV_ANGEMELDET_TITLE = "Angemeldet als {name} (Rolle {rolle}) – hier abmelden"
SKIP_LINK = "Zum Inhalt springen"

KONZEPT = "Integrationskonzept des Landkreises Meißen"
BKG_ATTRIBUTION = (
    "Verwaltungsgrenzen: © GeoBasis-DE / BKG 2017, dl-de/by-2-0, Daten verändert"
)
SOZIALRAUM_HINWEIS = "Arbeitsstand – Zuordnung durch die Sozialplanung zu bestätigen"

DATASET_TITLES = {
    "schulen_daz": "Schulen mit DaZ-Vorbereitungsklassen",
    "daz_schuljahre": "DaZ-Schüler nach Schuljahr",
    "handlungsfelder": "Handlungsfelder",
    "kernaussagen": "Kernaussagen der Handlungsfelder",
    "ziele": "Ziele der Handlungsfelder",
    "leitlinien": "Integrationsleitlinien",
    "dimensionen": "Dimensionen der Integration",
    "akteure": "Akteure der Integrationsarbeit",
    "akteur_beziehungen": "Beziehungen zwischen Akteuren",
    "angebote": "Angebote und Standorte",
    "kennzahlen": "Kennzahlen aus dem Konzept",
    "indikatoren": "Indikatoren der Ziele (Basiswerte)",
    "einwohner": "Einwohner je Gemeinde",
    "sozialraeume": "Zuordnung Gemeinde – Sozialraum",
}

LOGIN_TITLE = "Anmelden zur Bearbeitung"
LOGIN_HINT = (
    "Ansehen ist ohne Anmeldung möglich. Zum Bearbeiten melden Sie sich mit einem "
    "Konto der Rolle „Bearbeitung“ oder „Administration“ an."
)
LOGIN_FAILED = "Anmeldung fehlgeschlagen: Benutzername oder Passwort stimmt nicht."
LOGIN_LOCKED = (
    "Zu viele fehlgeschlagene Anmeldungen für diesen Namen. Bitte in 15 Minuten erneut "
    "versuchen oder die Administration ansprechen."
)

# Akteure & Angebote
NAV_AKTEURE = "Akteure"
AKTEURE_TITLE = "Akteure und Angebote"
LANDKREISWEIT = "landkreisweit"
HF_LAUT_KONZEPT = "laut Konzept"
HF_ZUORDNUNG = "Zuordnung (Arbeitsstand)"
NO_TASKS = "Das Konzept nennt für diesen Akteur keine eigenen Aufgaben."
# How a relation reads from its target's side ("X wird koordiniert von Y").
RELATION_INCOMING = {
    "koordiniert": "wird koordiniert von",
    "organisiert": "wird organisiert von",
    "kooperiert mit": "kooperiert mit",
    "Mitglied von": "hat als Mitglied",
    "angesiedelt bei": "bei ihm angesiedelt:",
    "beauftragt": "beauftragt von",
    "betreibt": "betrieben von",
    "finanziert": "finanziert von",
    "beschäftigt": "beschäftigt von",
    "soll nutzen": "soll genutzt werden von",
    "soll sensibilisieren": "soll sensibilisiert werden von",
}

# Betrieb (issue 13): HTTP answers and user administration
CSRF_FAILED = (
    "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte die Seite "
    "neu laden und erneut absenden."
)
TOO_MANY_REQUESTS = (
    "Zu viele Anfragen von Ihrer Adresse – bitte später erneut versuchen."
)
TOO_LARGE = "Die Anfrage ist zu groß."
NOT_FOUND = "Diese Seite gibt es nicht."
BAD_REQUEST = "Die Anfrage ist ungültig."
SERVER_ERROR = (
    "Ein interner Fehler ist aufgetreten; er wurde protokolliert. Bitte später erneut "
    "versuchen."
)
NAV_BENUTZER = "Benutzer"
BENUTZER_TITLE = "Benutzerverwaltung"

# Barrierefreiheit, Seite nicht gefunden (issue 12)
NOT_FOUND_TITLE = "Seite nicht gefunden"
NAV_HILFE = "Hilfe"
IMPRESSUM = "Impressum"
DATENSCHUTZ = "Datenschutz"
BARRIEREFREIHEIT = "Erklärung zur Barrierefreiheit"
FOOTER_LINKS = "Hilfe und rechtliche Hinweise"
# texts inside dcc.Dropdown (Dash ships them in English)
DROPDOWN = {
    "select_all": "Alle auswählen",
    "deselect_all": "Auswahl aufheben",
    "selected_count": "{num_selected} ausgewählt",
    "search": "Suchen",
    "clear_search": "Suche löschen",
    "clear_selection": "Auswahl löschen",
    "no_options_found": "Keine Treffer",
}
CLASS_SIZE_INVALID = (
    "„{value}“ ist keine Zahl zwischen 5 und 30; gerechnet wird mit der beobachteten "
    "Klassengröße."
)
NOT_FOUND_TEXT = (
    "Diese Adresse gibt es im Integrationsmonitor nicht. Bitte prüfen Sie die "
    "Schreibweise oder wählen Sie eine der folgenden Seiten:"
)

# Betrieb (issue 13): user administration
BENUTZER_ONLY_ADMIN = (
    "Die Benutzerverwaltung steht nur angemeldeten Konten der Rolle „Administration“ "
    "offen."
)
BENUTZER_HINT = (
    "Jede Änderung wird protokolliert (wer, wann) und beendet alle laufenden Sitzungen "
    "des Kontos sofort. Das eigene Konto kann nicht gesperrt oder herabgestuft werden."
)
SEARCH_LABEL = (
    "Suche in Schulen, Gemeinden, Sozialräumen, Zielen, Akteuren und Angeboten"
)
SEARCH_PLACEHOLDER = "Suchen …"
SEARCH_NONE = "Keine Treffer."

# German column headers of CSV/Excel downloads (technical name: header)
EXPORT_COLUMNS = {
    "schuljahr": "Schuljahr",
    "schule_id": "Schule (Kennung)",
    "name_dokument": "Schule (wie im Konzept)",
    "name_amtlich": "Schule (amtlicher Name)",
    "schulnummer": "Schulnummer",
    "schulart": "Schulart",
    "adresse": "Adresse",
    "ags": "Amtlicher Gemeindeschlüssel",
    "gemeinde": "Gemeinde",
    "sozialraum": "Sozialraum",
    "vka_schueler": "VKA-Schüler",
    "vka_klassen": "VKA-Klassen",
    "kapazitaetsreserve": "Kapazitätsreserve (freie Plätze)",
    "plaetze": "Plätze",
    "auslastung": "Auslastung",
    "auslastung_prozent": "Auslastung (%)",
    "quelle": "Quelle",
    "stand": "Stand",
    "hf_id": "Handlungsfeld",
    "ziel_id": "Ziel (Kennung)",
    "text": "Text",
    "status": "Status",
    "verantwortlich": "Verantwortlich",
    "massnahme": "Maßnahme",
    "kommentar": "Kommentar",
    "datum": "Datum",
    "benutzer": "Bearbeitet von",
    "zeit": "Gespeichert am",
    "version": "Fassung",
    "indikator_id": "Indikator (Kennung)",
    "indikator": "Indikator",
    "einheit": "Einheit",
    "basis_wert": "Basiswert",
    "basis_datum": "Basiswert Datum",
    "ziel_wert": "Zielwert",
    "ziel_datum": "Zielwert Datum",
    "letzter_messwert": "Letzter Messwert",
    "letzter_messwert_datum": "Letzter Messwert Datum",
    "wert": "Wert",
    "name": "Name",
    "art": "Art",
    "phase": "Phase",
    "schueler": "Schüler",
    "ebene": "Ebene",
    "fundstelle": "Fundstelle",
    "hinweis": "Hinweis",
    "import_id": "Import Nr.",
    "import_benutzer": "Importiert von",
    "import_zeit": "Importiert am",
    "akteur_id": "Akteur (Kennung)",
    "handlungsfelder": "Handlungsfelder",
    "hf_laut_konzept": "Handlungsfelder laut Konzept",
    "aufgaben": "Aufgaben",
    "gebiet": "Gebiet",
    "anzahl": "Anzahl",
    "ende": "Ende",
    "typ": "Typ",
    # owners and Maßnahmen per goal (issue 10)
    "verantwortliche": "Verantwortlich",
    "fachamt": "Fachamt",
    "massnahmen": "Maßnahmen (Status, Fälligkeit, zuständig)",
}

# History on demand (issue 14): long histories and logs show their latest entries
HISTORY_OLDER = "Weitere anzeigen (ältere Einträge)"
HISTORY_NEWER = "Neuere Einträge anzeigen"
HISTORY_RANGE = "Einträge {first}–{last} von {total}"

# Owners and Maßnahmen per goal (issue 10): the one vocabulary of Maßnahme states
# (word: symbol; the symbol is decorative, the word carries the meaning)
MASSNAHME_STATUS = {
    "geplant": "◔",
    "laufend": "◑",
    "abgeschlossen": "●",
    "ausgesetzt": "‖",
}
MASSNAHME_OPEN = ("geplant", "laufend")  # these can become overdue
NOT_SET = "nicht festgelegt"
OWNERS_LABEL = "Verantwortlich"
OFFICE_LABEL = "Fachamt"
OFFICE_HELP = "Behörden aus dem Akteursverzeichnis"
MEASURES_LABEL = "Maßnahmen"
MEASURES_NONE = "noch keine eingetragen"
MEASURES_LEGACY = "Frühere Einträge (Freitext, vor der Maßnahmenliste)"
MEASURE_DUE = "fällig {date}"
MEASURE_NO_DUE = "ohne Fälligkeit"
MEASURE_OVERDUE = "überfällig"
MEASURE_ADD = "Maßnahme hinzufügen"
MEASURE_EDIT = "Bearbeiten"
MEASURE_DONE = "Als abgeschlossen markieren"

# Beschlüsse (issue 10)
BESCHLUESSE = "Beschlüsse"
BESCHLUSS = "Beschluss"
BESCHLUSS_LINK = "zum Beschluss"
BESCHLUSS_NONE = "Noch keine Beschlüsse erfasst."
BESCHLUSS_NEW = "neuen Beschluss erfassen"
BESCHLUSS_FORM_TITLE = "Beschluss erfassen, korrigieren oder zurückziehen"
BESCHLUSS_SAVE = "Beschluss speichern"
BESCHLUSS_WHOLE = "Betrifft das gesamte Konzept"
BESCHLUSS_WITHDRAW = "Beschluss zurückziehen"
BESCHLUSS_INTRO = (
    "Beschlüsse der Lenkungsgruppe, des Kreistags und seiner Ausschüsse zum "
    "Integrationskonzept. Sie erscheinen als Markierung in den Zeitverläufen (DaZ, "
    "Indikatoren) und im Verlauf der verknüpften Ziele. Korrekturen und Rücknahmen "
    "werden als neue Fassung gespeichert; nichts wird gelöscht."
)

# Tempo (issue 14): long lists show their first entries
SCHOOLS_SHOWN = (
    "Gezeigt: die ersten {shown} von {total} Schulen in dieser Sortierung. Alle "
    "Schulen: Filter oben eingrenzen oder als CSV/Excel herunterladen."
)

# Überblick: figures from the concept name their own date in the box label (issue 10c)
KPI_AS_OF = "{label}, Stand {stand}"
