// Exercise library filters. Progressive enhancement: the page lists every exercise without
// JavaScript, easiest first (the stylesheet hides the filter form where scripting is off). This
// script opens the form's panel on wider screens, hides cards that do not match, orders the rest
// by how well they match, keeps the choice in the address (shareable, and the back button steps
// through it) and updates the count, which screen readers announce (role="status").
// - Within a group any ticked value matches; across groups all must match.
// - A muscle counts where the exercise works it most (its main muscles) or, if the reader allows
//   it (the default), where it helps. Exercises that work a chosen muscle most come first, then
//   easier before harder, then the page's own order; the chosen muscle is marked on each card.
// - Nothing matches: the message names the filters to loosen, each with how many it would show.
// - Clicking a muscle on the map ticks its box, so the map and the list always agree (the map is
//   hidden from screen readers; the boxes are not).
// Loaded on every page through `extra_javascript`; it runs for each page Material shows, through
// Material's `document$`, so it keeps working if instant navigation is turned on.
(function () {
  "use strict";
  var onPopState = null;
  var ROLE = "muscle-role"; // the address's name for "work it most" only (absent: or helps)

  function setUp() {
    if (onPopState) window.removeEventListener("popstate", onPopState);
    onPopState = null;
    var library = document.querySelector(".exercise-library");
    if (!library) return;
    var form = library.querySelector(".library-filters");
    var status = library.querySelector(".exercise-library__count");
    var list = library.querySelector(".exercise-library__list");
    var empty = library.querySelector(".exercise-library__empty");
    var loosen = library.querySelector(".exercise-library__loosen");
    var done = form.querySelector(".library-filters__done");
    var cards = Array.prototype.slice.call(list.querySelectorAll(".exercise-card"));
    var facets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-facet]"));
    var regions = Array.prototype.slice.call(form.querySelectorAll(".muscle-map__region--pickable"));
    var panel = form.querySelector(".library-filters__panel");
    var active = form.querySelector(".library-filters__active");
    var levels = values(form.querySelector('fieldset[data-attr="level"]'), "input");

    function values(root, selector) {
      if (!root) return [];
      return Array.prototype.slice.call(root.querySelectorAll(selector)).map(function (input) { return input.value; });
    }

    function words(card, attr) {
      return (card.getAttribute("data-" + attr) || "").split(" ");
    }

    function muscleBox(muscle) {
      return form.querySelector('input[name="muscle"][value="' + muscle + '"]');
    }

    function mainOnly() {
      var role = form.querySelector('input[name="' + ROLE + '"]:checked');
      return Boolean(role && role.value === "main");
    }

    // The reader's choice: facet attribute -> ticked values.
    function choice() {
      var chosen = {};
      facets.forEach(function (facet) { chosen[facet.dataset.attr] = values(facet, "input[type=checkbox]:checked"); });
      return chosen;
    }

    function matches(card, chosen, main) {
      return facets.every(function (facet) {
        var attr = facet.dataset.attr;
        var wanted = chosen[attr];
        if (!wanted.length) return true;
        var has = words(card, attr === "muscles" && main ? "primary-muscles" : attr);
        return wanted.some(function (value) { return has.indexOf(value) !== -1; });
      });
    }

    function count(chosen, main) {
      return cards.filter(function (card) { return matches(card, chosen, main); }).length;
    }

    // Smaller is better: 0 when the exercise works a chosen muscle most, then by level.
    function rank(card, muscles) {
      var primary = words(card, "primary-muscles");
      var helps = muscles.length && !muscles.some(function (m) { return primary.indexOf(m) !== -1; });
      return [helps ? 1 : 0, levels.indexOf(card.getAttribute("data-level")), cards.indexOf(card)];
    }

    function order(muscles) {
      var sorted = cards.slice().sort(function (a, b) {
        var ra = rank(a, muscles), rb = rank(b, muscles);
        return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
      });
      var current = Array.prototype.slice.call(list.children);
      if (sorted.some(function (card, i) { return current[i] !== card; })) {
        sorted.forEach(function (card) { list.appendChild(card); });
      }
    }

    // The card names its muscles in the order of its data-muscles (main ones, then helpers), one
    // <span> each, so a name needs no id of its own (the library's budget is 1.5 KB a card).
    function markMuscles(card, muscles) {
      var ids = (card.getAttribute("data-muscles") || "").split(" ");
      card.querySelectorAll(".exercise-card__worked span").forEach(function (name, i) {
        name.classList.toggle("is-chosen", muscles.indexOf(ids[i]) !== -1);
      });
    }

    // Each filter group that is on, and how many exercises would show without it.
    function suggestions(chosen, main) {
      var found = [];
      facets.forEach(function (facet) {
        var attr = facet.dataset.attr;
        if (!chosen[attr].length) return;
        var without = Object.assign({}, chosen);
        without[attr] = [];
        found.push({ attr: attr, label: facet.querySelector("legend").textContent, shown: count(without, main) });
      });
      if (main && chosen.muscles.length) {
        found.push({ attr: ROLE, label: "Also where the muscle helps", shown: count(chosen, false) });
      }
      return found.filter(function (s) { return s.shown > 0; }).sort(function (a, b) { return b.shown - a.shown; });
    }

    function showEmpty(chosen, main) {
      loosen.textContent = "";
      var found = suggestions(chosen, main);
      loosen.appendChild(document.createTextNode(found.length ? "Loosen one: " : "Show all exercises to start again."));
      found.forEach(function (s) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button library-filters__loosen";
        button.setAttribute("data-loosen", s.attr);
        button.textContent = (s.attr === ROLE ? s.label : "Clear " + s.label.toLowerCase()) +
          " (" + s.shown + (s.shown === 1 ? " exercise)" : " exercises)");
        loosen.appendChild(button);
      });
      empty.hidden = false;
    }

    function apply() {
      var chosen = choice();
      var main = mainOnly();
      var shown = 0;
      cards.forEach(function (card) {
        var match = matches(card, chosen, main);
        card.hidden = !match;
        if (match) shown += 1;
        markMuscles(card, chosen.muscles);
      });
      order(chosen.muscles);
      var ticked = form.querySelectorAll("input[type=checkbox]:checked").length;
      active.textContent = ticked ? " (" + ticked + " chosen)" : "";
      regions.forEach(function (region) {
        var box = muscleBox(region.getAttribute("data-muscle"));
        region.classList.toggle("is-picked", Boolean(box && box.checked));
      });
      status.textContent = shown === cards.length
        ? cards.length + " exercises"
        : shown + " of " + cards.length + " match";
      done.textContent = shown ? "Show " + (shown === 1 ? "1 exercise" : shown + " exercises") : "Nothing matches";
      if (shown) empty.hidden = true;
      else showEmpty(chosen, main);
    }

    function save() {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        values(facet, "input[type=checkbox]:checked").forEach(function (value) { params.append(facet.dataset.facet, value); });
      });
      if (mainOnly()) params.append(ROLE, "main");
      var query = params.toString();
      history.pushState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      facets.forEach(function (facet) {
        var wanted = params.getAll(facet.dataset.facet);
        facet.querySelectorAll("input[type=checkbox]").forEach(function (input) {
          input.checked = wanted.indexOf(input.value) !== -1;
        });
      });
      var role = params.get(ROLE) === "main" ? "main" : "any";
      form.querySelectorAll('input[name="' + ROLE + '"]').forEach(function (input) { input.checked = input.value === role; });
      apply();
    }

    function changed() { apply(); save(); }

    form.addEventListener("change", changed);
    form.addEventListener("click", function (event) {
      var region = event.target.closest && event.target.closest(".muscle-map__region--pickable");
      var box = region && muscleBox(region.getAttribute("data-muscle"));
      if (!box) return;
      box.checked = !box.checked;
      changed();
    });
    form.addEventListener("reset", function () {
      setTimeout(changed, 0); // after the browser has cleared the boxes
    });
    // "Show N exercises": fold the sheet and bring the first result into view.
    done.addEventListener("click", function () {
      panel.open = false;
      var first = cards.filter(function (card) { return !card.hidden; })[0];
      (first || empty).scrollIntoView({ block: "center" });
    });
    loosen.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-loosen]");
      if (!button) return;
      var attr = button.getAttribute("data-loosen");
      var selector = attr === ROLE
        ? 'input[name="' + ROLE + '"][value="any"]'
        : 'fieldset[data-attr="' + attr + '"] input[type=checkbox]';
      form.querySelectorAll(selector).forEach(function (input) { input.checked = input.type === "radio"; });
      changed();
      // The button is gone with the message: keep the keyboard's place at the filters.
      panel.querySelector("summary").focus({ preventScroll: true });
    });
    // On a phone the open sheet starts at the top of the screen, under the header, so all of it
    // that fits is in view with the count above it.
    var phone = window.matchMedia("(max-width: 44.9375em)");
    panel.addEventListener("toggle", function () {
      if (!panel.open || !phone.matches) return;
      var header = document.querySelector(".md-header");
      var top = header ? header.getBoundingClientRect().bottom : 0;
      var bar = library.querySelector(".exercise-library__bar");
      window.scrollBy(0, bar.getBoundingClientRect().top - top);
    });
    onPopState = restore;
    window.addEventListener("popstate", onPopState);
    // The panel comes folded, so on a phone the first cards are in view and nothing moves as
    // this script starts (its summary says how many filters are on); wider screens open it.
    if (!phone.matches) panel.open = true;
    form.classList.add("is-ready");
    restore();
  }

  // document$ emits the first page and every page instant navigation brings.
  if (window.document$) window.document$.subscribe(setUp);
  else setUp();
})();

