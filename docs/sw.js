// Adductor Atlas offline: a service worker of our own (no plugin, no build hook).
//
// It lives at the site root, so its scope is the whole site, under a sub-path too; it is
// registered by assets/javascripts/offline.js as sw.js?build=<build time of the page>. A new
// build therefore means a new worker URL: the browser installs the new worker, which saves the
// new copies into a new cache while the old worker keeps serving the old one, then takes over
// and deletes the old cache. The reader does nothing.
//
// - Pages: network first (revalidated, so a reader online gets the current text), the saved
//   copy when there is no network or it takes longer than NETWORK_TIMEOUT. Offline, a page that
//   was never saved gets an answer at its own address (the address stays, so the reader can try
//   it again): the site's 404 page if the site has no such page (the sitemap of the build the
//   worker saved is the list), else our offline page ("not saved yet"). Every page a reader
//   opens online is saved.
// - Material's fingerprinted files (name.0123abcd.min.js): cache first; the name changes with
//   the content. Everything else (our own CSS/JS, icons, the search index): the saved copy at
//   once, refreshed in the background (stale-while-revalidate).
// - On install it saves, in the background, what the site lists in sitemap.xml, in this order:
//   the offline page and home page, every page one level down (articles, the exercise library,
//   the sample programme, ...), the search index, then deeper pages (exercise pages) while the
//   total stays under BUDGET bytes. Deeper pages past the budget are saved when opened. The
//   assets saved are the ones the saved pages name (stylesheets, scripts, icons, images, the
//   muscle map's drawing that <use> refers to, the manifest and its icons, url()s in
//   stylesheets), so a new kind of asset needs no change here.
// - offline-status.json (answered here, never fetched) says what was saved: the build, pages,
//   pages left for later, bytes and milliseconds, and whether the last page found no network.
//   offline.js and the tests read it.
"use strict"

var BUILD = new URL(location.href).searchParams.get("build") || "unversioned"
var SCOPE = self.registration.scope
// One cache per build, named after the site's address too, so that another copy of the site on
// the same host (a preview under another path) keeps its own.
var PREFIX = "adductor-atlas " + SCOPE + " "
var CACHE = PREFIX + BUILD
var OFFLINE_PAGE = SCOPE + "offline/"
var NOT_FOUND_PAGE = SCOPE + "404.html"
// The pages of the build this worker saved (from sitemap.xml), kept in its cache under this
// address, which is never fetched: is an address a page the site has?
var SITE_PAGES = SCOPE + "offline-site-pages.json"
var STATUS = SCOPE + "offline-status.json"
var SEARCH_INDEX = SCOPE + "search/search_index.json"
var BUDGET = 5000000 // bytes stored, all saving included (measured: MAINTAINING.md, "Offline and installable")
var NETWORK_TIMEOUT = 4000 // ms before a slow network loses to a saved page
var PARALLEL = 4
var FINGERPRINTED = /\.[0-9a-f]{8}\.min\.(?:js|css)$/
// Whether the last page request found no usable network (navigator.onLine misses a connection
// that is there but carries nothing, as at the edge of a signal): offline.js shows its notice.
var networkDown = false

self.addEventListener("install", function (event) {
  event.waitUntil(saveSite().then(function () { return self.skipWaiting() }))
})

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf(PREFIX) === 0 && name !== CACHE
        }).map(function (name) { return caches.delete(name) }))
      })
      .then(function () { return self.clients.claim() })
      .then(readStatus)
      .then(function (status) {
        return self.clients.matchAll({ type: "window" }).then(function (clients) {
          clients.forEach(function (client) { client.postMessage({ type: "offline-status", status: status }) })
        })
      })
  )
})

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return
  var url = new URL(request.url)
  if (url.href === STATUS) return event.respondWith(readStatus().then(json))
  if (request.mode === "navigate") return event.respondWith(page(event, request))
  if (/\.map$/.test(url.pathname)) return // source maps: developer tools only
  if (FINGERPRINTED.test(url.pathname)) return event.respondWith(cacheFirst(request))
  event.respondWith(staleWhileRevalidate(event, request))
})

