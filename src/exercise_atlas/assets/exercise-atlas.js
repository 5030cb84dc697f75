// Exercise library filters. Progressive enhancement: the page lists every exercise without
// JavaScript (the stylesheet hides the filter form where scripting is off). This script opens
// the form's panel on wider screens, hides cards that do not match, keeps the choice in the
// address (shareable, and the back button steps through it) and updates the count, which
// screen readers announce (role="status"). Within a group any ticked value matches; across
// groups all must match. Clicking a muscle on the map ticks its box, so the map and the list
// always agree (the map is hidden from screen readers; the boxes are not).
// Loaded on every page through `extra_javascript`; it runs for each page Material shows, through
// Material's `document$`, so it keeps working if instant navigation is turned on.
(function () {
  "use strict";
  var onPopState = null;

  function setUp() {
    if (onPopState) window.removeEventListener("popstate", onPopState);
    onPopState = null;
    var library = document.querySelector(".exercise-library");
    if (!library) return;
    var form = library.querySelector(".library-filters");
    var status = library.querySelector(".exercise-library__count");
    var cards = Array.prototype.slice.call(library.querySelectorAll(".exercise-card"));
    var facets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-facet]"));
    var regions = Array.prototype.slice.call(form.querySelectorAll(".muscle-map__region--pickable"));
    var panel = form.querySelector(".library-filters__panel");
    var active = form.querySelector(".library-filters__active");

    function muscleBox(muscle) {
      return form.querySelector('input[name="muscle"][value="' + muscle + '"]');
    }

    function ticked(facet) {
      return Array.prototype.slice
        .call(facet.querySelectorAll("input:checked"))
        .map(function (input) { return input.value; });
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var match = facets.every(function (facet) {
          var wanted = ticked(facet);
          if (!wanted.length) return true;
          var has = (card.getAttribute("data-" + facet.dataset.attr) || "").split(" ");
          return wanted.some(function (value) { return has.indexOf(value) !== -1; });
        });
        card.hidden = !match;
        if (match) shown += 1;
      });
      var chosen = form.querySelectorAll("input:checked").length;
      active.textContent = chosen ? " (" + chosen + " chosen)" : "";
      regions.forEach(function (region) {
        var box = muscleBox(region.getAttribute("data-muscle"));
        region.classList.toggle("is-picked", Boolean(box && box.checked));
      });
      status.textContent = shown === cards.length
        ? cards.length + " exercises"
        : shown + " of " + cards.length + " exercises match";
    }

    function save() {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        ticked(facet).forEach(function (value) { params.append(facet.dataset.facet, value); });
      });
      var query = params.toString();
      history.pushState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      facets.forEach(function (facet) {
        var wanted = params.getAll(facet.dataset.facet);
        facet.querySelectorAll("input").forEach(function (input) {
          input.checked = wanted.indexOf(input.value) !== -1;
        });
      });
      apply();
    }

    form.addEventListener("change", function () { apply(); save(); });
    form.addEventListener("click", function (event) {
      var region = event.target.closest && event.target.closest(".muscle-map__region--pickable");
      var box = region && muscleBox(region.getAttribute("data-muscle"));
      if (!box) return;
      box.checked = !box.checked;
      apply();
      save();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(); save(); }, 0); // after the browser has cleared the boxes
    });
    onPopState = restore;
    window.addEventListener("popstate", onPopState);
    // The panel comes folded, so on a phone the first cards are in view and nothing moves as
    // this script starts (its summary says how many filters are on); wider screens open it.
    if (!window.matchMedia("(max-width: 44.9375em)").matches) panel.open = true;
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
// holds for every figure on the page and is remembered for the next page.
(function () {
  "use strict";
  var KEY = "atlas-figure-motion";

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
      if (!svg.pauseAnimations) return;
      if (moving) {
        svg.setCurrentTime(0);
        svg.unpauseAnimations();
      } else {
        svg.pauseAnimations();
      }
    });
  }

  function setUp() {
    var figures = Array.prototype.slice.call(document.querySelectorAll(".exercise-figure"))
      .filter(function (figure) { return figure.querySelector(".exercise-figure__motion"); });
    if (!figures.length) return;
    var choice = remembered();
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    show(figures, choice ? choice === "on" : !reduce);
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
      allSvgs().forEach(function (svg) {
        if (on) svg.unpauseAnimations();
        else svg.pauseAnimations();
      });
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
