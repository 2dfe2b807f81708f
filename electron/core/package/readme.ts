/**
 * `00_README.pdf`: what the package is, how to check it with Attest or with standard tools,
 * exactly what the signature proves and what it does not, and the fingerprint to compare with
 * the one the consultant sends by another channel. The first file an auditor opens.
 */
import type { DocBlock } from '../../../shared/domain/system-description-doc';
import { timingLabel } from '../../../shared/domain/system-description-wording';
import { renderPdf } from '../../reports/pdf';
import { type DeltaView, KIND_LABEL } from './delta';
import type { PackageModel } from './model';

export const README_PATH = '00_README.pdf';

/** The fingerprint in groups of four, so it can be read out and compared by eye. */
export function groupedFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)!.join(' ');
}

const MAX_REMOVED_NAMED = 40;

/** A delta's own section: which package it follows, what it holds, what went since. */
export function deltaBlocks(delta: DeltaView, withIndex: boolean): DocBlock[] {
  const p = delta.previous;
  const c = delta.counts;
  // Named here up to a page's worth; the index lists them all.
  const removed = delta.removed
    .slice(0, MAX_REMOVED_NAMED)
    .map(
      (r) => `${KIND_LABEL[r.kind]} ${r.id}${r.paths.length > 0 ? ` (${r.paths.join(', ')})` : ''}`,
    );
  if (delta.removed.length > MAX_REMOVED_NAMED)
    removed.push(
      `…and ${delta.removed.length - MAX_REMOVED_NAMED} more${withIndex ? ', listed in 01_Index/removed-since-previous' : ''}.`,
    );
  return [
    { kind: 'heading', level: 2, text: 'A delta package' },
    {
      kind: 'paragraph',
      text: `This is a delta package: it holds only what is new or changed since the package exported ${p.manifest.generatedAt} (${p.fileName}), whose manifest.json has the SHA-256 ${groupedFingerprint(p.manifestSha256)}. Records unchanged since then are not in this zip; keep the earlier package, or unzip this one over its folder, to have them all.`,
    },
    {
      kind: 'paragraph',
      text:
        `Since that package: ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged (in an earlier package), ${c.removed} removed.` +
        (withIndex
          ? ' The indexes in 01_Index/ list every record, each row marked new, changed or unchanged; 01_Index/removed-since-previous lists what was removed.'
          : ''),
    },
    ...(removed.length > 0
      ? [
          {
            kind: 'paragraph' as const,
            text: 'Removed since the earlier package (archived, deleted, or no longer chosen for the package):',
          },
          { kind: 'bullets' as const, items: removed },
        ]
      : []),
  ];
}

