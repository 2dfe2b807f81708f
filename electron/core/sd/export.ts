import { writeFile } from 'node:fs/promises';
import type { SdDocument } from '../../../shared/domain/system-description';
import { exportFileName, timingLabel } from '../../../shared/domain/system-description-wording';
import type { GeneratedDocument } from '../files/generated';
import type { RenderInput } from '../../reports/types';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { currentDraft } from './draft';

export type ExportFormat = 'md' | 'docx' | 'pdf';

const TITLES: Record<SdDocument, string> = {
  description: 'System description',
  assertion: 'Management’s assertion',
};

/**
 * Renders the current draft (the user's edit, else generated) as Markdown, DOCX or PDF; the
 * caller writes it where the user asked (never into the vault).
 */
export async function exportDocument(
  vault: Vault,
  document: SdDocument,
  format: ExportFormat,
): Promise<GeneratedDocument> {
  const { fileName, bytes } = await renderDocument(vault, document, format);
  return { fileName, write: (path) => writeFile(path, bytes) };
}

/**
 * The document's name and bytes. With `stampedAt` (the audit package), that instant is its
 * date and its files' properties, so the same draft gives the same bytes.
 */
export async function renderDocument(
  vault: Vault,
  document: SdDocument,
  format: ExportFormat,
  stampedAt?: Date,
): Promise<{ fileName: string; bytes: Buffer }> {
  const { markdown, blocks } = currentDraft(vault, document);
  const engagement = getEngagement(vault);
  const generatedOn = (stampedAt?.toISOString() ?? vault.now()).slice(0, 10);
  const client = engagement.client.trim() || engagement.name;
  const input: RenderInput = {
    blocks,
    meta: {
      title: TITLES[document],
      client,
      timing: timingLabel(engagement),
      generatedOn,
      stampedAt,
    },
  };
  // The renderers (docx, pdfkit) load only when a document is rendered: every `attest` command
  // goes through the handler table, and most never render one.
  const bytes =
    format === 'md'
      ? Buffer.from(markdown, 'utf8')
      : format === 'docx'
        ? await (await import('../../reports/docx')).renderDocx(input)
        : await (await import('../../reports/pdf')).renderPdf(input);
  return { fileName: exportFileName(document, client, generatedOn, format), bytes };
}