// --- Strategies -------------------------------------------------------------------------------

// The cache key of a page: its address without query or fragment (the library keeps its
// filters in the query; a search result adds ?h=).
function pageKey(href) {
  var url = new URL(href)
  return url.origin + url.pathname
}

async function savedPage(href) {
  var cache = await caches.open(CACHE)
  var key = pageKey(href)
  var found = await cache.match(key, { ignoreVary: true })
  if (!found && !/\/$|\.[a-z0-9]+$/i.test(key)) found = await cache.match(key + "/", { ignoreVary: true })
  return found
}

async function page(event, request) {
  var cached = await savedPage(request.url)
  // "manual": a host's redirect (folder without its slash) goes back to the browser as it came.
  var network = fetch(request.url, { cache: "no-cache", credentials: "same-origin", redirect: "manual" })
    .then(async function (response) {
      networkDown = false
      if (!isPage(response)) return response
      var copies = await twoCopies(response)
      event.waitUntil(store(pageKey(request.url), copies[1]))
      return copies[0]
    })
  event.waitUntil(network.catch(function () { networkDown = true }))
  if (!cached) {
    return network.catch(function () {
      networkDown = true
      return notSaved(request.url)
    })
  }
  var settled = false
  network.then(function () { settled = true }, function () { settled = true })
  var slow = new Promise(function (resolve) {
    setTimeout(function () {
      if (!settled) networkDown = true
      resolve(cached)
    }, NETWORK_TIMEOUT)
  })
  var fresh = network.then(function (response) { return response.status >= 500 ? cached : response })
  return Promise.race([fresh, slow]).catch(function () { return cached })
}

// Offline, for a page this device has not saved: the 404 page if the site has no such page, else
// the offline page, both at the address asked for.
async function notSaved(href) {
  var known = await sitePages()
  if (known && known.indexOf(pageAddress(href)) < 0) {
    var missing = await savedPage(NOT_FOUND_PAGE)
    if (missing) return new Response(missing.body, { status: 404, headers: missing.headers })
  }
  var offline = await savedPage(OFFLINE_PAGE)
  if (!offline) return Response.error()
  // Its links are relative to offline/: a <base> first in its head keeps them right here.
  var text = (await offline.text()).replace(/<head[^>]*>/i, function (head) {
    return head + '<base href="' + OFFLINE_PAGE + '">'
  })
  return new Response(text, { status: 503, headers: offline.headers })
}

// A page's address as the sitemap writes it: a folder with its slash, without index.html.
function pageAddress(href) {
  var key = pageKey(href).replace(/\/index\.html$/, "/")
  return /\/$|\.[a-z0-9]+$/i.test(key) ? key : key + "/"
}

async function sitePages() {
  var saved = await caches.match(SITE_PAGES, { cacheName: CACHE })
  if (!saved) return null
  try {
    return await saved.json()
  } catch (error) {
    return null
  }
}

async function cacheFirst(request) {
  var cache = await caches.open(CACHE)
  var cached = await cache.match(request, { ignoreVary: true })
  if (cached) return cached
  var response = await fetch(request)
  if (!response.ok || response.type !== "basic") return response
  var copies = await twoCopies(response)
  await store(request.url, copies[1])
  return copies[0]
}

async function staleWhileRevalidate(event, request) {
  var cache = await caches.open(CACHE)
  var cached = await cache.match(request, { ignoreVary: true })
  // The browser's HTTP cache rules apply (the host's max-age), so a page view does not
  // re-download every file.
  var refresh = fetch(request)
  if (cached) {
    event.waitUntil(refresh.then(function (response) {
      if (response.ok && response.type === "basic") return store(request.url, response)
    }).catch(function () {}))
    return cached
  }
  var response = await refresh
  if (!response.ok || response.type !== "basic") return response
  var copies = await twoCopies(response)
  await store(request.url, copies[1])
  return copies[0]
}

