// Adductor Atlas offline: a service worker of our own (no plugin, no build hook).
//
// It lives at the site root, so its scope is the whole site, under a sub-path too; it is
// registered by assets/javascripts/offline.js as sw.js?build=<build time of the page>. A new
// build therefore means a new worker URL: the browser installs the new worker, which saves the
// new copies into a new cache while the old worker keeps serving the old one, then takes over.
// The reader does nothing.
//
// One build at a time, in every tab: a page and the files it loads always come from the same
// build. Each cache holds one build and is never refreshed from the network with what may be
// another build's files. Every page names the time it was rendered (<link rel="manifest"
// data-build>: each page its own moment, all within the build): a page fetched from the network
// is this cache's build if its copy here names the same moment, or, never saved, if the host
// still serves this build's home page; otherwise the host has a newer build. The
// worker notes where each tab's page came from (TAB_SOURCE: a cache, or the network) and serves
// the tab's files from there: a newer build's page gets the network's files, not this cache's;
// a tab still open on an old build keeps its build's copies after a new worker has taken over,
// and an old build's cache is deleted once no tab shows it. offline.js registers the worker of
// the build it was saved for as long as the pages come from it (offline-status.json, "current"),
// and a new one only for a newer build's page.
//
// - Pages: network first (revalidated, so a reader online gets the current text), the saved
//   copy when there is no network or it takes longer than NETWORK_TIMEOUT. Offline, a page that
//   was never saved gets an answer at its own address (the address stays, so the reader can try
//   it again): the site's 404 page if the site has no such page (the sitemap of the build the
//   worker saved is the list), else our offline page ("not saved yet"). Every page a reader
//   opens online is saved.
// - Files (Material's fingerprinted ones, our own CSS/JS, icons, the search index): the copy of
//   the tab's build, else the network. What the network gives is kept only when it is that
//   build's: fingerprinted files (the name changes with the content) always, others only while
//   the host still serves this worker's build. Files and pages saved after the install (opened
//   by the reader) are bounded by RUNTIME_BUDGET bytes, the oldest dropped first.
// - Errors the worker cannot act on (a full disk, a file that would not save) are not swallowed:
//   each is logged to the console and the last few are listed in offline-status.json
//   ("errors"). No network for a page is not an error: that is what the worker is for.
// - On install it saves, in the background, what the site lists in sitemap.xml, in this order:
//   the offline page and home page, every page one level down (articles, the exercise library,
//   the sample programme, ...), the search index, then deeper pages (exercise pages) while the
//   total stays under BUDGET bytes. Deeper pages past the budget are saved when opened. The
//   assets saved are the ones the saved pages name (stylesheets, scripts, icons, images, the
//   muscle map's drawing that <use> refers to, the manifest and its icons, url()s in
//   stylesheets), so a new kind of asset needs no change here.
// - offline-status.json (answered here, never fetched) says what was saved: the build, pages,
//   pages left for later, bytes and milliseconds, whether the last page found no network, and
//   the last errors.
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
// Where each tab's page came from (a cache's name, or NETWORK), one entry per tab in the cache
// of the worker that saw it open, under these addresses (never fetched); and the files and
// pages saved after the install.
var TAB_SOURCE = SCOPE + "offline-tab/"
var NETWORK = "network"
var RUNTIME = SCOPE + "offline-runtime.json"
var RUNTIME_BUDGET = 2000000 // bytes saved after the install, besides BUDGET
var STATUS = SCOPE + "offline-status.json"
var SEARCH_INDEX = SCOPE + "search/search_index.json"
var BUDGET = 5000000 // bytes stored, all saving included (measured: MAINTAINING.md, "Offline and installable")
var NETWORK_TIMEOUT = 4000 // ms before a slow network loses to a saved page
var PARALLEL = 4
var FINGERPRINTED = /\.[0-9a-f]{8}\.min\.(?:js|css)$/
// Whether the last page request found no usable network (navigator.onLine misses a connection
// that is there but carries nothing, as at the edge of a signal): offline.js shows its notice.
var networkDown = false
var tabSources = new Map() // tab (client) id -> CACHE, an older build's cache, or NETWORK
var hostSame = false // the last page fetched from the host was of this cache's build
var hostChecked = 0 // when hostSame was last found out, in ms since the epoch
var HOST_CHECK = 30000
var errors = [] // the last few errors, newest last, for offline-status.json
var runtimeQueue = Promise.resolve() // saves after the install, one at a time (their index)

