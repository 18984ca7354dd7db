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
    var target = event.target.closest && event.target.closest("[data-quick-exit]");
    if (target) leave(event);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  }, true);
})();
