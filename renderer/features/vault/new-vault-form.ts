import type { Input } from '../../../shared/api/index';
import type { ValidationIssue } from '../../../shared/api/errors';
import { engagementInput } from '../../../shared/api/vault';
import type { Category, ReportType } from '../../../shared/domain/engagement';

export interface NewVaultValues {
  name: string;
  client: string;
  reportType: ReportType;
  asOf: string;
  periodStart: string;
  periodEnd: string;
  categories: Category[];
  /** Desktop: the chosen full path. Browser: a file name inside ATTEST_HOME (no extension). */
  file: string;
}

export type NewVaultField = keyof NewVaultValues;
export type FieldErrors = Partial<Record<NewVaultField, string>>;

export const EMPTY_NEW_VAULT: NewVaultValues = {
  name: '',
  client: '',
  reportType: 'type2',
  asOf: '',
  periodStart: '',
  periodEnd: '',
  categories: ['security'],
  file: '',
};

/** "Acme Corp — SOC 2 2026" → "acme-corp-soc-2-2026": a safe default file name. */
export function suggestFileName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'engagement'
  );
}

/**
 * Every problem the form can see before asking Attest, all at once: the contract's own
 * engagement schema (so the words match what Attest would answer), plus what only the form
 * knows (half a period, no file chosen). Attest checks everything again on create.
 */
export function checkLocally(values: NewVaultValues, browser = true): FieldErrors {
  const parsed = engagementInput.safeParse(toCreateInput(values, browser).engagement);
  const errors: FieldErrors = parsed.success
    ? {}
    : mapIssues(
        parsed.error.issues.map((i) => ({
          path: ['engagement', ...i.path.map(String)],
          message: i.message,
        })),
      ).fields;
  if (values.reportType === 'type2' && Boolean(values.periodStart) !== Boolean(values.periodEnd)) {
    if (!values.periodStart) errors.periodStart = 'Give the first day of the period';
    else errors.periodEnd = 'Give the last day of the period';
  }
  if (!values.file.trim()) errors.file = 'Choose where to save the vault';
  return errors;
}

export function toCreateInput(values: NewVaultValues, browser: boolean): Input<'vault.create'> {
  const file = values.file.trim();
  return {
    file: browser && !file.endsWith('.attest') ? `${file}.attest` : file,
    engagement: {
      name: values.name,
      client: values.client,
      reportType: values.reportType,
      ...(values.reportType === 'type1'
        ? values.asOf
          ? { asOf: values.asOf }
          : {}
        : values.periodStart && values.periodEnd
          ? { period: { start: values.periodStart, end: values.periodEnd } }
          : {}),
      categories: values.categories,
    },
  };
}

const FIELD_BY_PATH: Record<string, NewVaultField> = {
  file: 'file',
  'engagement.name': 'name',
  'engagement.client': 'client',
  'engagement.reportType': 'reportType',
  'engagement.asOf': 'asOf',
  'engagement.period': 'periodStart',
  'engagement.period.start': 'periodStart',
  'engagement.period.end': 'periodEnd',
  'engagement.categories': 'categories',
};

/** Puts each contract validation issue under its field; the rest are returned as general. */
export function mapIssues(issues: ValidationIssue[]): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    let field: NewVaultField | undefined;
    for (let n = issue.path.length; n > 0 && !field; n--) {
      field = FIELD_BY_PATH[issue.path.slice(0, n).join('.')];
    }
    if (field && !fields[field]) fields[field] = issue.message;
    else if (!field) general.push(issue.message);
  }
  return { fields, general };
}