self.addEventListener("install", function (event) {
  event.waitUntil(saveSite().then(function () { return self.skipWaiting() }))
})

self.addEventListener("activate", function (event) {
  // Taking over the open tabs, then deleting the caches none of them shows.
  event.waitUntil(
    self.clients.claim()
      .then(dropUnusedBuilds)
      .then(function () {
        return self.clients.matchAll({ type: "window" }).then(function (clients) {
          return Promise.all(clients.map(async function (client) {
            client.postMessage({ type: "offline-status", status: await readStatus(client.id) })
          }))
        })
      })
  )
})

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return
  var url = new URL(request.url)
  if (url.origin + url.pathname === STATUS) return event.respondWith(status(event.clientId, url.searchParams.get("page")))
  if (request.mode === "navigate") return event.respondWith(page(event, request))
  if (/\.map$/.test(url.pathname)) return // source maps: developer tools only
  event.respondWith(file(event, request))
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
  var cachedBody = cached ? await cached.arrayBuffer() : null
  if (cached) cached = copy(cached, cachedBody)
  var savedMoment = cachedBody ? buildOf(new TextDecoder().decode(cachedBody)) : ""
  // "manual": a host's redirect (folder without its slash) goes back to the browser as it came.
  // Resolves to the response and where its files are to come from.
  var network = fetch(request.url, { cache: "no-cache", credentials: "same-origin", redirect: "manual" })
    .then(async function (response) {
      networkDown = false
      if (!isPage(response)) return { response: response, source: NETWORK }
      var body = await response.arrayBuffer()
      var ours = await isThisBuild(buildOf(new TextDecoder().decode(body)), savedMoment)
      if (savedMoment) {
        hostSame = ours
        hostChecked = Date.now()
      }
      // Only this build's pages join its copies; a newer build's page is shown, not saved.
      if (ours) event.waitUntil(saveLater(pageKey(request.url), copy(response, body), body.byteLength))
      return { response: copy(response, body), source: ours ? CACHE : NETWORK }
    })
  event.waitUntil(network.catch(function (error) {
    networkDown = true
    // No network is what this worker is for; anything else is a fault to see.
    if (!(error instanceof TypeError && /fetch/i.test(error.message))) report("fetching " + request.url)(error)
  }))
  var saved = { response: cached, source: CACHE }
  var served
  if (!cached) {
    served = await network.catch(async function () {
      networkDown = true
      return { response: await notSaved(request.url), source: CACHE }
    })
  } else {
    var settled = false
    network.then(function () { settled = true }, function () { settled = true })
    var slow = new Promise(function (resolve) {
      setTimeout(function () {
        if (!settled) networkDown = true
        resolve(saved)
      }, NETWORK_TIMEOUT)
    })
    var fresh = network.then(function (answer) { return answer.response.status >= 500 ? saved : answer })
    served = await Promise.race([fresh, slow]).catch(function () { return saved })
  }
  event.waitUntil(showing(event.resultingClientId, served.source).then(dropUnusedBuilds))
  return served.response
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

// A file (not a page): from the cache of the build its tab shows, else the network.
async function file(event, request) {
  var source = (await tabSource(event.clientId)) || CACHE
  if (source !== NETWORK) {
    var cached = await caches.match(request, { cacheName: source, ignoreVary: true })
    if (cached) return cached
  }
  // A file whose name does not change with its content is revalidated: the browser's own cache
  // (the host's max-age) may still hold the previous build's copy.
  var fingerprinted = FINGERPRINTED.test(new URL(request.url).pathname)
  var response = await fetch(request, fingerprinted ? {} : { cache: "no-cache" })
  // Kept only when it is surely this cache's build: the host may have moved on since.
  var ours = fingerprinted || (source === CACHE && hostSame)
  if (!ours || !response.ok || response.type !== "basic") return response
  var body = await response.arrayBuffer()
  event.waitUntil(saveLater(request.url, copy(response, body), body.byteLength))
  return copy(response, body)
}

