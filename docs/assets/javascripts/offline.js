// Offline support, page side: registers our service worker (sw.js at the site root) and shows a
// small notice while the reader is offline. Loaded on every page through extra_javascript.
//
// - The worker's address is worked out from this file's own address (<root>/assets/javascripts/),
//   so it works under a sub-path too. While the worker in charge says this page is of the build
//   it saved ("current" in its offline-status.json), its own address is registered again, which
//   changes nothing. Otherwise (the first visit, or a page of a newer build) the address carries
//   this page's build time (data-build on <link rel="manifest">, overrides/page.html): a new
//   address makes the browser install a new worker, which saves the new build's copies. (Each
//   page has its own build time, so registering every page's would install a worker per page.)
// - Nothing happens on file:// or in a browser without service workers; under `make serve`
//   (data-offline="off") a worker left from a built site on the same address is removed.
// - The notice ("You are offline: saved pages still work") is a role="status" region, present
//   (empty) from the start so screen readers announce it when it fills; it shows only while a
//   worker serves this page (so saved pages do work) and the browser says it is offline or the
//   worker found no network for this page. It stands at the top of the page, in the flow, so it
//   never covers any of the page (a bar fixed to the screen's foot hid the last lines of cards).
// - <html data-offline-saved="<this page's build time>"> once the worker has saved the build
//   this page belongs to (read from the worker's offline-status.json), for tests and for anyone
//   curious. Errors that stop the offline copy (a worker that will not register, a status that
//   cannot be read) are logged to the console, never swallowed.
;(function () {
  "use strict"
  var script = document.currentScript
  var workers = navigator.serviceWorker
  if (!workers || !script || !/^https?:$/.test(location.protocol)) return

  var root = new URL("../..", script.src)
  function warn(what) {
    return function (error) { console.warn("offline: " + what + ": " + (error && error.message ? error.message : error)) }
  }
  var manifest = document.querySelector('link[rel="manifest"][data-build]')
  if (manifest && manifest.getAttribute("data-offline") === "off") {
    // `make serve`: a worker from an earlier build on this address would serve saved copies.
    workers.getRegistration(root.href).then(function (found) { if (found) found.unregister() }, warn("removing the worker"))
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
  var current = false // the worker in charge saved the build this page belongs to

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
    current = !!status.current
    if (status.complete && current) document.documentElement.setAttribute("data-offline-saved", build)
    workerOffline = !!status.offline
    notice()
  }

  function checkSaved() {
    if (!workers.controller) return Promise.resolve()
    var address = new URL("offline-status.json", root)
    if (manifest) address.searchParams.set("page", manifest.getAttribute("data-build"))
    return fetch(address)
      .then(function (response) { return response.ok ? response.json() : null })
      .then(showSaved, warn("reading the offline status"))
  }

  window.addEventListener("online", function () { workerOffline = false; notice() })
  window.addEventListener("offline", notice)
  workers.addEventListener("controllerchange", function () { notice(); checkSaved() })
  workers.addEventListener("message", function (event) {
    // A worker has taken over: ask it about this page (its answer to all tabs cannot say).
    if (event.data && event.data.type === "offline-status") checkSaved()
  })
  notice()
  var checked = checkSaved()

  function register() {
    // After the page has loaded, so saving the site never competes with the page the reader
    // opened; not offline, where the browser could not fetch the worker to compare it anyway.
    if (!navigator.onLine || workerOffline) return
    var address = current && workers.controller ? workers.controller.scriptURL : worker.href
    workers.register(address).then(watch, warn("registering " + address))
  }
  // Ask again whenever a worker of this registration is activated: the one in charge may have
  // saved this page's build by then (controllerchange alone can come before it has).
  function watch(registration) {
    function follow(worker) {
      if (!worker) return
      worker.addEventListener("statechange", function () { if (worker.state === "activated") checkSaved() })
    }
    follow(registration.installing || registration.waiting)
    registration.addEventListener("updatefound", function () { follow(registration.installing) })
  }
  function registerAfterCheck() { checked.then(register) }
  if (document.readyState === "complete") registerAfterCheck()
  else window.addEventListener("load", registerAfterCheck)
})()
