import type { SdDocument } from '../../../shared/domain/system-description';

export const DOCUMENT_LABELS: Record<SdDocument, string> = {
  description: 'System description',
  assertion: 'Management assertion',
};

export const EXPORT_FORMATS = [
  { format: 'md', label: 'Markdown (.md)' },
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'pdf', label: 'PDF (.pdf)' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];
