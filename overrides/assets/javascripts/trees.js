/* Decision trees: turns the numbered steps (.vtree) into a one-question-at-a-time view.
   No libraries. The address holds the step (#steg=<node> / #step=<node>); history.state holds
   the path of answers, so Back/Forward and shared links both work. */
(function () {
  "use strict";

  var T = {
    nb: {
      trail: "Svarene dine så langt",
      change: "Endre svaret på: ",
      back: "Tilbake",
      restart: "Start på nytt",
      print: "Skriv ut hele treet",
      step: "Steg",
      outcome: "Resultat",
      answers: "Velg et svar",
      announceQ: "Nytt spørsmål: ",
      announceO: "Resultat: ",
      announceStart: "Startet på nytt. "
    },
    en: {
      trail: "Your answers so far",
      change: "Change the answer to: ",
      back: "Back",
      restart: "Start again",
      print: "Print the whole tree",
      step: "Step",
      outcome: "Outcome",
      answers: "Choose an answer",
      announceQ: "New question: ",
      announceO: "Outcome: ",
      announceStart: "Started again. "
    }
  };

  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function child(el, sel) {
    for (var i = 0; i < el.children.length; i++) {
      if (el.children[i].matches(sel)) return el.children[i];
    }
    return null;
  }

  function init(root) {
    var lang = root.getAttribute("data-lang") === "en" ? "en" : "nb";
    var t = T[lang];
    var treeId = root.getAttribute("data-tree");
    var key = root.getAttribute("data-key") || (lang === "en" ? "step" : "steg");
    // On a section's print page each tree has a key of its own (p3-steg): its addresses are #p3-steg=…
    var own = key.replace(/(?:steg|step)$/, "");
    var ownAddress = new RegExp("^#" + own + "(?:steg|step)=([a-z0-9-]+)$");
    var start = root.getAttribute("data-start");
    var steps = root.querySelector(".vtree-steps");
    if (!steps) return;

    var nodes = {};
    var items = steps.querySelectorAll("li.vtree-node");
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var title = child(li, ".vtree-node__title");
      var ansList = child(li, ".vtree-answers");
      var answers = [];
      if (ansList) {
        for (var j = 0; j < ansList.children.length; j++) {
          var a = ansList.children[j];
          var lab = a.querySelector(".vtree-answer__label");
          answers.push({ next: a.getAttribute("data-next"), label: lab ? lab.textContent : "" });
        }
      }
      nodes[li.getAttribute("data-node")] = {
        kind: li.getAttribute("data-kind"),
        num: li.getAttribute("data-num"),
        text: title ? title.querySelector(".vtree-text").textContent : "",
        content: child(li, ".vtree-node__content"),
        answers: answers
      };
    }
    if (!nodes[start]) return;
    // The step view takes over the addresses #steg=<id>: without this, the browser would scroll
    // to the hidden step of that id after loading and take the focus away from the heading.
    for (var r = 0; r < items.length; r++) {
      items[r].setAttribute("data-anchor", items[r].id);
      items[r].removeAttribute("id");
    }

    // ---- the view
    var uid = "vtree-" + own + treeId;
    var app = h("div", "vtree-app");
    var trail = h("div", "vtree-trail");
    var trailTitle = h("p", "vtree-trail__title", t.trail);
    trailTitle.id = uid + "-trail";
    var trailList = h("ol", "vtree-trail__list");
    trailList.setAttribute("aria-labelledby", trailTitle.id);
    trail.appendChild(trailTitle);
    trail.appendChild(trailList);

    var stage = h("div", "vtree-stage");
    var kicker = h("p", "vtree-kicker");
    var heading = h("h2", "vtree-heading");
    heading.id = uid + "-heading";
    heading.tabIndex = -1;
    var content = h("div", "vtree-content");
    var choices = h("div", "vtree-choices");
    choices.setAttribute("role", "group");
    stage.appendChild(kicker);
    stage.appendChild(heading);
    stage.appendChild(content);
    stage.appendChild(choices);

    var controls = h("div", "vtree-controls");
    var backBtn = h("button", "vtree-btn vtree-back", "← " + t.back);
    var restartBtn = h("button", "vtree-btn vtree-restart", t.restart);
    var printBtn = h("button", "vtree-btn vtree-print", t.print);
    [backBtn, restartBtn, printBtn].forEach(function (b) {
      b.type = "button";
      controls.appendChild(b);
    });

    var live = h("p", "vtree-live");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("role", "status");

    app.appendChild(trail);
    app.appendChild(stage);
    app.appendChild(controls);
    app.appendChild(live);
    root.insertBefore(app, steps);
    root.classList.add("vtree--enhanced");

    var diagramLinks = root.querySelectorAll(".vtree-diagram a[data-node]");
    var path = [start];
    // Every tree's path on this page (a section's print page holds several): each history entry
    // keeps them all, so Back undoes the last step in whichever tree it was taken.
    var paths = window.vtreePaths || (window.vtreePaths = {});

    function entry() {
      var all = {};
      for (var k in paths) all[k] = paths[k].slice();
      return { vtree: uid, all: all };
    }

    // ---- paths and addresses
    function edge(from, to) {
      var n = nodes[from];
      if (!n) return false;
      for (var k = 0; k < n.answers.length; k++) if (n.answers[k].next === to) return true;
      return false;
    }

    function validPath(p) {
      if (!Array.isArray(p) || p[0] !== start) return false;
      for (var k = 1; k < p.length; k++) if (!nodes[p[k]] || !edge(p[k - 1], p[k])) return false;
      return true;
    }

    function shortestPath(target) {
      var prev = {};
      prev[start] = null;
      var queue = [start];
      while (queue.length) {
        var cur = queue.shift();
        if (cur === target) break;
        nodes[cur].answers.forEach(function (a) {
          if (nodes[a.next] && !(a.next in prev)) {
            prev[a.next] = cur;
            queue.push(a.next);
          }
        });
      }
      if (!(target in prev)) return null;
      var out = [];
      for (var c = target; c !== null; c = prev[c]) out.unshift(c);
      return out;
    }

    function hashNode() {
      var m = ownAddress.exec(decodeURIComponent(location.hash || ""));
      return m && nodes[m[1]] ? m[1] : null;
    }

    // Another tree's step on the same page (a print page): in its address or in the history entry.
    function otherTree() {
      var st = history.state;
      if (st && st.vtree && st.vtree !== uid) return true;
      return /(?:steg|step)=/.test(location.hash || "") && !ownAddress.test(decodeURIComponent(location.hash));
    }

    function wantedPath() {
      var target = hashNode();
      var st = history.state;
      var kept = st && st.all ? st.all[uid] : null;
      if (validPath(kept) && (!target || kept[kept.length - 1] === target)) return kept.slice();
      if (!target) return [start];
      return shortestPath(target) || [start];
    }

    function address(p) {
      var base = location.pathname + location.search;
      return p.length > 1 ? base + "#" + key + "=" + p[p.length - 1] : base;
    }

    // ---- drawing
    function render() {
      var id = path[path.length - 1];
      var node = nodes[id];
      var isOutcome = node.kind === "outcome";

      trailList.textContent = "";
      for (var k = 0; k < path.length - 1; k++) {
        var q = nodes[path[k]];
        var ans = null;
        q.answers.forEach(function (a) { if (a.next === path[k + 1] && !ans) ans = a; });
        var item = h("li", "vtree-trail__item");
        item.appendChild(h("span", "vtree-trail__q", q.text + " "));
        var b = h("button", "vtree-trail__a");
        b.type = "button";
        b.setAttribute("data-depth", String(k));
        var hidden = h("span", "vtree-visually-hidden", t.change + q.text + " – ");
        b.appendChild(hidden);
        b.appendChild(document.createTextNode(ans ? ans.label : ""));
        item.appendChild(b);
        trailList.appendChild(item);
      }
      trail.hidden = path.length < 2;

      // the step's number, as in the numbered list (no JavaScript, print) and the diagram
      kicker.textContent = isOutcome ? t.outcome : t.step + " " + node.num;
      heading.textContent = node.text;
      stage.className = "vtree-stage vtree-stage--" + (isOutcome ? "outcome" : "question");
      content.textContent = "";
      if (node.content) {
        var copy = node.content.cloneNode(true);
        while (copy.firstChild) content.appendChild(copy.firstChild);
      }
      choices.textContent = "";
      choices.hidden = isOutcome;
      choices.setAttribute("aria-labelledby", heading.id);
      node.answers.forEach(function (a) {
        var btn = h("button", "vtree-btn vtree-choice", a.label);
        btn.type = "button";
        btn.setAttribute("data-next", a.next);
        choices.appendChild(btn);
      });
      backBtn.hidden = path.length < 2;
      restartBtn.hidden = path.length < 2;

      for (var d = 0; d < diagramLinks.length; d++) {
        var l = diagramLinks[d];
        var n = l.getAttribute("data-node");
        l.classList.toggle("vtree-box--visited", path.indexOf(n) >= 0);
        if (n === id && !l.classList.contains("vtree-box--ref")) l.setAttribute("aria-current", "step");
        else l.removeAttribute("aria-current");
      }
      root.setAttribute("data-current", id);
      languageLinks(path.length > 1 ? id : null);
    }

    // The language switcher opens the same step in the other language (#steg=… / #step=…).
    function languageLinks(id) {
      var links = document.querySelectorAll(".md-select a[hreflang]");
      for (var k = 0; k < links.length; k++) {
        var a = links[k];
        var other = own + (a.getAttribute("hreflang") === "en" ? "step" : "steg");
        var href = (a.getAttribute("href") || "").split("#")[0];
        a.setAttribute("href", id ? href + "#" + other + "=" + id : href);
      }
    }

    function announce(prefix) {
      var node = nodes[path[path.length - 1]];
      var msg = (prefix || "") + (node.kind === "outcome" ? t.announceO : t.announceQ) + node.text;
      live.textContent = "";
      window.setTimeout(function () { live.textContent = msg; }, 60);
    }

    function show(p, opts) {
      path = p;
      paths[uid] = p;
      render();
      if (opts.push) history.pushState(entry(), "", address(path));
      if (opts.focus) heading.focus();
      if (opts.announce) announce(opts.prefix);
    }

    // ---- events
    choices.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-next]");
      if (!btn || !nodes[btn.getAttribute("data-next")]) return;
      show(path.concat([btn.getAttribute("data-next")]), { push: true, focus: true, announce: true });
    });
    trailList.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-depth]");
      if (!btn) return;
      show(path.slice(0, Number(btn.getAttribute("data-depth")) + 1), { push: true, focus: true, announce: true });
    });
    backBtn.addEventListener("click", function () {
      if (path.length > 1) show(path.slice(0, -1), { push: true, focus: true, announce: true });
    });
    restartBtn.addEventListener("click", function () {
      show([start], { push: true, focus: true, announce: true, prefix: t.announceStart });
    });
    printBtn.addEventListener("click", function () { window.print(); });

    function sync() {
      var st = history.state;
      if (!(st && st.all && st.all[uid]) && otherTree()) return;  // another tree's entry, without this one's path
      var p = wantedPath();
      if (p.join("/") === path.join("/")) return;
      show(p, { push: false, focus: true, announce: true });
    }
    window.addEventListener("popstate", sync);
    window.addEventListener("hashchange", sync);

    // ---- first view: the step in the address, if any
    var first = wantedPath();
    var fromAddress = hashNode() !== null;
    show(first, { push: false, focus: fromAddress, announce: false });
    if (fromAddress) {
      history.replaceState(entry(), "", address(path));
      stage.scrollIntoView({ block: "start" });
      heading.focus();
      window.addEventListener("load", function () {
        window.setTimeout(function () {
          var active = document.activeElement;
          if (!active || active === document.body) heading.focus();
        }, 0);
      });
    }
  }

  // Material's navigation.tracking rewrites the address while the page scrolls (history.replaceState
  // with a section's anchor and an empty state). Installed once for all the page's trees: a tree's
  // entry keeps its state (every tree's path), and a step in the address (any tree's) stays there.
  function keepSteps() {
    var replace = history.replaceState;
    var STEP = /^#(?:p\d+-)?(?:steg|step)=/;
    history.replaceState = function (state, title, url) {
      var current = history.state;
      if ((state && state.vtree) || !(current && current.vtree)) return replace.call(history, state, title, url);
      if (!STEP.test(decodeURIComponent(location.hash || ""))) return replace.call(history, current, title, url);
      var u = new URL(url == null ? location.href : url, location.href);
      u.hash = location.hash;
      return replace.call(history, current, title, u.href);
    };
  }

  function boot() {
    var roots = document.querySelectorAll(".vtree[data-tree]");
    if (roots.length) keepSteps();
    for (var i = 0; i < roots.length; i++) {
      if (!roots[i].classList.contains("vtree--enhanced")) init(roots[i]);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
