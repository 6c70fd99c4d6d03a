/* Sitzungsmodus in the browser, no server round trip.
 * - A presentation clicker sends → / ← / Page Up / Page Down / space: these keys always
 *   move slides, whatever was clicked before; slide controls never see them (capture
 *   phase). Home / End jump, "f" toggles full screen.
 * - Focus never rests on something hidden: the page behind the deck is inert and focus
 *   leaving a slide returns to the deck.
 * - A presenter view (?ansicht=referent) in a second window follows the deck and can
 *   drive it (BroadcastChannel, same browser only, nothing leaves the machine).
 * - data-auto on the deck advances every n seconds, starting again after the last slide.
 */
(function () {
    var NEXT = ["ArrowRight", "PageDown", " ", "Spacebar"], PREV = ["ArrowLeft", "PageUp"];
    var channel = null, inerted = [], clock = null, started = Date.now(), itemStart = Date.now(), itemKey = null;

    function deck() { return document.querySelector(".im-deck"); }
    function slides() { return Array.from(document.querySelectorAll(".im-deck .im-slide")); }
    function current() { var d = deck(); return d ? Number(d.dataset.index || 0) : 0; }
    function text(id, value) { var el = document.getElementById(id); if (el) { el.textContent = value; } }
    function mmss(ms) { var s = Math.floor(ms / 1000); return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); }

    function presenter(all, i) {
        if (!document.querySelector(".im-presenter")) { return; }
        var el = all[i], key = el.dataset.itemKey;
        if (key !== itemKey) { itemKey = key; itemStart = Date.now(); }
        var first = all.find(function (s) { return s.dataset.itemKey === key; }) || el;
        var minutes = el.dataset.minutes ? " (geplant " + el.dataset.minutes + " min)" : "";
        text("sitzung-punkt", (el.dataset.item || "") + minutes);
        text("sitzung-notizen", first.dataset.notes || "keine Notizen");
        var next = all[i + 1];
        text("sitzung-naechste", next ? (i + 2) + ": " + next.getAttribute("aria-label") : "Ende der Sitzung");
        tick();
    }
    function tick() {
        text("sitzung-uhr-gesamt", mmss(Date.now() - started));
        var el = slides()[current()], limit = el && el.dataset.minutes ? Number(el.dataset.minutes) * 60000 : 0;
        var spent = Date.now() - itemStart, box = document.getElementById("sitzung-uhr-punkt");
        if (box) {
            box.textContent = mmss(spent) + (limit ? " von " + mmss(limit) : "");
            box.classList.toggle("im-overtime", limit > 0 && spent > limit);
        }
    }

    function show(index, broadcast) {
        var d = deck(), all = slides();
        if (!d || !all.length) { return; }
        var i = Math.max(0, Math.min(all.length - 1, index));
        d.dataset.index = String(i);
        all.forEach(function (el, j) {
            el.classList.toggle("im-active", j === i);
            el.setAttribute("aria-hidden", j === i ? "false" : "true");
            var n = el.querySelector(".im-slide-number");
            if (n) { n.textContent = "Folie " + (j + 1) + " / " + all.length; }
        });
        text("sitzung-zaehler", (i + 1) + " / " + all.length);
        var active = document.activeElement;
        if (active && active !== d && d.contains(active) && !all[i].contains(active) && !active.closest(".im-deck-bar")) {
            d.focus({preventScroll: true});  // never leave focus inside a hidden slide
        }
        presenter(all, i);
        var q = new URLSearchParams(window.location.search);
        q.set("folie", String(i + 1));
        window.history.replaceState(window.history.state, "", window.location.pathname + "?" + q.toString());
        window.dispatchEvent(new Event("resize"));  // let plotly size graphs that were hidden
        if (broadcast !== false && channel) { channel.postMessage({index: i}); }
    }
    function step(delta) { show(current() + delta); }
    function fullscreen() {
        if (!document.fullscreenElement && document.documentElement.requestFullscreen) {
            document.documentElement.requestFullscreen().catch(function () {});
        } else if (document.exitFullscreen) { document.exitFullscreen().catch(function () {}); }
    }
    function typing(el) {
        if (!el) { return false; }
        if (el.isContentEditable || el.tagName === "TEXTAREA") { return true; }
        return el.tagName === "INPUT" && ["text", "search", "email", "number", "password"].indexOf(el.type) >= 0;
    }

    window.addEventListener("keydown", function (e) {
        if (!deck() || typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) { return; }
        var delta = NEXT.indexOf(e.key) >= 0 ? 1 : PREV.indexOf(e.key) >= 0 ? -1 : 0;
        if (delta) {
            e.preventDefault();
            e.stopImmediatePropagation();  // a focused select or slider must not take the key
            step(delta);
            var t = e.target;
            if (t && t.closest && t.closest(".im-slide") && t.blur) { t.blur(); deck().focus({preventScroll: true}); }
        } else if (e.key === "Home") { e.preventDefault(); show(0); }
        else if (e.key === "End") { e.preventDefault(); show(1e6); }
        else if (e.key === "f") { fullscreen(); }
    }, true);

    document.addEventListener("click", function (e) {
        var btn = e.target.closest && e.target.closest("[data-deck]");
        if (!btn) { return; }
        var action = btn.getAttribute("data-deck");
        if (action === "next") { step(1); } else if (action === "prev") { step(-1); }
        else if (action === "presenter") {
            var q = new URLSearchParams(window.location.search);
            q.set("ansicht", "referent");
            q.set("folie", String(current() + 1));
            window.open(window.location.pathname + "?" + q.toString(), "im-referentenansicht", "popup,width=1200,height=800");
        } else { fullscreen(); }
    });

    function makeInert(d) {
        // Everything outside the deck (navigation behind it) is neither focusable nor read.
        for (var el = d; el && el !== document.body; el = el.parentElement) {
            Array.from(el.parentElement ? el.parentElement.children : []).forEach(function (sib) {
                if (sib !== el && !sib.inert && sib.tagName !== "SCRIPT") { sib.inert = true; inerted.push(sib); }
            });
        }
    }
    function start(d) {
        d.dataset.ready = "1";
        makeInert(d);
        if (window.BroadcastChannel) {
            channel = new BroadcastChannel("im-sitzung:" + (new URLSearchParams(window.location.search).get("folien") || ""));
            channel.onmessage = function (m) { if (m.data && typeof m.data.index === "number") { show(m.data.index, false); } };
        }
        show(Number(d.dataset.start || 1) - 1, false);
        if (document.querySelector(".im-presenter")) { clock = window.setInterval(tick, 1000); }
        var auto = Number(d.dataset.auto || 0);
        if (auto > 0 && !document.querySelector(".im-presenter")) {
            window.setInterval(function () {
                var n = slides().length;
                show(current() + 1 >= n ? 0 : current() + 1);
            }, auto * 1000);
        }
    }
    new MutationObserver(function () {
        var d = deck();
        if (d && !d.dataset.ready && slides().length) { start(d); }
        if (!d && inerted.length) {
            inerted.forEach(function (el) { el.inert = false; });
            inerted = [];
            if (channel) { channel.close(); channel = null; }
            if (clock) { window.clearInterval(clock); clock = null; }
        }
    }).observe(document.documentElement, {childList: true, subtree: true});

    /* Planner: the PDF button shows progress and cannot be pressed twice. */
    document.addEventListener("click", function (e) {
        var link = e.target.closest && e.target.closest("#briefing-pdf");
        if (!link) { return; }
        e.preventDefault();
        if (link.getAttribute("aria-disabled") === "true") { return; }
        var label = link.textContent, status = document.getElementById("briefing-status");
        link.setAttribute("aria-disabled", "true");
        link.classList.add("disabled");
        link.textContent = "PDF wird erstellt …";
        if (status) { status.textContent = "Das Briefing wird erstellt, bitte warten."; }
        fetch(link.getAttribute("href")).then(function (r) {
            if (!r.ok) { return r.text().then(function (t) { throw new Error(t || ("HTTP " + r.status)); }); }
            var name = "Kreistag-Briefing.pdf", cd = r.headers.get("Content-Disposition") || "";
            var m = /filename="([^"]+)"/.exec(cd);
            if (m) { name = m[1]; }
            return r.blob().then(function (b) {
                var a = document.createElement("a");
                a.href = URL.createObjectURL(b);
                a.download = name;
                document.body.appendChild(a);
                a.click();
                a.remove();
                window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
                if (status) { status.textContent = "Das Briefing wurde heruntergeladen (" + name + ")."; }
            });
        }).catch(function (err) {
            if (status) { status.textContent = "Das PDF konnte nicht erstellt werden: " + err.message; }
        }).finally(function () {
            link.removeAttribute("aria-disabled");
            link.classList.remove("disabled");
            link.textContent = label;
        });
    });
})();
