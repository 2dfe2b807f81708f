/** The Trust Services categories. Security (the common criteria) is always in scope. */
export const CATEGORIES = [
  'security',
  'availability',
  'confidentiality',
  'processing_integrity',
  'privacy',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  security: 'Security',
  availability: 'Availability',
  confidentiality: 'Confidentiality',
  processing_integrity: 'Processing Integrity',
  privacy: 'Privacy',
};

export const REPORT_TYPES = ['type1', 'type2'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_TYPE_LABELS: Record<ReportType, string> = {
  type1: 'Type I',
  type2: 'Type II',
};

/** Categories in a stable order with Security always first and always present. */
export function normaliseCategories(categories: readonly Category[]): Category[] {
  const wanted = new Set<Category>(categories);
  wanted.add('security');
  return CATEGORIES.filter((c) => wanted.has(c));
}