// A response whose body has been read to its end, as a new response (one for the page, one for
// the cache). Not response.clone(): in Chromium a clone that is not read in step with the
// original stalls it once the body outgrows a buffer, and a cache.put() that never ends blocks
// every later read of that cache (a page then waits for ever for a script the cache holds).
function copy(response, body) {
  var headers = new Headers(response.headers)
  headers.delete("Content-Encoding") // the body is decoded
  headers.delete("Content-Length")
  return new Response(body, { status: response.status, statusText: response.statusText, headers: headers })
}

// Save what the reader opened after the install, within RUNTIME_BUDGET: the oldest such copies
// go first. One at a time, as they share an index. A copy that replaces one (a page saved at
// install, opened again) does not count again.
function saveLater(key, response, bytes) {
  runtimeQueue = runtimeQueue.then(async function () {
    var cache = await caches.open(CACHE)
    var had = await cache.match(key, { ignoreVary: true })
    await cache.put(key, response)
    if (had) return
    var index = (await readJson(cache, RUNTIME)) || []
    index.push([key, bytes])
    var total = index.reduce(function (sum, entry) { return sum + entry[1] }, 0)
    while (total > RUNTIME_BUDGET && index.length > 1) {
      var oldest = index.shift()
      total -= oldest[1]
      await cache.delete(oldest[0])
    }
    await cache.put(RUNTIME, json(index))
  }).catch(report("saving " + key))
  return runtimeQueue
}

// The moment a page was rendered (<link rel="manifest" data-build>, "2026-12-07 14:24:43.474970+00:00"
// or without the fraction), as 20 digits that sort in time order; "" when it names none (a
// redirect page; Zensical gives no build time, and keeps one unversioned cache).
function buildOf(html) {
  var found = /<link rel="manifest"[^>]*\sdata-build="([^"]*)"/.exec(html)
  return found ? momentOf(found[1]) : ""
}

function momentOf(text) {
  var found = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?/.exec(text || "")
  return found ? found.slice(1, 7).join("") + (found[7] || "").padEnd(6, "0") : ""
}

// Whether a page fetched from the host is of this cache's build: the same moment as its copy
// here. A page never saved is, if the host still serves this build's home page (asked at most
// every HOST_CHECK ms). A page that names no moment belongs to any build.
async function isThisBuild(moment, savedMoment) {
  if (!moment) return true
  if (savedMoment) return moment === savedMoment
  if (Date.now() - hostChecked > HOST_CHECK) {
    var home = await savedPage(SCOPE)
    var saved = home ? buildOf(await home.text()) : ""
    var now = await fetch(SCOPE, { cache: "no-cache" }).then(function (response) { return response.text() })
    hostSame = !!saved && buildOf(now) === saved
    hostChecked = Date.now()
  }
  return hostSame
}

// --- Where each tab's page came from ------------------------------------------------------------

// offline-status.json for a tab. A tab this worker has not served (opened before a worker was in
// charge) says when its page was rendered (?page=, its data-build): it is this build's if its
// copy here, or the pages saved at install, say so.
async function status(clientId, rendered) {
  var source = await tabSource(clientId)
  // Not noted as this build's (a tab opened before any worker, or whose page was a newer build
  // to the worker before this one): it may be this build's now.
  if (clientId && rendered && source !== CACHE) {
    var tab = await self.clients.get(clientId)
    var copy = tab && (await savedPage(tab.url))
    var savedMoment = copy ? buildOf(await copy.text()) : ""
    if (await isThisBuild(momentOf(rendered), savedMoment)) await showing(clientId, CACHE)
    else if (!source) await showing(clientId, NETWORK)
  }
  // A worker may be stopped and started again at any time, so the status does not count on the
  // activation's clearing up having run in this instance: the worker in charge does it again.
  if (isInCharge()) await dropUnusedBuilds()
  return json(await readStatus(clientId))
}

// A note: { source, at (when it was taken, in ms), seen (its tab was found open) }. A page being
// loaded is not yet among the open tabs, so a note on a tab never found open counts as an open
// tab's for NOTE_GRACE.
var NOTE_GRACE = 60000

async function showing(clientId, source) {
  if (!clientId) return
  var note = { source: source, at: Date.now() }
  tabSources.set(clientId, note)
  var cache = await caches.open(CACHE)
  await cache.put(TAB_SOURCE + encodeURIComponent(clientId), json(note))
}

