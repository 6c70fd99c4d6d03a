/* Navigation bar search as a combobox: type, arrow to a hit, Enter opens it.
 * The server renders the hits (li[role=option] > a); this file only moves the
 * highlight, keeps the ARIA state in step and follows the chosen link. */
(function () {
    var INPUT = "nav-suche", RESULTS = "nav-suche-ergebnisse";

    function input() { return document.getElementById(INPUT); }
    function box() { return document.getElementById(RESULTS); }
    function options() {
        var b = box();
        return b ? Array.prototype.slice.call(b.querySelectorAll("li[role=option]")) : [];
    }
    function ensureRole(i) {
        /* combobox semantics before any aria-expanded/-activedescendant is set */
        if (i.getAttribute("role") !== "combobox") {
            i.setAttribute("role", "combobox");
            i.setAttribute("aria-autocomplete", "list");
            i.setAttribute("aria-controls", RESULTS);
            i.setAttribute("aria-expanded", "false");
        }
    }
    function setOpen(open) {
        var i = input(), b = box();
        if (!i || !b) { return; }
        ensureRole(i);
        b.classList.toggle("im-open", open && b.childElementCount > 0);
        i.setAttribute("aria-expanded", b.classList.contains("im-open") ? "true" : "false");
    }
    function highlight(index) {
        var opts = options(), i = input();
        if (!i) { return; }
        ensureRole(i);
        opts.forEach(function (o, k) {
            var a = o.querySelector("a");
            if (a) { a.tabIndex = -1; }  /* options are reached with the arrow keys */
            o.setAttribute("aria-selected", k === index ? "true" : "false");
            o.classList.toggle("active", k === index);
        });
        if (index >= 0 && opts[index]) {
            i.setAttribute("aria-activedescendant", opts[index].id);
            opts[index].scrollIntoView({block: "nearest"});
        } else {
            i.removeAttribute("aria-activedescendant");
        }
    }
    function current() {
        return options().findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    }
    function scrollToHash(hash) {
        var tries = 0;
        var timer = setInterval(function () {
            var el = document.getElementById(decodeURIComponent(hash.slice(1)));
            if (el) { el.scrollIntoView({block: "start"}); el.focus && el.focus({preventScroll: true}); }
            if (el || ++tries > 40) { clearInterval(timer); }
        }, 100);
    }
    function follow(option) {
        var a = option && option.querySelector("a");
        if (!a) { return; }
        var hash = a.hash;
        a.click();  /* dcc.Link: client-side navigation */
        setOpen(false);
        input().blur();  /* late hits must not reopen the list over the new page */
        if (hash) { scrollToHash(hash); }
    }

    document.addEventListener("focusin", function (e) {
        if (e.target.id !== INPUT) { return; }
        setOpen(true);
    });
    document.addEventListener("keydown", function (e) {
        if (e.target.id !== INPUT) { return; }
        var opts = options(), k = current();
        if (e.key === "ArrowDown" && opts.length) {
            e.preventDefault(); setOpen(true); highlight(k < opts.length - 1 ? k + 1 : 0);
        } else if (e.key === "ArrowUp" && opts.length) {
            e.preventDefault(); setOpen(true); highlight(k > 0 ? k - 1 : opts.length - 1);
        } else if (e.key === "Enter" && opts.length) {
            e.preventDefault(); follow(opts[k >= 0 ? k : 0]);
        } else if (e.key === "Escape") {
            setOpen(false); highlight(-1);
        }
    });
    document.addEventListener("click", function (e) {
        var b = box();
        if (!b) { return; }
        var a = e.target.closest && e.target.closest("#" + RESULTS + " a");
        if (a) { setOpen(false); if (a.hash) { scrollToHash(a.hash); } return; }
        if (!e.target.closest("#" + RESULTS) && e.target.id !== INPUT) { setOpen(false); }
    });
    /* new hits arrive from the server: show them, nothing highlighted yet */
    new MutationObserver(function (records) {
        records.forEach(function (r) {
            if (r.target.id === RESULTS || (r.target.closest && r.target.closest("#" + RESULTS))) {
                if (document.activeElement === input()) { setOpen(true); }
                highlight(-1);
            }
        });
    }).observe(document.documentElement, {childList: true, subtree: true});
})();
