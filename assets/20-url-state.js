/* View state in the query string without re-rendering the page.
 * Pages push their state with history.pushState (Dash's router does not see it);
 * back/forward reload the page, whose layout(**query) rebuilds exactly that state. */
window.imUrlState = {
    push: function (params) {
        var q = new URLSearchParams();
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
