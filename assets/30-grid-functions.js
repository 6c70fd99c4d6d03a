/* Value formatters for AG Grid tables: German numbers, explicit text for missing values. */
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});
dagfuncs.deNumber = function (value, decimals, percent, missing) {
    if (value === null || value === undefined || Number.isNaN(value)) { return missing; }
    var v = percent ? value * 100 : value;
    var text = new Intl.NumberFormat("de-DE", {minimumFractionDigits: decimals, maximumFractionDigits: decimals}).format(v);
    return percent ? text + " %" : text;
};
