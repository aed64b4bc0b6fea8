// Keeps the stock page's figures live: one EventSource on the stock stream (the session cookie authenticates it),
// each event replacing the totals and the per-location rows with the new figures.
(function () {
  "use strict";
  var section = document.getElementById("stock");
  if (!section || !window.EventSource) { return; }
  var status = document.getElementById("live-status");
  var body = section.querySelector("table.locations tbody");

  function cell(tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = String(text);
    if (tag === "th") { element.scope = "row"; }
    if (className) { element.className = className; }
    return element;
  }

  function render(stock) {
    ["onHand", "reserved", "available", "inboundReturns", "nonSellable"].forEach(function (field) {
      var target = section.querySelector('[data-field="' + field + '"]');
      if (target) { target.textContent = String(stock[field]); }
    });
    var rows = document.createDocumentFragment();
    stock.locations.forEach(function (l) {
      var row = document.createElement("tr");
      row.dataset.location = l.locationCode;
      row.append(cell("th", l.locationCode), cell("td", l.type), cell("td", l.onHand, "num"), cell("td", l.reserved, "num"), cell("td", l.available, "num"));
      rows.appendChild(row);
    });
    body.replaceChildren(rows);
    status.textContent = "Updated at " + new Date().toISOString().substring(11, 19) + " UTC.";
  }

  var source = new EventSource(section.dataset.stream);
  source.addEventListener("stock-changed", function (event) { render(JSON.parse(event.data)); });
  source.addEventListener("open", function () { section.dataset.live = "true"; });
  source.addEventListener("error", function () { section.dataset.live = "false"; });
  window.addEventListener("pagehide", function () { source.close(); });
})();