// A response read to its end, as two copies: one for the page, one for the cache. Not
// response.clone(): in Chromium a clone that is not read in step with the original stalls it
// once the body outgrows a buffer, and a cache.put() that never ends blocks every later read of
// that cache (a page then waits for ever for a script the cache holds).
async function twoCopies(response) {
  var body = await response.arrayBuffer()
  var headers = new Headers(response.headers)
  headers.delete("Content-Encoding") // the body is decoded
  headers.delete("Content-Length")
  var init = { status: response.status, statusText: response.statusText, headers: headers }
  return [new Response(body, init), new Response(body, init)]
}

// Saving is never worth failing a response for (a full disk, say).
function store(key, response) {
  return caches.open(CACHE).then(function (cache) { return cache.put(key, response) }).catch(function () {})
}

function isPage(response) {
  return response.ok && response.type === "basic" && /^text\/html/.test(response.headers.get("Content-Type") || "")
}

// --- Saving the site on install -----------------------------------------------------------------

async function saveSite() {
  var started = Date.now()
  var cache = await caches.open(CACHE)
  var state = { cache: cache, bytes: 0, saved: new Set(), assets: new Set(), pages: 0 }
  var pages = await sitemapPages()
  var kept = await pagesSavedBefore()
  var top = [OFFLINE_PAGE, SCOPE].concat(pages.filter(function (href) { return depth(href) <= 1 }))
  var deep = pages.filter(function (href) { return depth(href) > 1 })
  // The offline page and the home page must be there, or the worker is not installed.
  for (var href of [OFFLINE_PAGE, SCOPE]) {
    if (!(await savePage(state, href))) throw new Error("offline: could not save " + href)
  }
  // The 404 page, and the list it is for; without a sitemap every unsaved page is "not saved".
  await savePage(state, NOT_FOUND_PAGE)
  if (pages.length) await cache.put(SITE_PAGES, json(pages.map(pageAddress)))
  await inParallel(unique(top), function (href) { return savePage(state, href) })
  await saveAssets(state)
  await save(state, SEARCH_INDEX, false)
  // Pages the previous build had saved (within its budget, or opened by the reader) are saved
  // again whatever the budget: a new build must not take away what the reader had.
  deep = unique(kept.filter(function (href) { return pages.indexOf(href) >= 0 }).concat(deep))
  var later = 0
  await inParallel(deep, async function (href) {
    if (state.bytes >= BUDGET && kept.indexOf(href) < 0) return later++
    await savePage(state, href)
  })
  await saveAssets(state)
  var status = {
    build: BUILD, complete: true, pages: state.pages, later: later,
    bytes: state.bytes, ms: Date.now() - started, saved: new Date().toISOString()
  }
  await cache.put(STATUS, json(status))
}

// Pages the sitemap lists, as addresses under this worker's scope. The sitemap names them from
// site_url, which may be another host (a preview, a test); all of them start with the home
// page's address, the shortest one, so that prefix is swapped for the scope.
async function sitemapPages() {
  try {
    var response = await fetch(SCOPE + "sitemap.xml", { cache: "no-cache" })
    if (!response.ok) return []
    var text = await response.text()
    var locs = Array.from(text.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g), function (m) { return decode(m[1]) })
    if (!locs.length) return []
    var home = locs.reduce(function (a, b) { return a.length <= b.length ? a : b })
    return locs.filter(function (loc) { return loc.indexOf(home) === 0 }).map(function (loc) {
      return SCOPE + loc.slice(home.length)
    })
  } catch (error) {
    return []
  }
}

async function pagesSavedBefore() {
  var names = (await caches.keys()).filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE })
  var found = []
  for (var name of names) {
    var old = await caches.open(name)
    for (var request of await old.keys()) {
      if (request.url.indexOf(SCOPE) === 0 && /\/$/.test(request.url)) found.push(request.url)
    }
  }
  return found
}

function depth(href) {
  return href.slice(SCOPE.length).split("/").filter(Boolean).length
}

async function savePage(state, href) {
  var text = await save(state, href, true)
  if (text === null) return false
  state.pages++
  assetsOf(text, href).forEach(function (asset) { state.assets.add(asset) })
  return true
}

