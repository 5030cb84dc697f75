// Material for MkDocs 9.8.2, partials/javascripts/palette.html, moved out of line (CSP).
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
// ---- Not Material's: the rest of this file is ours (tests/test_material_copies.py compares the
// part above this line with Material). It spares Material's bundle five restyles of the whole
// page at start-up, each one a long task on a slow phone (Lighthouse's total blocking time), by
// doing the same things here, while the page is still empty and restyling it costs nothing:
// - <html class="no-js"> becomes "js js-focus-visible" with data-js-focus-visible, as the bundle
//   and its focus-visible polyfill mark it (changing the root's classes restyles every element,
//   even for a class no stylesheet names, as here js-focus-visible); theirs are then no-ops.
// - The bundle sets data-md-color-switching on <body> for every palette it applies, the one at
//   load too (its stylesheet then turns off every transition), and removes it a moment later:
//   two restyles of every element. We set it only when a colour attribute really changes (a
//   reader switching palettes, or the system's scheme on a first visit), so switching is as before.
// - The bundle adds <meta name="color-scheme"> to <head> and then sets its content from the
//   header's color-scheme: each of these restyles the whole page in Chromium, even unchanged.
//   Our meta, with the same value, goes in now; the bundle's meta is kept out of the document
//   and its content written through to ours, only when the value changes.
;(function () {
  var root = document.documentElement
  root.classList.remove("no-js")
  root.classList.add("js", "js-focus-visible")
  root.setAttribute("data-js-focus-visible", "")

  var body = document.body
  var setAttribute = body.setAttribute
  var switching = false
  body.setAttribute = function (name, value) {
    if (name === "data-md-color-switching") {
      switching = true // held back until a colour changes, in this same palette update
      Promise.resolve().then(function () { switching = false })
      return
    }
    if (switching && /^data-md-color-(scheme|primary|accent)$/.test(name) && this.getAttribute(name) !== String(value)) {
      switching = false
      setAttribute.call(this, "data-md-color-switching", "")
    }
    return setAttribute.apply(this, arguments)
  }

  var head = document.head
  var meta = document.createElement("meta")
  meta.name = "color-scheme"
  meta.content = getComputedStyle(body).colorScheme
  head.appendChild(meta)
  head.appendChild = function (node) {
    if (node.nodeName !== "META" || node.name !== "color-scheme") return Node.prototype.appendChild.apply(this, arguments)
    delete head.appendChild
    Object.defineProperty(node, "content", {
      configurable: true,
      get: function () { return meta.content },
      set: function (value) { if (meta.content !== value) meta.content = value }
    })
    return node
  }
})()
