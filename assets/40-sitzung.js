/* Sitzungsmodus: slide navigation in the browser, as a presentation clicker sends it
 * (→ / ← / Page Up / Page Down / space), "f" for full screen. No server round trip. */
(function () {
    function deck() { return document.querySelector(".im-deck"); }
    function slides() { return Array.from(document.querySelectorAll(".im-deck .im-slide")); }
    function show(index) {
        var d = deck(), all = slides();
        if (!d || !all.length) { return; }
        var i = Math.max(0, Math.min(all.length - 1, index));
        d.dataset.index = String(i);
        all.forEach(function (el, j) {
            el.classList.toggle("im-active", j === i);
            var n = el.querySelector(".im-slide-number");
            if (n) { n.textContent = "Folie " + (j + 1) + " / " + all.length; }
        });
        var counter = document.getElementById("sitzung-zaehler");
        if (counter) { counter.textContent = (i + 1) + " / " + all.length; }
        var q = new URLSearchParams(window.location.search);
        q.set("folie", String(i + 1));
        window.history.replaceState(window.history.state, "", window.location.pathname + "?" + q.toString());
        window.dispatchEvent(new Event("resize"));  // let plotly size graphs that were hidden
    }
    function step(delta) { var d = deck(); if (d) { show(Number(d.dataset.index || 0) + delta); } }
    function fullscreen() {
        if (!document.fullscreenElement && document.documentElement.requestFullscreen) {
            document.documentElement.requestFullscreen().catch(function () {});
        } else if (document.exitFullscreen) { document.exitFullscreen().catch(function () {}); }
    }
    document.addEventListener("keydown", function (e) {
        if (!deck()) { return; }
        var tag = (e.target && e.target.tagName) || "";
        if (["INPUT", "SELECT", "TEXTAREA"].indexOf(tag) >= 0 || (e.target && e.target.isContentEditable)) { return; }
        if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") { step(1); e.preventDefault(); }
        else if (e.key === "ArrowLeft" || e.key === "PageUp") { step(-1); e.preventDefault(); }
        else if (e.key === "Home") { show(0); } else if (e.key === "End") { show(1e6); }
        else if (e.key === "f") { fullscreen(); }
    });
    document.addEventListener("click", function (e) {
        var btn = e.target.closest && e.target.closest("[data-deck]");
        if (!btn) { return; }
        var action = btn.getAttribute("data-deck");
        if (action === "next") { step(1); } else if (action === "prev") { step(-1); } else { fullscreen(); }
    });
    new MutationObserver(function () {
        var d = deck();
        if (d && !d.dataset.ready && slides().length) {
            d.dataset.ready = "1";
            show(Number(d.dataset.start || 1) - 1);
        }
    }).observe(document.documentElement, {childList: true, subtree: true});
})();
