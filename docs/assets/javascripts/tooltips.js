// Tooltips, made when a reader first needs one instead of all at load.
//
// Material for MkDocs 9.8.2 (the content.tooltips feature) sets up a tooltip for every element
// with a title in the content and in the header as the page loads: on the anatomy article
// about 90 of them (citations, glossary terms, section links; logo, palette toggle, repository
// link), measuring each header tooltip in the page's layout. That is most of the bundle's
// start-up on a slow phone (Lighthouse's total blocking time). This file, loaded just before
// the bundle, takes those titles off while the bundle sets the page up and puts them back just
// after (so screen readers and the browser's own tooltip still have them). It then shows the
// same tooltips as Material, with Material's markup and styles: in the content .md-tooltip2
// below the element, in the header .md-tooltip--inline after it; role="tooltip", tied to the
// element by aria-describedby while shown, with the title held back meanwhile so the browser
// shows no second one. They show on hover, keyboard focus and tap, and go a quarter of a second
// after the pointer and focus have left, as Material's do. Tooltips in the table of contents
// (its glossary terms) are still Material's own.
// tests/test_tooltips.py checks the tooltips and that the bundle sets none up for these elements.
;(function () {
  "use strict"
  var hosts = new Map() // element -> {title, header}, for the elements taken over here
  function take(selector, within, header) {
    if (!within) return
    within.querySelectorAll(selector).forEach(function (host) {
      hosts.set(host, { title: host.getAttribute("title"), header: header })
      host.removeAttribute("title")
    })
  }
  // The elements Material's content and header components would set tooltips up for.
  take("[title]:not([data-preview])", document.querySelector("[data-md-component=content]"), false)
  take("[title]", document.querySelector("[data-md-component=header]"), true)
  window.addEventListener("DOMContentLoaded", function () {
    // Material mounts its components in its DOMContentLoaded listener on the document, which
    // runs before this one on the window: put the titles back once it is done.
    setTimeout(function () {
      hosts.forEach(function (host, el) {
        if (!el.hasAttribute("title") && !(shown && shown.host === el)) el.setAttribute("title", host.title)
      })
    })
  })

  var shown = null // {host, node, hover, focus, timer}
  var sequence = 0

  function hostOf(el) {
    for (; el && el.nodeType === 1; el = el.parentElement) if (hosts.has(el)) return el
    return null
  }

  function place() {
    var host = shown.host, style = shown.node.style
    if (hosts.get(host).header) {
      // Material's inline tooltip: centred below the element, in its offset parent.
      var width = shown.node.offsetWidth
      style.setProperty("--md-tooltip-x", host.offsetLeft + host.offsetWidth / 2 - width / 2 + "px")
      style.setProperty("--md-tooltip-y", host.offsetTop + host.offsetHeight + 8 + "px")
      var origin = host.offsetParent ? host.offsetParent.getBoundingClientRect().x : 0
      if (origin) style.setProperty("--md-tooltip-0", -origin + "px")
      else style.removeProperty("--md-tooltip-0")
    } else {
      // Material's tooltip2: below the element, placed in the document.
      var rect = host.getBoundingClientRect()
      style.setProperty("--md-tooltip-host-x", rect.left + window.scrollX + "px")
      style.setProperty("--md-tooltip-host-y", rect.top + window.scrollY + "px")
      style.setProperty("--md-tooltip-x", rect.width / 2 + "px")
      style.setProperty("--md-tooltip-y", 8 + rect.height + "px")
      style.setProperty("--md-tooltip-width", shown.node.firstChild.offsetWidth + "px")
      style.setProperty("--md-tooltip-tail", "0px")
    }
  }

  function hide() {
    if (!shown) return
    var old = shown
    shown = null
    clearTimeout(old.timer)
    old.node.remove()
    old.host.removeAttribute("aria-describedby")
    old.host.setAttribute("title", hosts.get(old.host).title)
  }

  function show(host, how) {
    if (shown && shown.host !== host) hide()
    if (!shown) {
      var header = hosts.get(host).header
      var node = document.createElement("div")
      var inner = document.createElement("div")
      node.setAttribute("role", "tooltip")
      node.id = "__tooltip_atlas_" + sequence++
      node.className = header ? "md-tooltip md-tooltip--inline" : "md-tooltip2 md-tooltip2--bottom"
      inner.className = header ? "md-tooltip__inner md-typeset" : "md-tooltip2__inner md-typeset"
      inner.textContent = hosts.get(host).title
      node.appendChild(inner)
      host.removeAttribute("title")
      host.setAttribute("aria-describedby", node.id)
      if (header) {
        // Measured on its own, as Material does, then put right after the element.
        document.body.appendChild(node)
        node.style.setProperty("--md-tooltip-width", node.offsetWidth + "px")
        host.insertAdjacentElement("afterend", node)
      } else {
        document.body.appendChild(node)
      }
      shown = { host: host, node: node, hover: false, focus: false, timer: 0 }
      place()
      // A frame later, so the tooltip fades in as Material's does.
      requestAnimationFrame(function () {
        node.classList.add(header ? "md-tooltip--active" : "md-tooltip2--active")
      })
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

  document.addEventListener("mouseover", function (event) {
    var host = hostOf(event.target)
    if (host) show(host, "hover")
  })
  document.addEventListener("mouseout", function (event) {
    var host = hostOf(event.target)
    if (host && !host.contains(event.relatedTarget)) leave(host, "hover")
  })
  document.addEventListener("focusin", function (event) {
    var host = hostOf(event.target)
    if (host) show(host, "focus")
  })
  document.addEventListener("focusout", function (event) {
    var host = hostOf(event.target)
    if (host && !host.contains(event.relatedTarget)) leave(host, "focus")
  })
  function follow() { if (shown) place() }
  window.addEventListener("scroll", follow, { capture: true, passive: true })
  window.addEventListener("resize", follow, { passive: true })
})()
