import { CATEGORY_LABELS, REPORT_TYPE_LABELS } from '../../shared/domain/engagement';
import type { Engagement } from '../../shared/api/vault';

export function formatBytes(n: number): string {
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

export function describeReport(e: Engagement): string {
  const label = REPORT_TYPE_LABELS[e.reportType];
  if (e.reportType === 'type1')
    return e.asOf ? `${label} as of ${e.asOf}` : `${label} (as-of date not set)`;
  return e.period ? `${label}, ${e.period.start} to ${e.period.end}` : `${label} (period not set)`;
}

export function describeCategories(e: Engagement): string {
  return e.categories.map((c) => CATEGORY_LABELS[c]).join(', ');
}

/** `ab12cd34…` → `ab12 cd34 …`: easier to read aloud and compare by eye. */
export function formatFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/** Two aligned columns. */
export function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}
