/**
 * A policy version as Markdown, DOCX or PDF. The same markdown-it parse that the screen shows
 * feeds both documents; a cover block leads them (title, owner, version, approval, in force
 * from), then the policy's own headings, lists and tables, with page numbers and the embedded
 * DejaVu font from the shared renderers.
 */
import { writeFile } from 'node:fs/promises';
import { markdownToBlocks } from '../../../shared/domain/markdown';
import type { DocBlock } from '../../../shared/domain/system-description-doc';
import { getPerson } from '../../db/repos/people';
import { versionRowsOf } from '../../db/repos/policies';
import type { RenderInput } from '../../reports/types';
import type { GeneratedDocument } from '../files/generated';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { periodsOf } from './mapping';
import { requirePolicy } from './policies';
import { requireVersion } from './versions';

export type PolicyExportFormat = 'md' | 'docx' | 'pdf';

function asciiName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export interface PolicyCover {
  title: string;
  facts: [string, string][];
}

/** The cover's facts, in the order a reader looks for them. */
export function policyCover(vault: Vault, versionId: string): PolicyCover {
  const v = requireVersion(vault, versionId);
  const policy = requirePolicy(vault, v.policy_id);
  const period = periodsOf(versionRowsOf(vault.db, [policy.id])).get(v.id);
  const name = (id: string | null) => (id ? (getPerson(vault.db, id)?.name ?? id) : 'Not named');
  const facts: [string, string][] = [
    ['Owner', name(policy.owner_id)],
    ['Version', `${v.number} (${v.status === 'approved' ? 'approved' : 'draft, not approved'})`],
  ];
  if (v.status === 'approved') {
    facts.push(['Approved', `${v.approved_on} by ${name(v.approver_id)}`]);
    facts.push([
      'In force',
      period
        ? `from ${period.from}${period.until ? ` until ${period.until}` : ''}`
        : `from ${v.effective_on} (replaced on its first day)`,
    ]);
    facts.push(['Next review', v.next_review_on!]);
  }
  return { title: policy.title, facts };
}

export function coverBlocks(cover: PolicyCover): DocBlock[] {
  return [
    { kind: 'heading', level: 1, text: cover.title },
    { kind: 'table', header: ['', ''], rows: cover.facts.map(([k, v]) => [k, v]) },
  ];
}

export async function exportPolicyVersion(
  vault: Vault,
  versionId: string,
  format: PolicyExportFormat,
): Promise<GeneratedDocument> {
  const { fileName, bytes } = await renderPolicyVersion(vault, versionId, format);
  return { fileName, write: (path) => writeFile(path, bytes) };
}

/**
 * The version's name and bytes. With `stampedAt` (the audit package), that instant is its date
 * and its files' properties, so the same version gives the same bytes.
 */
export async function renderPolicyVersion(
  vault: Vault,
  versionId: string,
  format: PolicyExportFormat,
  stampedAt?: Date,
): Promise<{ fileName: string; bytes: Buffer }> {
  const v = requireVersion(vault, versionId);
  const cover = policyCover(vault, versionId);
  const engagement = getEngagement(vault);
  const client = engagement.client.trim() || engagement.name;
  const state = v.status === 'approved' ? `approved-${v.approved_on}` : 'draft';
  const fileName = `${asciiName(cover.title) || 'Policy'}_v${v.number}_${state}.${format}`;
  if (format === 'md') {
    const head = [`# ${cover.title}`, '', ...cover.facts.map(([k, x]) => `- **${k}:** ${x}`), ''];
    return { fileName, bytes: Buffer.from(`${head.join('\n')}\n${v.body}\n`, 'utf8') };
  }
  const input: RenderInput = {
    blocks: [...coverBlocks(cover), ...markdownToBlocks(v.body)],
    meta: {
      title: cover.title,
      client,
      timing: `Version ${v.number}`,
      generatedOn: (stampedAt?.toISOString() ?? vault.now()).slice(0, 10),
      stampedAt,
      stamp: v.status === 'approved' ? 'APPROVED' : 'DRAFT',
      footer:
        v.status === 'approved'
          ? `Version ${v.number}, approved ${v.approved_on} — prepared with Attest`
          : undefined,
    },
  };
  const bytes =
    format === 'docx'
      ? await (await import('../../reports/docx')).renderDocx(input)
      : await (await import('../../reports/pdf')).renderPdf(input);
  return { fileName, bytes };
}
