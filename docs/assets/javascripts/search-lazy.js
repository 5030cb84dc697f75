// Load the search index only when a reader first opens search, not on every page load.
//
// Material for MkDocs 9.8.2 requests search/search_index.json (most of a first load's weight)
// as soon as a page loads; it waits for search to be opened only under file://. It offers no
// hook to supply the index, so this file, loaded just before Material's bundle, holds back that
// one request (an XMLHttpRequest) until search opens: the __search toggle becomes checked.
// Material checks it for every way in: a click on the search box or icon, focus on the box,
// and the "/", "s" and "f" keys. A page opened from a search result (?h=...) loads the index at
// once, as Material highlights the terms with it. Every other request is left alone.
// tests/test_search_lazy.py checks that a page load requests no index and that search works.
;(function () {
  var index = new URL("../../search/search_index.json", document.currentScript.src).href
  var toggle = document.getElementById("__search")
  var opened = !toggle || toggle.checked || new URLSearchParams(location.search).has("h")
  var held = []
  var marked = new WeakSet()

  function release() {
    opened = true
    held.splice(0).forEach(function (send) { send() })
  }
  if (!opened) {
    toggle.addEventListener("change", function () { if (toggle.checked) release() })
  }

  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    if (new URL(url, location.href).href === index) marked.add(this)
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    if (opened || !marked.has(this)) return send.apply(this, arguments)
    var request = this, args = arguments
    held.push(function () { send.apply(request, args) })
  }
})()
