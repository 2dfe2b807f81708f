/**
 * The offline viewer's inline style and script (DESIGN §6: no external assets, works from
 * `file://`). The page is complete without the script — every view is a section one after the
 * other, as printed; the script adds view tabs, search and copying a full SHA-256.
 */
export const VIEWER_CSS = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6477; --line: #d9dde6; --accent: #1c5fb8; --bg: #f6f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header { padding: 24px 32px 16px; background: var(--bg); border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 { margin: 32px 0 8px; font-size: 20px; }
h3 { margin: 20px 0 4px; font-size: 16px; }
main { padding: 8px 32px 48px; max-width: 1200px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.notice { max-width: 900px; }
.notice p { margin: 6px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.fingerprint { word-break: break-all; background: #fff; padding: 2px 6px; border: 1px solid var(--line); border-radius: 4px; }
nav { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 16px; }
nav button { font: inherit; padding: 6px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
nav button[aria-selected="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
nav input { font: inherit; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; min-width: 260px; margin-left: auto; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; table-layout: fixed; }
th:nth-child(1) { width: 10%; } th:nth-child(2) { width: 44%; } th:nth-child(3) { width: 18%; } th:nth-child(4) { width: 19%; } th:nth-child(5) { width: 9%; }
td { overflow-wrap: anywhere; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
a { color: var(--accent); }
.links { color: var(--muted); font-size: 13px; margin: 0; }
.empty { color: var(--muted); font-style: italic; margin: 0 0 8px; }
.delta { padding: 8px 12px; border-left: 4px solid var(--accent); background: #fff; }
.tag { display: inline-block; max-width: 100%; font-size: 11px; line-height: 1.3; padding: 0 6px; border-radius: 8px; border: 1px solid var(--line); color: var(--muted); }
.tag.new { color: #0b6b4f; border-color: #0b6b4f; }
.tag.changed { color: #8a4b00; border-color: #8a4b00; }
table.removed th:nth-child(1) { width: 22%; } table.removed th:nth-child(2) { width: 14%; } table.removed th:nth-child(3) { width: 64%; }
.hash button { font: inherit; font-size: 12px; margin-left: 4px; padding: 0 6px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
.js .view { display: none; }
.js .view.active { display: block; }
[hidden] { display: none !important; }
@media print {
  nav, .hash button { display: none !important; }
  .js .view { display: block !important; }
  header { background: none; }
  a { color: inherit; text-decoration: none; }
  tr, .group { break-inside: avoid; }
}
`;

/** Tabs, search and copy. Plain ES2017, no network, nothing stored. */
export const VIEWER_SCRIPT = `
(function () {
  document.documentElement.classList.add('js');
  var views = Array.prototype.slice.call(document.querySelectorAll('.view'));
  var tabs = Array.prototype.slice.call(document.querySelectorAll('nav [data-view]'));
  var nav = document.querySelector('nav');
  if (nav) nav.hidden = false;
  function show(id) {
    views.forEach(function (v) { v.classList.toggle('active', v.id === id); });
    tabs.forEach(function (t) { t.setAttribute('aria-selected', String(t.getAttribute('data-view') === id)); });
  }
  tabs.forEach(function (t) { t.addEventListener('click', function () { show(t.getAttribute('data-view')); }); });
  show(location.hash && document.getElementById(location.hash.slice(1)) ? location.hash.slice(1) : 'by-request');
  var search = document.getElementById('search');
  if (search) search.addEventListener('input', function () {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    document.querySelectorAll('.group').forEach(function (g) {
      var any = false;
      g.querySelectorAll('tr[data-text]').forEach(function (row) {
        var text = row.getAttribute('data-text') + ' ' + g.getAttribute('data-text');
        var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !hit;
        any = any || hit;
      });
      var own = words.every(function (w) { return g.getAttribute('data-text').indexOf(w) !== -1; });
      g.hidden = words.length > 0 && !any && !own;
    });
  });
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-copy]');
    if (!b) return;
    var full = b.getAttribute('data-copy');
    var done = function () { b.textContent = 'Copied'; setTimeout(function () { b.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard) navigator.clipboard.writeText(full).then(done, function () { window.prompt('SHA-256', full); });
    else window.prompt('SHA-256', full);
  });
})();
`;
