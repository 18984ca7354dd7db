/* The menu drawer on a phone or a narrow window (Material's, below 76.25em) made usable by keyboard:
   - a real button opens and closes it (partials/header.html; Material's label takes no focus) and
     tells whether it is open (aria-expanded);
   - while closed, the drawer takes no focus (guide.css): its links, off screen, are no longer dozens
     of invisible Tab stops;
   - while open, only the panel on show takes focus (Material stacks the menu's levels on top of each
     other), focus moves into it when it opens, and Escape, or focus leaving it, closes it. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-drawer-button]");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var primary = sidebar && sidebar.querySelector(".md-nav--primary");
  if (!toggle || !button || !sidebar || !primary) return;
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var marked = [];

  function clearMarks() {
    for (var i = 0; i < marked.length; i++) marked[i].removeAttribute("inert");
    marked = [];
  }

  function mark(el) {
    if (el.hasAttribute("inert")) return;
    el.setAttribute("inert", "");
    marked.push(el);
  }

  // The panel on show: the deepest level of the menu whose toggle is checked (Material's CSS slides
  // that level over its parents); the top level when none is.
  function currentPanel() {
    var panel = primary;
    var navs = primary.querySelectorAll("nav.md-nav");
    for (var i = 0; i < navs.length; i++) {
      var input = navs[i].parentElement.querySelector(":scope > input.md-nav__toggle");
      var label = input && input.id ? navs[i].parentElement.querySelector('label[for="' + input.id + '"]') : null;
      // a section shown inline (no label to open it) is part of its parent's panel, not a panel of its own
      if (input && input.checked && label && panel.contains(navs[i])) panel = navs[i];
    }
    return panel;
  }

  // Everything in the drawer outside the panel on show, and the closed sub-panels inside it, is inert.
  function isolate(panel) {
    var node = panel;
    while (node && node !== sidebar) {
      var parent = node.parentElement;
      if (!parent) break;
      for (var i = 0; i < parent.children.length; i++) {
        var sib = parent.children[i];
        if (sib !== node && !sib.classList.contains("quick-exit")) mark(sib);
      }
      node = parent;
    }
    var subs = panel.querySelectorAll("nav.md-nav");
    for (var j = 0; j < subs.length; j++) {
      var input = subs[j].parentElement.querySelector(":scope > input.md-nav__toggle");
      if (input && !input.checked) mark(subs[j]);
    }
  }

  // The closed drawer is hidden from focus by CSS (guide.css: visibility), so a page loads with no
  // work here beyond the button's state; the open drawer's panels are sorted out when it opens.
  function sync() {
    var open = toggle.checked;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (marked.length) clearMarks();
    if (open && narrow.matches) isolate(currentPanel());
  }

  function focusPanel() {
    var panel = currentPanel();
    var first = panel.querySelector(".md-nav__list a[href], .md-nav__list label[tabindex='0']");
    if (first) first.focus();
  }

  button.addEventListener("click", function (event) {
    toggle.click();  // Material listens for the checkbox's change
    // Focus follows into the drawer when it was opened by keyboard (a click has detail 0 then).
    if (toggle.checked && event.detail === 0) focusPanel();
  });
  toggle.addEventListener("change", sync);
  // A level opened or closed inside the drawer (Material's labels toggle checkboxes).
  primary.addEventListener("change", function () {
    sync();
    if (toggle.checked && narrow.matches && primary.contains(document.activeElement) && document.activeElement.closest("[inert]")) focusPanel();
  });
  // Focus that leaves the open drawer (Tab past its end, Shift+Tab before its start) closes it:
  // the page behind is covered by Material's overlay.
  document.addEventListener("focusin", function (event) {
    if (toggle.checked && narrow.matches && !sidebar.contains(event.target)) toggle.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked && narrow.matches) {
      toggle.click();
      button.focus();
    }
  });
  if (narrow.addEventListener) narrow.addEventListener("change", sync);
  sync();
})();
