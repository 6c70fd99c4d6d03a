"""Print the briefing to PDF with one long-lived headless Chromium per process.

Starting a browser and compiling plotly.js cost seconds, so the printer starts one
browser with one page that has plotly.js loaded, and keeps both: a document is then
put into that page, drawn and printed. The planner page asks for this warm-up
(``warm_up``) when it opens, so the first PDF of a meeting does not wait for it.
Playwright's sync API is bound to the thread that started it, so all work runs in
one worker thread: requests queue there, at most one PDF is generated at a time per
process, and memory stays at one browser however many people press the button.
Finished PDFs are cached by (data version, filters): a repeated request with the same
data answers at once.
"""

from __future__ import annotations

import atexit
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dashboard.plotly_js import bundle_path
from dashboard.reports.briefing import CHROMIUM_FLAGS, BriefingUnavailable, chromium
from dashboard.reports.html import DRAW_FN

PRINTER = "briefing_pdf"  # key of the process's printer in flask's app.extensions
CACHE_HEADER = (
    "X-Briefing"  # "neu" (generated for this request) or "zwischengespeichert"
)
CACHE_SIZE = 8
# Put a complete HTML document into the kept page (scripts are not run; the page's
# own drawBriefing() draws the figures) and start drawing.
LOAD_DOCUMENT = """(html) => {
  document.querySelectorAll(".plot").forEach((el) => Plotly.purge(el));
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll("script:not([type='application/json'])").forEach((s) => s.remove());
  document.title = doc.title;
  document.head.querySelectorAll("style").forEach((s) => s.remove());
  doc.head.querySelectorAll("style").forEach((s) => document.head.appendChild(s));
  document.body.innerHTML = doc.body.innerHTML;
  window.drawBriefing();
}"""
TIMEOUT_S = 120
RENDER_TIMEOUT_MS = 60_000


class PdfPrinter:
    """Queue of print jobs served by one worker thread that owns one browser."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf")
        self._cache: OrderedDict[Hashable, bytes] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._playwright = None
        self._browser = None
        self._page = None
        self._shell_dir = tempfile.TemporaryDirectory(prefix="im-pdf-")
        atexit.register(self.close)

    def warm_up(self) -> None:
        """Start the browser and load plotly.js in the background (idempotent)."""
        if self._page is None:
            self._pool.submit(self._warm)

    def _warm(self) -> None:
        try:
            self._ensure_page()
        except Exception:  # noqa: BLE001, S110  the real request reports the problem
            pass

    def cached(self, key: Hashable) -> bytes | None:
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        return None

    def pdf(self, key: Hashable, make_html: Callable[[str], str]) -> tuple[bytes, bool]:
        """The PDF for ``key`` and whether it was generated for this call.

        ``make_html(plotly_src)`` builds the document if needed. Queued behind any
        running job; a job finding its key cached on its turn (a colleague asked for
        the same briefing a moment earlier) returns that PDF.

        Raises
        ------
        BriefingUnavailable
            Chromium missing or printing failed (German message).
        """
        hit = self.cached(key)
        if hit is not None:
            return hit, False
        return self._pool.submit(self._job, key, make_html).result(timeout=TIMEOUT_S)

    def _job(
        self, key: Hashable, make_html: Callable[[str], str]
    ) -> tuple[bytes, bool]:
        hit = self.cached(key)
        if hit is not None:
            return hit, False
        pdf = self._print(make_html(PLOTLY_JS.as_uri()))  # plotly.js is loaded already
        with self._cache_lock:
            self._cache[key] = pdf
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return pdf, True

    def _ensure_page(self):  # noqa: ANN202
        if self._page is not None and not self._page.is_closed():
            return self._page
        from playwright.sync_api import sync_playwright

        if self._playwright is None:
            self._playwright = sync_playwright().start()
        if self._browser is None or not self._browser.is_connected():
            self._browser = self._playwright.chromium.launch(
                executable_path=chromium(), args=list(CHROMIUM_FLAGS)
            )
        shell = Path(self._shell_dir.name) / "drucken.html"
        shell.write_text(
            "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
            f"<script src='{PLOTLY_JS.as_uri()}'></script><script>{DRAW_FN}</script>"
            "</head><body></body></html>",
            encoding="utf-8",
        )
        page = self._browser.new_page()
        page.goto(shell.as_uri(), wait_until="load")
        self._page = page
        return page

    def _print(self, html_text: str) -> bytes:
        try:
            page = self._ensure_page()
        except BriefingUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001  playwright raises its own error types
            self._page = None
            raise BriefingUnavailable(
                f"Chromium konnte nicht gestartet werden ({type(exc).__name__})."
            ) from exc
        try:
            page.evaluate(LOAD_DOCUMENT, html_text)
            page.wait_for_function(
                "window.briefingReady === true", timeout=RENDER_TIMEOUT_MS
            )
            return page.pdf(prefer_css_page_size=True, print_background=True)
        except Exception as exc:  # noqa: BLE001
            self._page = None  # start afresh next time
            page.close()
            raise BriefingUnavailable(
                f"Das PDF konnte nicht erzeugt werden ({type(exc).__name__})."
            ) from exc

    def close(self) -> None:
        """Stop the browser (at exit); the next job would start a new one."""

        def stop() -> None:
            if self._browser is not None:
                self._browser.close()
            if self._playwright is not None:
                self._playwright.stop()
            self._browser = self._playwright = self._page = None

        try:
            self._pool.submit(stop).result(timeout=10)
        except Exception:  # noqa: BLE001, S110  best effort while the process ends
            pass
        self._pool.shutdown(wait=False)


# The app's lean plotly.js (bar, scatter, choropleth, scattergeo: all the briefing
# draws); a third of the full bundle, so the page loads faster.
PLOTLY_JS = bundle_path()