export function readmeBlocks(
  model: PackageModel,
  fingerprint: string,
  delta: DeltaView | null = null,
): DocBlock[] {
  const e = model.engagement;
  const client = e.client.trim() || e.name;
  const o = model.options;
  const contents: string[] = [
    'index.html — open it in any browser, offline: the evidence by request, by criterion and by control, with links to the files.',
    '01_Index/ — the evidence index, the request list and the control matrix, each as XLSX and CSV.',
    '02_System_Description/ — the system description and management’s assertion (drafts, DOCX and PDF), the complementary user entity controls (CUECs) and the subservice organisations.',
    '03_Policies/ — every policy version in force at any time during the period (PDF and Markdown), named with its version and approval date.',
    '04_Evidence/ — each evidence file once, under its primary control' +
      (o.byRequest ? ' (here laid out by request instead)' : '') +
      '; the evidence index lists every control, criterion and request it serves.',
    '05_Populations/ — population files with the files that show their completeness and accuracy.',
    '06_Subservice/ — vendor reports and our review notes.',
    o.internal
      ? '07_Internal/ — management’s internal working papers, included at the consultant’s choice: the readiness report and management’s testing papers.'
      : '07_Internal/ is not included: management’s internal working papers stay out of the package unless the consultant chooses to add them.',
    'manifest.json — every file with its SHA-256, size and the evidence, controls, criteria and requests it relates to; the audit log’s latest entry when exported.',
    'manifest.json.sig — the Ed25519 signature over the exact bytes of manifest.json (64 raw bytes).',
    'SHA256SUMS and signing-key.pub — so anyone can check the package with standard tools.',
  ];
  return [
    { kind: 'heading', level: 1, text: delta ? 'Audit package (delta)' : 'Audit package' },
    {
      kind: 'paragraph',
      text: `${client} — ${e.name}. ${e.reportType === 'type2' ? 'Type II' : 'Type I'}, ${timingLabel(e)}. The files reflect the vault as of its latest recorded change, ${model.contentTime}.`,
    },
    ...(delta ? deltaBlocks(delta, o.categories.includes('index')) : []),
    {
      kind: 'paragraph',
      text: 'This package is not a SOC 2 report and contains no audit opinion. It is the evidence and documentation the organisation provides to its auditor, exported from Attest. It gives evidence, not conclusions: nothing in it states whether a control or criterion passes.',
    },
    { kind: 'heading', level: 2, text: 'What is inside' },
    { kind: 'bullets', items: contents },
    { kind: 'heading', level: 2, text: 'What the signature proves' },
    {
      kind: 'paragraph',
      text: 'A valid signature proves that the files are byte for byte what was exported by someone holding a copy of the vault file whose key signed it. The key belongs to the vault, not to a person: it identifies which vault the package came from, not who exported it.',
    },
    {
      kind: 'paragraph',
      text: 'It does not prove that the evidence is authentic, accurate or complete, that the files say what they claim, or that any date typed into Attest is true. Those remain for the auditor to test, as with any evidence.',
    },
    { kind: 'heading', level: 2, text: 'The key fingerprint' },
    {
      kind: 'paragraph',
      text: `SHA-256 of the signing key (SPKI DER): ${groupedFingerprint(fingerprint)}`,
    },
    {
      kind: 'paragraph',
      text: 'This copy of the fingerprint is for comparison only: anyone who altered the package could alter it too. Get the fingerprint from the consultant by another channel (a call, a message sent separately) and check that the two match.',
    },
    { kind: 'heading', level: 2, text: 'How to check the package' },
    {
      kind: 'paragraph',
      text: 'With Attest: every file, its hash and the signature are checked, and any file changed, missing or added is named.',
    },
    { kind: 'paragraph', text: 'attest verify package.zip' },
    ...(delta
      ? [
          {
            kind: 'paragraph' as const,
            text: 'A delta is checked exactly like a full package: attest verify says which package it follows, and sha256sum -c checks the files this zip holds.',
          },
        ]
      : []),
    {
      kind: 'paragraph',
      text: 'With standard tools, in the folder where the package was unzipped. First, every file is unchanged (SHA256SUMS lists the same hashes as the signed manifest):',
    },
    { kind: 'paragraph', text: 'sha256sum -c SHA256SUMS' },
    { kind: 'paragraph', text: 'Then, the manifest was signed by this key (OpenSSL 3):' },
    // Two short lines (a shell continuation): a long one would wrap inside a file name.
    { kind: 'paragraph', text: 'openssl pkeyutl -verify -pubin -inkey signing-key.pub -rawin \\' },
    { kind: 'paragraph', text: '-in manifest.json -sigfile manifest.json.sig' },
    {
      kind: 'paragraph',
      text: 'Last, the key is the vault’s: its fingerprint must equal the one the consultant sent.',
    },
    { kind: 'paragraph', text: 'openssl pkey -pubin -in signing-key.pub -outform DER | sha256sum' },
  ];
}

export async function readmePdf(
  model: PackageModel,
  fingerprint: string,
  delta: DeltaView | null = null,
): Promise<Buffer> {
  const e = model.engagement;
  return renderPdf({
    blocks: readmeBlocks(model, fingerprint, delta),
    meta: {
      title: delta ? 'Audit package (delta) — read me first' : 'Audit package — read me first',
      client: e.client.trim() || e.name,
      timing: timingLabel(e),
      generatedOn: model.contentTime.slice(0, 10),
      stampedAt: new Date(model.contentTime),
      stamp: 'NOT A SOC 2 REPORT',
      footer: 'Audit package — prepared with Attest',
    },
  });
}
