/* The glossary's abbreviations (<abbr title="…">, made by the build) explained on a tap or a click.
   A phone shows no tooltip for a title, so a tap on «SARA:SV» or «strl.» opens a small box under
   the word with its explanation; a second tap, a tap elsewhere or Escape closes it. With the
   keyboard, Tab stops at the first of each abbreviation shown on the page (not at every repeat) and
   its explanation opens while it has the focus. A few listeners and nothing done at load: a page with
   many abbreviations costs nothing until one is tapped or Tab is pressed (Material's own tooltips set
   up every titled element at load, see mkdocs.yml). */
(function () {
  "use strict";
  var MARGIN = 8; // px kept free at the screen's edges
  var ABBR = ".md-typeset abbr[title]"; // the build's abbreviations in the page's text
  var box = null;
  var shownFor = null;

  function close() {
    if (box) box.remove();
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    box = null;
    shownFor = null;
  }

  function open(abbr) {
    close();
    box = document.createElement("span");
    box.id = "abbr-tip";
    box.className = "abbr-tip";
    box.setAttribute("role", "tooltip");
    box.textContent = abbr.getAttribute("title");
    // inside the page's main landmark, like the word it explains (all content belongs to a landmark)
    (abbr.closest("main") || document.body).appendChild(box);
    shownFor = abbr;
    abbr.setAttribute("aria-describedby", box.id);
    // under the word, inside the screen: an abbreviation near the right edge gets its box moved left
    var word = abbr.getBoundingClientRect();
    var left = Math.max(MARGIN, Math.min(word.left, document.documentElement.clientWidth - box.offsetWidth - MARGIN));
    var origin = box.offsetParent ? box.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    box.style.left = left - origin.left + "px";
    box.style.top = word.bottom - origin.top + 4 + "px";
  }

  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest(ABBR);
    if (abbr && abbr !== shownFor) open(abbr);
    else close();
  });
  function shown(el) {
    // checkVisibility also sees text in a closed <details>, which still has boxes
    return el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
  }

  // Before Tab moves the focus: the first shown copy of each abbreviation takes it (a tree's step
  // shows copies of hidden text, so which copy is shown can change between two presses).
  function markFirsts() {
    var seen = {};
    var all = document.querySelectorAll(ABBR);
    for (var i = 0; i < all.length; i++) {
      var abbr = all[i];
      var first = shown(abbr) && !seen[abbr.textContent];
      if (first) {
        seen[abbr.textContent] = true;
        abbr.tabIndex = 0;
      } else if (abbr !== document.activeElement) {
        abbr.removeAttribute("tabindex");
      }
    }
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
    else if (event.key === "Tab") markFirsts();
  }, true);
  // focus from the keyboard only: a tap or a click focuses the word too, and its click opens the box
  document.addEventListener("focusin", function (event) {
    var abbr = event.target.closest && event.target.closest(ABBR);
    if (abbr && abbr !== shownFor && abbr.matches(":focus-visible")) open(abbr);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === shownFor) close();
  });
  window.addEventListener("resize", close);
})();
