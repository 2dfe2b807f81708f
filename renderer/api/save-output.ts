import type { GeneratedFile } from '../../shared/api/files';
import type { FileFilter } from '../../shared/api/bridge';
import type { ApiClient } from './client';

const FILTERS = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  docx: { name: 'Word document', extensions: ['docx'] },
  md: { name: 'Markdown', extensions: ['md'] },
  zip: { name: 'Zip archive', extensions: ['zip'] },
  json: { name: 'Signed response', extensions: ['json'] },
} satisfies Record<string, FileFilter>;

/** The file types a Save dialog can filter on. */
export type SaveFormat = keyof typeof FILTERS;

/**
 * Where a generated file should go (DESIGN §3: never into the vault). On the desktop the user
 * picks a place in the Save dialog (null: they cancelled); in a browser the file becomes a
 * download once written, so there is nothing to ask.
 */
export async function chooseSaveTarget(
  api: Pick<ApiClient, 'kind' | 'host'>,
  defaultName: string,
  format: SaveFormat,
  title: string,
): Promise<{ saveTo?: { path: string } } | null> {
  if (api.kind === 'browser') return {};
  const path = await api.host.pickSavePath({ title, defaultName, filters: [FILTERS[format]] });
  return path ? { saveTo: { path } } : null;
}

/** Hands a written file to the user: a browser downloads it; on the desktop it is saved already. */
export function deliverOutput(file: GeneratedFile): void {
  if (!file.download) return;
  const link = document.createElement('a');
  link.href = file.download;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** What the success notice says: where the file went. */
export function savedMessage(file: GeneratedFile): string {
  return file.savedTo ? `Saved ${file.fileName}.` : `Exported ${file.fileName}.`;
}
