/* View state in the query string without re-rendering the page.
 * Pages push their state with history.pushState (Dash's router does not see it);
 * back/forward reload the page, whose layout(**query) rebuilds exactly that state.
 * A page opened "zum Berichtsstand" stays in it (the parameter is kept). */
window.imUrlState = {
    push: function (params) {
        var q = new URLSearchParams();
        var stand = new URLSearchParams(window.location.search).get("berichtsstand");
        if (stand && !("berichtsstand" in params)) { q.set("berichtsstand", stand); }
        Object.keys(params).forEach(function (k) {
            if (params[k] !== null && params[k] !== undefined) { q.set(k, params[k]); }
        });
        var next = window.location.pathname + "?" + q.toString();
        if (next !== window.location.pathname + window.location.search) {
            window.history.pushState({imUrlState: true}, "", next);
        }
    }
};
window.addEventListener("popstate", function () { window.location.reload(); });

/* The Berichtsstand chooser (dashboard/components/reporting.py): carry over the
 * parameters it names (data-keep) with their current values from the address bar. */
document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || form.id !== "berichtsstand-wahl") { return; }
    event.preventDefault();
    var now = new URLSearchParams(window.location.search);
    var q = new URLSearchParams();
    (form.getAttribute("data-keep") || "").split(",").forEach(function (k) {
        if (k && now.get(k)) { q.set(k, now.get(k)); }
    });
    var stand = form.elements["berichtsstand"].value;
    if (stand && stand !== "heute") { q.set("berichtsstand", stand); }
    var s = q.toString();
    window.location.assign(form.getAttribute("action") + (s ? "?" + s : ""));
});
