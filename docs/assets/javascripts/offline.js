// Offline support, page side: registers our service worker (sw.js at the site root) and shows a
// small notice while the reader is offline. Loaded on every page through extra_javascript.
//
// - The worker's address is worked out from this file's own address (<root>/assets/javascripts/),
//   so it works under a sub-path too. It carries the build time of the page
//   (data-build on <link rel="manifest">, overrides/page.html): a new build is a new worker
//   address, which makes the browser install the new worker, which replaces the saved copies.
// - Nothing happens on file:// or in a browser without service workers; under `make serve`
//   (data-offline="off") a worker left from a built site on the same address is removed.
// - The notice ("You are offline: saved pages still work") is a role="status" region, present
//   (empty) from the start so screen readers announce it when it fills; it shows only while a
//   worker serves this page (so saved pages do work) and the browser says it is offline or the
//   worker found no network for this page. It stands at the top of the page, in the flow, so it
//   never covers any of the page (a bar fixed to the screen's foot hid the last lines of cards).
// - <html data-offline-saved="<build>"> once the worker has saved the site for this build
//   (read from the worker's offline-status.json), for tests and for anyone curious.
;(function () {
  "use strict"
  var script = document.currentScript
  var workers = navigator.serviceWorker
  if (!workers || !script || !/^https?:$/.test(location.protocol)) return

  var root = new URL("../..", script.src)
  var manifest = document.querySelector('link[rel="manifest"][data-build]')
  if (manifest && manifest.getAttribute("data-offline") === "off") {
    // `make serve`: a worker from an earlier build on this address would serve saved copies.
    workers.getRegistration(root.href).then(function (found) { if (found) found.unregister() }, function () {})
    return
  }
  var build = manifest ? manifest.getAttribute("data-build").replace(/\D/g, "") : ""
  var worker = new URL("sw.js", root)
  if (build) worker.searchParams.set("build", build)

  var region = document.createElement("div")
  region.className = "atlas-offline"
  region.setAttribute("role", "status")
  var main = document.querySelector("main") || document.body
  main.insertBefore(region, main.firstChild)

  var workerOffline = false // the worker found no network for this page (offline-status.json)

  function notice() {
    var show = !!workers.controller && (!navigator.onLine || workerOffline)
    if (show && !region.firstChild) {
      var text = document.createElement("p")
      text.className = "atlas-offline__text"
      text.textContent = "You are offline: saved pages still work"
      region.appendChild(text)
    } else if (!show && region.firstChild) {
      region.textContent = ""
    }
  }

  function showSaved(status) {
    if (!status) return
    if (status.complete) document.documentElement.setAttribute("data-offline-saved", status.build)
    workerOffline = !!status.offline
    notice()
  }

  function checkSaved() {
    if (!workers.controller) return Promise.resolve()
    return fetch(new URL("offline-status.json", root))
      .then(function (response) { return response.ok ? response.json() : null })
      .then(showSaved, function () {})
  }

  window.addEventListener("online", function () { workerOffline = false; notice() })
  window.addEventListener("offline", notice)
  workers.addEventListener("controllerchange", function () { notice(); checkSaved() })
  workers.addEventListener("message", function (event) {
    if (event.data && event.data.type === "offline-status") showSaved(event.data.status)
  })
  notice()
  var checked = checkSaved()

  function register() {
    // After the page has loaded, so saving the site never competes with the page the reader
    // opened; not offline, where the browser could not fetch the worker to compare it anyway.
    if (navigator.onLine && !workerOffline) workers.register(worker.href).catch(function () {})
  }
  function registerAfterCheck() { checked.then(register) }
  if (document.readyState === "complete") registerAfterCheck()
  else window.addEventListener("load", registerAfterCheck)
})()
