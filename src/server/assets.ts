/**
 * The page's one stylesheet and one script, shipped as strings in the package (no build step,
 * no CDN, no request leaves the server). Served under a content-hash query so that browsers
 * may keep them; the CSP allows only these ('self'), never inline code.
 *
 * The script only enhances: the legend's checkboxes hide or show one kind of mark, and the
 * evidence a fact link points to takes the focus. It never writes HTML (no innerHTML).
 */
import { createHash } from 'node:crypto';

export const APP_CSS = `
:root { --fg: #1b1f24; --muted: #58606b; --bg: #fff; --panel: #f5f7f9; --line: #d5dae0; --link: #0b57b3;
  --focus: #c2410c; --ok: #16653a; --warn: #8a5a00; --bad: #b42318; --mark: #fff1a8;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.5; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible,
[tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--bg); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
header.site { background: #14213d; color: #fff; }
header.site nav { max-width: 72rem; margin: 0 auto; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; align-items: baseline; }
header.site a { color: #fff; }
header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
ul.messages { overflow-wrap: anywhere; }
main:focus { outline: none; }
footer { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .875rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: .75rem 0 .25rem; }
.meta, .muted { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; background: var(--panel); padding: .75rem; border-radius: 6px; }
form.filters label, form.ingest label { display: flex; flex-direction: column; font-size: .875rem; gap: .15rem; }
input, select, textarea, button { font: inherit; }
input, select, textarea { border: 1px solid #8a939e; border-radius: 4px; padding: .35rem .5rem; background: #fff; color: var(--fg); }
button { background: #14213d; color: #fff; border: 0; border-radius: 4px; padding: .45rem 1rem; cursor: pointer; }
ol.stories, ul.hits { list-style: none; padding: 0; }
ol.stories > li, ul.hits > li { border-bottom: 1px solid var(--line); padding: .75rem 0; }
ol.stories h2, ul.hits h2 { font-size: 1.1rem; margin: 0; border: 0; padding: 0; }
.badges { display: flex; flex-wrap: wrap; gap: .35rem; margin: .35rem 0; padding: 0; list-style: none; }
.badge { display: inline-block; white-space: nowrap; border-radius: 999px; padding: 0 .55rem; font-size: .8rem; border: 1px solid var(--line); background: var(--panel); }
.s-corroborated { border-color: var(--ok); color: var(--ok); }
.s-single-source { border-color: var(--warn); color: var(--warn); }
.s-disputed { border-color: var(--bad); color: var(--bad); font-weight: 600; }
nav.pages { display: flex; justify-content: space-between; margin: 1rem 0; }
ul.outlets { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .75rem; }
ul.outlets > li { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; background: var(--panel); }
dl.facts-of { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: .5rem 0 0; font-size: .875rem; }
dl.facts-of dt { color: var(--muted); }
dl.facts-of dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.article-text, td, th, blockquote, .meta { overflow-wrap: anywhere; }
.table-wrap { position: relative; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; padding: .5rem; color: var(--muted); }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); position: sticky; top: 0; }
th.fact { min-width: 16rem; font-weight: normal; }
tr:target th.fact { background: var(--mark); }
td.stance { min-width: 12rem; max-width: 22rem; }
td.stance p.member { margin: 0 0 .4rem; }
td.stance p.member:last-child { margin-bottom: 0; }
th.count { white-space: nowrap; }
td.none { color: var(--muted); }
.st-asserts { color: var(--ok); }
.st-disputes { color: var(--bad); font-weight: 600; }
.st-mentions { color: var(--muted); }
ul.conflicts { margin: .25rem 0 0; padding-left: 1rem; color: var(--bad); font-size: .85rem; }
progress { width: 8rem; vertical-align: middle; }
.passage { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin: .5rem 0; }
.passage blockquote { margin: 0; padding: .5rem .75rem; border-left: 3px solid var(--line); background: var(--panel); }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
ol.timeline li { position: relative; padding: .25rem 0 .5rem 1rem; }
ol.timeline li::before { content: ""; position: absolute; left: -.5rem; top: .65rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--link); }
.coverage { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.article-layout { display: grid; grid-template-columns: minmax(0, 1fr) 17rem; gap: 1.5rem; }
.article-text { font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.7; }
.article-text p { margin: 0 0 1rem; white-space: pre-wrap; }
.article-text .p-title { font-weight: 700; font-size: 1.2rem; }
.article-text .p-byline, .article-text .p-caption { color: var(--muted); font-style: italic; }
.article-text .p-heading { font-weight: 700; }
aside.legend { position: sticky; top: .5rem; align-self: start; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; font-size: .875rem; }
aside.legend ul { list-style: none; padding: 0; margin: 0; }
aside.legend li { margin: .2rem 0; }
.m-opinion { background: #e8defc; }
.m-loaded { text-decoration: underline wavy #b42318; text-decoration-thickness: 1px; text-underline-offset: 3px; }
.m-hedge { text-decoration: underline dotted #8a5a00; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.m-intensifier, .m-first-person { text-decoration: underline dashed #58606b; text-underline-offset: 3px; }
.m-sensational { background: #fde2e1; }
.m-quote { color: #0b4f3c; background: #e3f4ec; }
.m-speaker { font-weight: 700; }
.m-attr-named { border-bottom: 2px solid #16653a; }
.m-attr-anonymous { border-bottom: 2px solid #8a5a00; }
.m-attr-relayed { border-bottom: 2px dashed #16653a; }
.m-attr-dangling { border-bottom: 2px solid #b42318; background: #fde2e1; }
.m-repair { outline: 1px dashed #0b57b3; }
mark.evidence { background: var(--mark); outline: 2px solid var(--focus); border-radius: 2px; color: inherit; }
mark.evidence:target, mark.evidence:focus { background: #ffd84d; }
.hide-opinion .m-opinion, .hide-sensational .m-sensational { background: none; }
.hide-loaded .m-loaded, .hide-hedge .m-hedge, .hide-other .m-intensifier, .hide-other .m-first-person { text-decoration: none; }
.hide-quote .m-quote { background: none; color: inherit; }
.hide-quote .m-speaker { font-weight: inherit; }
.hide-attr .m-attr-named, .hide-attr .m-attr-anonymous, .hide-attr .m-attr-relayed, .hide-attr .m-attr-dangling { border-bottom: 0; background: none; }
.hide-repair .m-repair { outline: 0; }
details { margin: 1rem 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
details pre { white-space: pre-wrap; background: var(--panel); padding: .5rem; font-size: .85rem; }
ul.messages li { margin: .25rem 0; }
.sev-error { color: var(--bad); } .sev-warning { color: var(--warn); }
form.ingest { display: grid; gap: 1rem; max-width: 48rem; }
form.ingest fieldset { border: 1px solid var(--line); border-radius: 6px; display: grid; gap: .6rem; }
form.ingest textarea { min-height: 12rem; width: 100%; }
form.ingest label.inline { flex-direction: row; align-items: center; gap: .4rem; }
.grid-2 { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; }
.notice { background: var(--panel); border-left: 4px solid var(--link); padding: .5rem .75rem; }
.error-box { border-left: 4px solid var(--bad); padding: .5rem .75rem; background: #fff5f5; }
@media (max-width: 48rem) {
  .article-layout { grid-template-columns: 1fr; }
  aside.legend { position: static; order: -1; }
  .passage, .grid-2 { grid-template-columns: 1fr; }
  h1 { font-size: 1.35rem; }
  main { padding: .75rem; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
`;

