// Tooltips in the page's content, made when a reader first needs one instead of all at load.
//
// Material for MkDocs 9.8.2 (the content.tooltips feature) sets up a tooltip for every element
// with a title in the content as the page loads: on the anatomy article about 80 of them
// (citations, glossary terms, section links), the largest part of the bundle's start-up on a
// slow phone (Lighthouse's total blocking time). This file, loaded just before the bundle,
// takes those titles off while the bundle sets the page up and puts them back just after (so
// screen readers and the browser's own tooltip still have them). It then shows Material's
// tooltip itself, with Material's markup and styles (.md-tooltip2, role="tooltip", below the
// element, tied to it by aria-describedby while shown, the title held back meanwhile so the
// browser shows no second one): on hover, on keyboard focus and on a tap, gone a quarter of a
// second after the pointer and focus have left, as Material's. Tooltips outside the content
// (header, table of contents) are still Material's own.
// tests/test_tooltips.py checks the tooltips and that the bundle sets none up for the content.
;(function () {
  "use strict"
  var content = document.querySelector("[data-md-component=content]")
  if (!content) return
  var hosts = new WeakMap() // element -> its title, for the elements taken over here
  content.querySelectorAll("[title]:not([data-preview])").forEach(function (host) {
    hosts.set(host, host.getAttribute("title"))
    host.removeAttribute("title")
  })
  document.addEventListener("DOMContentLoaded", function () {
    // Material mounts the content's components in its own DOMContentLoaded listener, which
    // runs after this one: put the titles back once it is done.
    setTimeout(function () {
      content.querySelectorAll("*").forEach(function (el) {
        if (hosts.has(el) && !el.hasAttribute("title")) el.setAttribute("title", hosts.get(el))
      })
    })
  })

  var shown = null // {host, node, hover, focus, timer}
  var sequence = 0

  function hostOf(el) {
    for (; el && el !== content; el = el.parentElement) if (hosts.has(el)) return el
    return null
  }

  function place() {
    var rect = shown.host.getBoundingClientRect()
    var style = shown.node.style
    style.setProperty("--md-tooltip-host-x", rect.left + window.scrollX + "px")
    style.setProperty("--md-tooltip-host-y", rect.top + window.scrollY + "px")
    style.setProperty("--md-tooltip-x", rect.width / 2 + "px")
    style.setProperty("--md-tooltip-y", 8 + rect.height + "px")
    style.setProperty("--md-tooltip-width", shown.node.firstChild.offsetWidth + "px")
    style.setProperty("--md-tooltip-tail", "0px")
  }

  function hide() {
    if (!shown) return
    var old = shown
    shown = null
    clearTimeout(old.timer)
    old.node.remove()
    old.host.removeAttribute("aria-describedby")
    old.host.setAttribute("title", hosts.get(old.host))
  }

  function show(host, how) {
    if (shown && shown.host !== host) hide()
    if (!shown) {
      var node = document.createElement("div")
      node.className = "md-tooltip2 md-tooltip2--bottom"
      node.setAttribute("role", "tooltip")
      node.id = "__tooltip2_atlas_" + sequence++
      var inner = document.createElement("div")
      inner.className = "md-tooltip2__inner md-typeset"
      inner.textContent = hosts.get(host)
      node.appendChild(inner)
      host.removeAttribute("title")
      host.setAttribute("aria-describedby", node.id)
      document.body.appendChild(node)
      shown = { host: host, node: node, hover: false, focus: false, timer: 0 }
      place()
      // A frame later, so the tooltip fades in as Material's does.
      requestAnimationFrame(function () { node.classList.add("md-tooltip2--active") })
    }
    shown[how] = true
    clearTimeout(shown.timer)
    shown.timer = 0
  }

  function leave(host, how) {
    if (!shown || shown.host !== host) return
    shown[how] = false
    if (!shown.hover && !shown.focus && !shown.timer) shown.timer = setTimeout(hide, 250)
  }

  content.addEventListener("mouseover", function (event) {
    var host = hostOf(event.target)
    if (host) show(host, "hover")
  })
  content.addEventListener("mouseout", function (event) {
    var host = hostOf(event.target)
    if (host && !host.contains(event.relatedTarget)) leave(host, "hover")
  })
  content.addEventListener("focusin", function (event) {
    var host = hostOf(event.target)
    if (host) show(host, "focus")
  })
  content.addEventListener("focusout", function (event) {
    var host = hostOf(event.target)
    if (host && !host.contains(event.relatedTarget)) leave(host, "focus")
  })
  function follow() { if (shown) place() }
  window.addEventListener("scroll", follow, { capture: true, passive: true })
  window.addEventListener("resize", follow, { passive: true })
})()