// Movement figures. Without this script a figure shows its key positions side by side, labelled.
// With it, the figure plays its movement (SMIL animation inside the SVG) unless the reader asks
// for reduced motion, and the button in its caption pauses or plays it (WCAG 2.2.2). The choice
// holds for every figure on the page and is remembered for the next page. A figure out of view
// is held still until it scrolls in: its movement would cost the reader's processor and battery
// (and the page's first seconds) for nothing.
(function () {
  "use strict";
  var KEY = "atlas-figure-motion";
  var watching = "IntersectionObserver" in window;
  var inView = new WeakMap(); // figure -> whether any of it is on screen

  function run(figure) {
    var svg = figure.querySelector("svg");
    if (!svg.pauseAnimations) return;
    var moving = figure.getAttribute("data-motion") === "on";
    if (moving && (!watching || inView.get(figure))) svg.unpauseAnimations();
    else svg.pauseAnimations();
  }

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (error) { /* private mode: this page only */ }
  }

  function show(figures, moving) {
    figures.forEach(function (figure) {
      var svg = figure.querySelector("svg");
      var button = figure.querySelector(".exercise-figure__play");
      figure.setAttribute("data-motion", moving ? "on" : "off");
      button.textContent = moving ? "Pause the movement" : "Play the movement";
      if (moving && svg.setCurrentTime) svg.setCurrentTime(0);
      run(figure);
    });
  }

  function setUp() {
    var figures = Array.prototype.slice.call(document.querySelectorAll(".exercise-figure"))
      .filter(function (figure) { return figure.querySelector(".exercise-figure__motion"); });
    if (!figures.length) return;
    var choice = remembered();
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    show(figures, choice ? choice === "on" : !reduce);
    if (watching) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          inView.set(entry.target, entry.isIntersecting);
          run(entry.target);
        });
      });
      figures.forEach(function (figure) { observer.observe(figure); });
    }
    figures.forEach(function (figure) {
      var button = figure.querySelector(".exercise-figure__play");
      button.hidden = false;
      button.addEventListener("click", function () {
        var moving = figure.getAttribute("data-motion") !== "on";
        remember(moving ? "on" : "off");
        show(figures, moving);
      });
    });
  }

  if (window.document$) window.document$.subscribe(setUp);
  else setUp();
})();