export const APP_JS = `'use strict';
(function () {
  var text = document.getElementById('text');
  // The legend: each checkbox shows or hides one kind of mark in the article text.
  var boxes = document.querySelectorAll('input[data-toggle]');
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].disabled = false;
    boxes[i].addEventListener('change', function (event) {
      var box = event.target;
      if (text) text.classList.toggle('hide-' + box.getAttribute('data-toggle'), !box.checked);
    });
  }
  // The evidence a fact link points to: scrolled to by the browser; give it the focus too.
  var evidence = document.getElementById('evidence');
  if (evidence && window.location.hash === '#evidence') evidence.focus();
  // The write token: kept in this tab's session storage (never in an address or a cookie) when
  // the writer asks, filled in on the next visit, forgotten when the server refused it.
  var KEY = 'crosscheck-write-token';
  var store = null;
  try { store = window.sessionStorage; } catch (e) { store = null; }
  if (store && document.querySelector('[data-forget-token]')) store.removeItem(KEY);
  var form = document.querySelector('form.ingest');
  var token = form && form.querySelector('input[name="token"]');
  var remember = document.getElementById('remember-token');
  if (store && token) {
    var kept = store.getItem(KEY);
    if (kept && !token.value) token.value = kept;
    form.addEventListener('submit', function () {
      if (remember && !remember.checked) store.removeItem(KEY);
      else if (token.value) store.setItem(KEY, token.value);
    });
  }
})();
`;

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

export const ASSETS: Record<string, { type: string; body: Buffer; hash: string }> = {
  'app.css': { type: 'text/css; charset=utf-8', body: Buffer.from(APP_CSS), hash: hash(APP_CSS) },
  'app.js': { type: 'text/javascript; charset=utf-8', body: Buffer.from(APP_JS), hash: hash(APP_JS) },
};

export function assetUrl(name: 'app.css' | 'app.js'): string {
  return `/assets/${name}?v=${ASSETS[name]?.hash ?? ''}`;
}
