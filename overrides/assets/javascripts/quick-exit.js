/* Quick exit, after GOV.UK's «Exit this page»: the button, or Shift pressed three times within
   a second, blanks the page at once and replaces it (and its history entry) with a neutral site. */
(function () {
  "use strict";
  var WINDOW_MS = 1000;
  var presses = [];

  function exitUrl() {
    var button = document.querySelector("[data-quick-exit]");
    return button ? button.getAttribute("href") : "https://www.yr.no/";
  }

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    try { sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    window.location.replace(exitUrl());
  }

  document.addEventListener("click", function (event) {
    // The header's button, or its copies in the phone's menu drawer and search (partials/nav.html, search.html).
    var target = event.target.closest && event.target.closest("[data-quick-exit], [data-quick-exit-copy]");
    if (target) leave(event);
  });

  // Only a Shift pressed and let go on its own counts (as in GOV.UK's component): Shift+Tab, which
  // keyboard users press to go back, and Shift for capital letters never do, and any other key
  // starts the count again.
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    shiftAlone = false;
    presses = [];
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  }, true);
})();