// Evidence charts: a reader places their own result on a scale chart (templates/chart.html).
// Nothing is sent anywhere; the number stays in the page. Without this script the form is hidden
// by the stylesheet and the chart and its table read in full.
(function () {
  "use strict";

  function setUpForm(form) {
    var figure = form.closest(".chart");
    var reader = figure.querySelector(".chart__reader");
    var inputs = form.querySelectorAll("input[data-part]");
    var output = form.querySelector(".chart__result");
    var ratio = form.getAttribute("data-ratio") === "yes";
    function update() {
      var first = parseFloat(inputs[0].value);
      var value = ratio ? (first / parseFloat(inputs[1].value)) * 100 : first;
      if (!isFinite(value) || value < 0) {
        reader.classList.remove("chart__reader--shown");
        output.textContent = "";
        return;
      }
      var end = parseFloat(reader.getAttribute("data-end"));
      var span = parseFloat(reader.getAttribute("data-span"));
      var x = (Math.min(value, end) / end) * span;
      var shown = Math.round(value);
      reader.querySelector(".chart__you").setAttribute("cx", x.toFixed(1));
      var label = reader.querySelector(".chart__you-value");
      label.setAttribute("x", (x + 9).toFixed(1));
      label.textContent = String(shown);
      reader.classList.add("chart__reader--shown");
      output.textContent = "Yours: " + shown + " %, drawn on the chart's last row.";
    }
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
  }

  function setUp() {
    document.querySelectorAll(".chart__form").forEach(setUpForm);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

// The running stride (templates/stride.html): play and pause, step through the five moments with
// the phase named, switch speed; the arrow keys step and the space bar plays or pauses while the
// figure has focus. Motion is the SVG's own animation, so pausing and stepping set its clock.
// Under reduced motion the moments stay side by side and stepping marks one of them.
(function () {
  "use strict";

  function setUpStride(figure) {
    if (figure.getAttribute("data-ready")) return;
    figure.setAttribute("data-ready", "yes");
    var seconds = parseFloat(figure.getAttribute("data-seconds"));
    var play = figure.querySelector(".stride-figure__play");
    var now = figure.querySelector(".stride-figure__now");
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
    var playing = !reduce.matches;
    var index = -1;
    // Held still while out of view, as the movement figures are (the runner moves only on screen).
    var watching = "IntersectionObserver" in window;
    var inView = !watching;
    function run() {
      allSvgs().forEach(function (svg) {
        if (playing && inView) svg.unpauseAnimations();
        else svg.pauseAnimations();
      });
    }

    function shown() {
      return figure.querySelector(".stride-figure__speed:not([hidden])");
    }
    function allSvgs() {
      return Array.prototype.slice.call(figure.querySelectorAll("svg"));
    }
    function poses() {
      return Array.prototype.slice.call(shown().querySelectorAll(".stride__pose"));
    }
    function setPlaying(on) {
      playing = on;
      run();
      play.textContent = on ? "Pause" : "Play";
      if (on) {
        index = -1;
        now.textContent = "";
        mark(-1);
      }
    }
    function mark(current) {
      poses().forEach(function (pose, i) {
        pose.classList.toggle("stride__pose--current", i === current);
      });
    }
    function show(i) {
      var list = poses();
      index = (i + list.length) % list.length;
      setPlaying(false);
      var at = parseFloat(list[index].getAttribute("data-at"));
      allSvgs().forEach(function (svg) {
        svg.setCurrentTime((at / 100) * seconds + 0.001);
      });
      mark(index);
      now.textContent = list[index].getAttribute("data-words");
    }
    function step(by) {
      if (index < 0) {
        var t = (shown().querySelector("svg").getCurrentTime() % seconds) / seconds * 100;
        var list = poses();
        index = 0;
        list.forEach(function (pose, i) {
          if (parseFloat(pose.getAttribute("data-at")) <= t) index = i;
        });
        show(by > 0 ? index + 1 : index);
        return;
      }
      show(index + by);
    }
    function liveness() {
      figure.classList.toggle("stride-figure--live", !reduce.matches);
      play.hidden = reduce.matches;
      if (reduce.matches) setPlaying(false);
    }

    play.addEventListener("click", function () {
      setPlaying(!playing);
    });
    figure.querySelector(".stride-figure__prev").addEventListener("click", function () {
      step(-1);
    });
    figure.querySelector(".stride-figure__next").addEventListener("click", function () {
      step(1);
    });
    figure.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        step(event.key === "ArrowRight" ? 1 : -1);
      } else if (event.key === " " && event.target.tagName !== "BUTTON" && event.target.tagName !== "INPUT") {
        event.preventDefault();
        if (!reduce.matches) setPlaying(!playing);
      }
    });
    figure.querySelectorAll('input[name="stride-speed"]').forEach(function (radio) {
      radio.addEventListener("change", function () {
        figure.querySelectorAll(".stride-figure__speed").forEach(function (speed) {
          speed.hidden = speed.getAttribute("data-speed") !== radio.value;
        });
        if (index >= 0) show(Math.min(index, poses().length - 1));
        else if (!playing) mark(-1);
      });
    });
    if (watching) {
      new IntersectionObserver(function (entries) {
        inView = entries[entries.length - 1].isIntersecting;
        run();
      }).observe(figure);
    }
    figure.setAttribute("tabindex", "0");
    figure.classList.add("stride-figure--scripted");
    if (reduce.addEventListener) reduce.addEventListener("change", liveness);
    liveness();
  }

  function setUp() {
    document.querySelectorAll(".stride-figure").forEach(setUpStride);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

// Material's search dialog has no accessible name (axe-core: aria-dialog-name), and no template
// block reaches it. It is named here, with the search field's own (translated) label, rather than
// in a copy of Material's partials/search.html that a theme upgrade or another generator would
// silently undo; every site built with the package gets it. Search needs this script's company
// anyway: without JavaScript the dialog never opens.
(function () {
  "use strict";
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) return;
  var field = dialog.querySelector(".md-search__input");
  dialog.setAttribute("aria-label", (field && (field.getAttribute("aria-label") || field.placeholder)) || "Search");
})();