// The note on a tab, as this worker or an earlier one took it; null if none did.
async function tabNote(clientId) {
  if (!clientId) return null
  if (tabSources.has(clientId)) return tabSources.get(clientId)
  var noted = await caches.match(TAB_SOURCE + encodeURIComponent(clientId))
  var note = noted ? await noted.json().catch(function () { return null }) : null
  if (note) tabSources.set(clientId, note)
  return note
}

// Where a tab's page came from; "" if unknown.
async function tabSource(clientId) {
  var note = await tabNote(clientId)
  return note ? note.source : ""
}

// Delete other builds' caches that no tab shows, and the notes on tabs since closed. Only the
// worker in charge does, and never the cache a newer worker is saving into or has saved.
async function dropUnusedBuilds() {
  if (!isInCharge()) return
  var open = new Set((await self.clients.matchAll({ type: "window" })).map(function (tab) { return tab.id }))
  var names = (await caches.keys()).filter(function (name) { return name.indexOf(PREFIX) === 0 })
  var shown = new Set([CACHE])
  ;[self.registration.installing, self.registration.waiting].forEach(function (next) {
    if (next) shown.add(PREFIX + (new URL(next.scriptURL).searchParams.get("build") || "unversioned"))
  })
  var stale = [] // [cache, request, id] of notes on closed tabs
  for (var name of names) {
    var cache = await caches.open(name)
    for (var request of await cache.keys()) {
      if (request.url.indexOf(TAB_SOURCE) !== 0) continue
      var id = decodeURIComponent(request.url.slice(TAB_SOURCE.length))
      var note = await tabNote(id)
      if (note && open.has(id)) note.seen = true
      if (note && (open.has(id) || (!note.seen && Date.now() - note.at < NOTE_GRACE))) shown.add(note.source)
      else stale.push([cache, request, id])
    }
  }
  for (var entry of stale) {
    tabSources.delete(entry[2])
    await entry[0].delete(entry[1])
  }
  for (var old of names) {
    if (!shown.has(old)) await caches.delete(old)
  }
}

function isPage(response) {
  return response.ok && response.type === "basic" && /^text\/html/.test(response.headers.get("Content-Type") || "")
}

// --- Saving the site on install -----------------------------------------------------------------

async function saveSite() {
  var started = Date.now()
  var cache = await caches.open(CACHE)
  var state = { cache: cache, bytes: 0, saved: new Set(), assets: new Set(), pages: 0, home: "" }
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
  // The home page rendered at another moment: the host was updated while the site was being
  // saved. These copies could mix two builds, so this worker is not installed; the new build's
  // pages register theirs.
  var home = await fetch(SCOPE, { cache: "no-cache" }).then(function (response) { return response.text() })
  if (state.home && buildOf(home) !== state.home) throw new Error("offline: the site changed while it was being saved")
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
    report("reading sitemap.xml")(error)
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
    var text = wantText ? new TextDecoder().decode(body) : ""
    var moment = /\/$|\.html$/.test(path) ? buildOf(text) : ""
    if (href === SCOPE) state.home = moment
    // A fresh response: no "redirected" flag, which a page must not carry.
    var headers = new Headers(response.headers)
    headers.delete("Content-Encoding") // the body is stored decoded
    headers.delete("Content-Length")
    await state.cache.put(/\/$/.test(href) ? pageKey(href) : href, new Response(body, { status: 200, headers: headers }))
    state.bytes += body.byteLength
    return text
  } catch (error) {
    report("saving " + href)(error)
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

// What was saved; "current" when the tab asking shows a page of this worker's build.
async function readStatus(clientId) {
  var cache = await caches.open(CACHE)
  var saved = await cache.match(STATUS)
  var status = saved ? await saved.json() : { build: BUILD, complete: false }
  // Complete once this worker serves the site (a new worker, installed, waits for that).
  status.complete = !!status.complete && isInCharge()
  status.offline = networkDown
  status.errors = errors.slice()
  status.current = (await tabSource(clientId)) === CACHE
  return status
}

function isInCharge() {
  var active = self.registration.active
  return !!active && active.scriptURL === location.href
}

// Log an error the worker cannot act on, and keep the last few for offline-status.json.
function report(what) {
  return function (error) {
    var line = "offline: " + what + ": " + (error && error.message ? error.message : error)
    console.warn(line)
    errors = errors.concat([line]).slice(-5)
  }
}

async function readJson(cache, key) {
  var saved = await cache.match(key)
  return saved ? saved.json() : null
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
