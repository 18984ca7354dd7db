/* The glossary's abbreviations (<abbr title="…">, made by the build) explained on a tap or a click.
   A phone shows no tooltip for a title, so a tap on «SARA:SV» or «strl.» opens a small box under
   the word with its explanation; a second tap, a tap elsewhere or Escape closes it. One listener on
   the page and nothing done at load: a page with many abbreviations costs nothing until one is
   tapped (Material's own tooltips set up every titled element at load, see mkdocs.yml). */
(function () {
  "use strict";
  var MARGIN = 8; // px kept free at the screen's edges
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
    var abbr = event.target.closest && event.target.closest(".md-typeset abbr[title]");
    if (abbr && abbr !== shownFor) open(abbr);
    else close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
  window.addEventListener("resize", close);
})();