// Save the assets found so far (and those their stylesheets and manifests name), once each.
async function saveAssets(state) {
  var pending = Array.from(state.assets).filter(function (href) { return !state.saved.has(href) })
  while (pending.length) {
    await inParallel(pending, async function (href) {
      var text = await save(state, href, /\.(?:css|webmanifest)$/.test(new URL(href).pathname))
      if (text) assetsOf(text, href).forEach(function (asset) { state.assets.add(asset) })
    })
    pending = Array.from(state.assets).filter(function (href) { return !state.saved.has(href) })
  }
}

// Fetch one file into the cache (a fingerprinted one is copied from an older cache when there);
// its text when asked for, else "", or null when it could not be saved.
async function save(state, href, wantText) {
  if (state.saved.has(href)) return null
  state.saved.add(href)
  try {
    var path = new URL(href).pathname
    var response = FINGERPRINTED.test(path) ? await caches.match(href, { ignoreVary: true }) : undefined
    if (!response) {
      response = await fetch(href, { cache: FINGERPRINTED.test(path) ? "default" : "no-cache" })
      if (!response.ok || response.type !== "basic") return null
    }
    var body = await response.arrayBuffer()
    // A fresh response: no "redirected" flag, which a page must not carry.
    var headers = new Headers(response.headers)
    headers.delete("Content-Encoding") // the body is stored decoded
    headers.delete("Content-Length")
    await state.cache.put(/\/$/.test(href) ? pageKey(href) : href, new Response(body, { status: 200, headers: headers }))
    state.bytes += body.byteLength
    return wantText ? new TextDecoder().decode(body) : ""
  } catch (error) {
    return null
  }
}

// Same-site files a page or stylesheet needs: stylesheets, icons and the manifest (<link>),
// scripts, images, Material's search worker (named in its configuration), url()s in CSS and the
// icons of a web app manifest.
function assetsOf(text, base) {
  var found = []
  var tag, match
  var tags = /<(link|script|img|source|use)\b[^>]*>/gi
  while ((tag = tags.exec(text))) {
    var name = tag[1].toLowerCase()
    var attrs = tag[0]
    if (name === "link") {
      var rel = /\brel="([^"]*)"/i.exec(attrs)
      if (!rel || !/\b(?:stylesheet|icon|apple-touch-icon|manifest|preload|modulepreload)\b/i.test(rel[1])) continue
    }
    var link = /\s(?:href|src)="([^"]+)"/i.exec(attrs)
    if (link) found.push(link[1])
  }
  var config = /<script id="__config" type="application\/json">([\s\S]*?)<\/script>/.exec(text)
  if (config) {
    try { found.push(JSON.parse(config[1]).search) } catch (error) { /* no search worker */ }
  }
  var urls = /url\(\s*["']?([^"')]+)["']?\s*\)/g
  while ((match = urls.exec(text))) found.push(match[1])
  if (/\.webmanifest$/.test(new URL(base).pathname)) {
    try { JSON.parse(text).icons.forEach(function (icon) { found.push(icon.src) }) } catch (error) { /* none */ }
  }
  return unique(found.filter(Boolean).map(function (link) {
    try {
      var url = new URL(decode(link), base)
      url.hash = ""
      return url.href
    } catch (error) {
      return ""
    }
  }).filter(function (href) {
    return href.indexOf(SCOPE) === 0 && !/\/$|\.html$/.test(new URL(href).pathname)
  }))
}

// --- Small helpers ------------------------------------------------------------------------------

async function readStatus() {
  var cache = await caches.open(CACHE)
  var saved = await cache.match(STATUS)
  var status = saved ? await saved.json() : { build: BUILD, complete: false }
  // Complete once the copies of other builds are gone too (the new worker deletes them when it
  // takes over; until then the old one answers "not complete").
  var others = (await caches.keys()).filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE })
  status.complete = !!status.complete && others.length === 0
  status.offline = networkDown
  return status
}

function json(value) {
  return new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } })
}

function decode(text) {
  return text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">")
}

function unique(list) {
  return Array.from(new Set(list))
}

async function inParallel(items, task) {
  var queue = items.slice()
  async function worker() {
    while (queue.length) await task(queue.shift())
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
}
