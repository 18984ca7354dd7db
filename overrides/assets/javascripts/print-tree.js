/* «Skriv ut hele treet» / «Print the whole tree» (the button trees.js adds to each decision tree)
   prints that tree alone, as a compact one-page checklist (guide.css, html.vtree-print-only).
   Printing from the browser's menu prints the whole page as usual. */
(function () {
  "use strict";
  var ONLY = "vtree-print-only";
  var MARK = "vtree-printing";

  function clear() {
    document.documentElement.classList.remove(ONLY);
    var marked = document.querySelectorAll("." + MARK);
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove(MARK);
  }

  // Capture phase: runs before the button's own handler calls window.print().
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".vtree-print") : null;
    var tree = button ? button.closest(".vtree") : null;
    if (!tree) return;
    clear();
    document.documentElement.classList.add(ONLY);
    tree.classList.add(MARK);
  }, true);
  window.addEventListener("afterprint", clear);
})();

/* A section's print page (hooks/veileder/print_section.py): its «Skriv ut» / «Print» button is
   hidden until this script can make it work. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print-section]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
