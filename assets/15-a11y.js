/* Accessibility repairs for third-party widgets whose markup we cannot set from Python
 * (dash-bootstrap-components 2.0 tabs, Dash 4 dropdown, slider and upload).
 * Runs after every DOM change; each repair is idempotent, so re-renders are harmless.
 * No inline code: this file is served from /assets and fits a strict CSP. */
(function () {
    function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

    // dbc.Tabs renders every tab with the same id, aria-controls to a missing pane and
    // tabindex -1: give each tab the id its pane already points to, selection state and
    // a roving tabindex (arrow keys move between tabs, see keydown below).
    function tabs(root) {
        root.querySelectorAll("[role=tablist]").forEach(function (list) {
            var content = list.nextElementSibling;
            var panes = content ? content.querySelectorAll(":scope > [role=tabpanel]") : [];
            list.querySelectorAll("[role=tab]").forEach(function (tab, i) {
                var pane = panes[i];
                var id = pane && pane.getAttribute("aria-labelledby");
                if (id && tab.id !== id) { tab.id = id; }
                if (pane && tab.getAttribute("aria-controls") !== pane.id) {
                    tab.setAttribute("aria-controls", pane.id);
                }
                var active = tab.classList.contains("active");
                if (tab.getAttribute("aria-selected") !== String(active)) {
                    tab.setAttribute("aria-selected", String(active));
                }
                var index = active ? "0" : "-1";
                if (tab.getAttribute("tabindex") !== index) { tab.setAttribute("tabindex", index); }
                if (tab.getAttribute("href") === "#") { tab.removeAttribute("href"); }
            });
        });
    }

    // Dash 4 dropdown: a hidden proxy input takes the Tab stop and forwards focus to
    // the real (labelled) button. Let the button take the Tab stop itself.
    function dropdowns(root) {
        root.querySelectorAll(".dash-dropdown-focus-target").forEach(function (proxy) {
            if (proxy.getAttribute("tabindex") !== "-1") { proxy.setAttribute("tabindex", "-1"); }
            var button = proxy.nextElementSibling;
            if (button && button.tagName === "BUTTON" && !button.disabled &&
                button.getAttribute("tabindex") !== "0") {
                button.setAttribute("tabindex", "0");
            }
        });
    }

    // Dash 4 slider: neither the thumb (role=slider) nor its number field has a name.
    // Use the form label written for the slider (label[for=id] or the label before it).
    function sliderLabel(container) {
        if (container.id) {
            var byFor = document.querySelector('label[for="' + CSS.escape(container.id) + '"]');
            if (byFor) { return text(byFor); }
        }
        var prev = container.previousElementSibling;
        return prev && prev.tagName === "LABEL" ? text(prev) : "";
    }
    function sliders(root) {
        root.querySelectorAll(".dash-slider-container").forEach(function (container) {
            var name = sliderLabel(container);
            if (!name) { return; }
            container.querySelectorAll("[role=slider], input").forEach(function (el) {
                if (el.getAttribute("aria-label") !== name) { el.setAttribute("aria-label", name); }
            });
        });
    }

    // dcc.Upload: the file field is named by the visible text of its drop zone.
    function uploads(root) {
        root.querySelectorAll("input[type=file]:not([aria-label])").forEach(function (input) {
            var zone = input.parentElement;
            var name = text(zone) || "Datei auswählen";
            input.setAttribute("aria-label", name);
        });
    }

    function repair() {
        tabs(document); dropdowns(document); sliders(document); uploads(document);
    }

    var scheduled = false;
    function schedule() {
        if (scheduled) { return; }
        scheduled = true;
        window.requestAnimationFrame(function () { scheduled = false; repair(); });
    }

    document.addEventListener("keydown", function (e) {
        var tab = e.target.closest && e.target.closest("[role=tab]");
        if (!tab || ["ArrowLeft", "ArrowRight", "Home", "End"].indexOf(e.key) < 0) { return; }
        var all = Array.from(tab.closest("[role=tablist]").querySelectorAll("[role=tab]"));
        var i = all.indexOf(tab);
        var next = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: all.length - 1 }[e.key];
        next = (next + all.length) % all.length;
        e.preventDefault();
        all[next].click();
        all[next].focus();
    });
    document.addEventListener("keydown", function (e) {
        // tabs are links without href now: Enter and Space activate them like buttons
        var tab = e.target.closest && e.target.closest("[role=tab]");
        if (tab && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); tab.click(); }
    });

    // Skip link: move focus without a fragment navigation (which would fire popstate
    // and reload the page, see 20-url-state.js).
    document.addEventListener("click", function (e) {
        var link = e.target.closest && e.target.closest(".im-skip");
        var target = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!target) { return; }
        e.preventDefault();
        target.focus();
        target.scrollIntoView();
    });

    new MutationObserver(schedule).observe(document.documentElement, {
        childList: true, subtree: true, attributes: true,
        attributeFilter: ["class", "tabindex", "aria-hidden"]
    });
    document.addEventListener("DOMContentLoaded", schedule);
})();
