/**
 * `index.html`: the package's self-contained offline viewer (DESIGN §6). One page, inline style
 * and script, no external assets, so it works from `file://` in any browser with the network
 * off. Three views of the same evidence — by the auditor's request, by criterion, by control —
 * each listing the files with links relative to the page. Readable and printable without the
 * script (the views follow one another); the script adds tabs, search and copying a hash.
 * It shows evidence, never conclusions: no "met", no self-test results (those stay in
 * `07_Internal/`). Every text from the vault is escaped.
 */
import type { ViewerData } from './viewer-data';
import { VIEWER_CSS, VIEWER_SCRIPT } from './viewer-assets';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A relative link to a file in the package, each segment percent-encoded. */
export function fileHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

type ViewerFile = ViewerData['files'][number];

/** Only script-free networking: everything the page needs is inside it. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderViewerHtml(data: ViewerData): string {
  const e = data.engagement;
  const title = `${e.name} — audit package${data.delta ? ' (delta)' : ''}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${VIEWER_CSS}</style>
</head><body>
<header>
<h1>${escapeHtml(e.name)}</h1>
<p class="meta">${escapeHtml(describeEngagement(data))}</p>
${renderNotice(data)}
<nav hidden aria-label="Views">
<button type="button" data-view="by-request">By request</button>
<button type="button" data-view="by-criterion">By criterion</button>
<button type="button" data-view="by-control">By control</button>
<input id="search" type="search" placeholder="Search titles, ids, requests, hashes…" aria-label="Search">
</nav>
</header>
<main>
${renderByRequest(data)}
${renderByCriterion(data)}
${renderByControl(data)}
${renderDocuments(data)}
${renderRemoved(data)}
</main>
<script>${VIEWER_SCRIPT}</script>
</body></html>
`;
}

function describeEngagement(data: ViewerData): string {
  const e = data.engagement;
  const who = e.client ? `${e.client} · ` : '';
  const period =
    e.type === 'type1'
      ? `SOC 2 Type I as of ${e.asOf ?? 'a date not recorded'}`
      : `SOC 2 Type II, period ${e.periodStart ?? '?'} to ${e.periodEnd ?? '?'}`;
  const delta = data.delta
    ? ` · delta of the package exported ${data.delta.previousGeneratedAt}`
    : '';
  return `${who}${period} · exported ${data.generatedAt} · ${data.files.length} evidence items${delta}`;
}

function renderDelta(data: ViewerData): string {
  const d = data.delta;
  if (!d) return '';
  const c = d.counts;
  return `<p class="delta"><strong>A delta package.</strong> It holds only what is new or changed since the package exported ${escapeHtml(d.previousGeneratedAt)} (<code>${escapeHtml(d.previousFileName)}</code>, manifest SHA-256 <code title="${escapeHtml(d.since)}">${escapeHtml(d.since.slice(0, 16))}…</code>): ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed. Files marked “in an earlier package” are not in this zip: unzip this package over the earlier one’s folder and their links work.</p>`;
}

const STATUS_TAG: Record<NonNullable<ViewerFile['status']>, string> = {
  new: '<span class="tag new">new</span>',
  changed: '<span class="tag changed">changed</span>',
  unchanged: '<span class="tag">in an earlier package</span>',
};

function renderRemoved(data: ViewerData): string {
  const d = data.delta;
  if (!d || d.removed.length === 0) return '';
  const rows = d.removed
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.what)}</td><td>${escapeHtml(r.id)}</td><td>${r.paths.map((p) => `<code>${escapeHtml(p)}</code>`).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<section id="removed"><h2>Removed since the earlier package</h2>
<p class="links">Shown in the package this one follows, no longer in the vault’s package: archived, deleted, or no longer chosen for it.</p>
<table class="removed"><thead><tr><th>What</th><th>ID</th><th>Files in the earlier package</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

function renderNotice(data: ViewerData): string {
  return `<section class="notice" aria-label="About this package">
${renderDelta(data)}
<p>Signing key fingerprint: <code class="fingerprint">${escapeHtml(data.keyFingerprint)}</code> — for comparison only. Compare it with the fingerprint the sender gave you separately (by phone, or in a message apart from this package); a fingerprint printed inside the package proves nothing on its own.</p>
<p>What the signature proves: the files are unchanged since they were exported by someone holding a copy of this engagement's Attest vault file. The key identifies a vault, not a person. It does not prove that the evidence is authentic or complete, nor that dates typed into Attest are true.</p>
<p>To check it: <code>attest verify &lt;package&gt;.zip</code>, or unpack the package and run <code>sha256sum -c SHA256SUMS</code> in its folder (this lists every file except the manifest and its signature, which Attest checks against <code>signing-key.pub</code>).</p>
<p>This package holds evidence for the auditor to assess. It states no conclusions about any criterion or control.</p>
</section>`;
}

function fileTable(files: ViewerFile[]): string {
  if (files.length === 0) return '<p class="empty">No evidence files in this package.</p>';
  const rows = files.map((f) => {
    const text = [
      f.evidenceId,
      f.title,
      f.path ?? '',
      f.sha256,
      f.covers ?? '',
      ...f.requests,
      ...f.controls,
      ...f.criteria,
    ]
      .join(' ')
      .toLowerCase();
    const tag = f.status ? ` ${STATUS_TAG[f.status]}` : '';
    // A link has no file here: its web address (http or https only, checked when it was
    // recorded) opens in a new tab, and there are no bytes to hash.
    if (f.path === null) {
      const url = escapeHtml(f.url ?? '');
      return `<tr data-text="${escapeHtml(`${text} ${f.url ?? ''}`.toLowerCase())}"><td><a href="${url}" target="_blank" rel="noopener noreferrer">${escapeHtml(f.evidenceId)}</a>${tag}</td><td>${escapeHtml(f.title)}<p class="links">Link: ${url}</p></td><td>${escapeHtml(f.covers ?? 'not stated')}</td><td class="hash">no file</td><td>link</td></tr>`;
    }
    return `<tr data-text="${escapeHtml(text)}"><td><a href="${fileHref(f.path)}">${escapeHtml(f.evidenceId)}</a>${tag}</td><td>${escapeHtml(f.title)}<p class="links">${escapeHtml(f.path)}</p></td><td>${escapeHtml(f.covers ?? 'not stated')}</td><td class="hash"><code title="${escapeHtml(f.sha256)}">${escapeHtml(f.sha256.slice(0, 12))}…</code><button type="button" data-copy="${escapeHtml(f.sha256)}" aria-label="Copy the full SHA-256 of ${escapeHtml(f.evidenceId)}">Copy</button></td><td>${formatSize(f.size)}</td></tr>`;
  });
  return `<table><thead><tr><th>Evidence</th><th>Title and file</th><th>Covers</th><th>SHA-256</th><th>Size</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function group(id: string, heading: string, links: string, files: ViewerFile[]): string {
  const text = `${id} ${heading} ${links}`.toLowerCase();
  return `<div class="group" data-text="${escapeHtml(text)}">
<h3>${escapeHtml(id)} — ${escapeHtml(heading)}</h3>
${links ? `<p class="links">${escapeHtml(links)}</p>` : ''}
${fileTable(files)}
</div>`;
}

function filesBy(data: ViewerData, key: 'requests' | 'criteria' | 'controls') {
  const map = new Map<string, ViewerFile[]>();
  for (const f of data.files) {
    for (const k of f[key]) {
      const list = map.get(k);
      if (list) list.push(f);
      else map.set(k, [f]);
    }
  }
  return (k: string) => map.get(k) ?? [];
}

const list = (label: string, items: string[]) =>
  items.length > 0 ? `${label}: ${items.join(', ')}` : '';

function renderByRequest(data: ViewerData): string {
  const of = filesBy(data, 'requests');
  const groups = data.requests.map((r) =>
    group(
      r.ref,
      r.title,
      [list('Controls', r.controls), list('Criteria', r.criteria)].filter(Boolean).join(' · '),
      of(r.ref),
    ),
  );
  const unlinked = data.files.filter((f) => f.requests.length === 0);
  if (unlinked.length > 0) {
    groups.push(group('Other', 'Evidence not linked to a request', '', unlinked));
  }
  return section('by-request', 'By request', groups, 'No requests were recorded for this package.');
}

function renderByCriterion(data: ViewerData): string {
  const of = filesBy(data, 'criteria');
  const groups = data.criteria.map((c) =>
    group(c.id, c.title, list('Controls', c.controls), of(c.id)),
  );
  return section(
    'by-criterion',
    'By criterion',
    groups,
    'No criteria were recorded for this package.',
  );
}

function renderByControl(data: ViewerData): string {
  const of = filesBy(data, 'controls');
  const groups = data.controls.map((c) =>
    group(
      c.ref,
      c.title,
      [
        list('Criteria', c.criteria),
        `Frequency: ${c.frequency}`,
        c.owner ? `Owner: ${c.owner}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      of(c.ref),
    ),
  );
  return section('by-control', 'By control', groups, 'No controls were recorded for this package.');
}

function renderDocuments(data: ViewerData): string {
  if (data.documents.length === 0) return '';
  const items = data.documents
    .map(
      (d) =>
        `<li><a href="${fileHref(d.path)}">${escapeHtml(d.title)}</a> <code>${escapeHtml(d.path)}</code></li>`,
    )
    .join('\n');
  return `<section id="documents"><h2>Other documents</h2><ul>
${items}
</ul></section>`;
}

function section(id: string, heading: string, groups: string[], empty: string): string {
  return `<section class="view" id="${id}"><h2>${heading}</h2>
${groups.length > 0 ? groups.join('\n') : `<p class="empty">${empty}</p>`}
</section>`;
}

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
