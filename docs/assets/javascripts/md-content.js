// Material for MkDocs 9.8.2, partials/javascripts/content.html (the part every page runs),
// moved out of line (CSP). content.tabs.link is not enabled on this site.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
