// Material for MkDocs 9.8.2, partials/javascripts/base.html, moved out of line so the
// Content-Security-Policy needs no inline script. The scope is the site root: this file is
// served from <root>/assets/javascripts/, so "../.." from its own address is that root.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
