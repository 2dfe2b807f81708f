import { LIBRARY_FIELDS, type LibraryField } from '../../../shared/api/catalog-update';
import type { LibraryControl } from '../../../shared/domain/catalog';
import type { Control } from '../../../shared/api/controls';
import type { ControlTable } from '../../db/schema';

export type FieldValue = string | string[] | null;
export type LibraryValues = Record<LibraryField, FieldValue>;

/** The library fields of a catalog control. */
export function libraryValues(lib: LibraryControl): LibraryValues {
  return pick(lib);
}

/** The same fields as a vault control holds them now. */
export function currentValues(control: Control): LibraryValues {
  return pick(control);
}

/** The library text a control last took, or null when the vault predates baselines. */
export function baselineValues(row: ControlTable): Partial<LibraryValues> | null {
  return row.library_baseline === null
    ? null
    : (JSON.parse(row.library_baseline) as Partial<LibraryValues>);
}

function pick(source: Record<LibraryField, unknown>): LibraryValues {
  const out = {} as LibraryValues;
  for (const f of LIBRARY_FIELDS) out[f] = (source[f] ?? null) as FieldValue;
  return out;
}

/**
 * Whether two values of a field are the same. A control's criteria are a set (the vault lists
 * them in catalog order, the library in its own), so their order does not count.
 */
export function sameValue(
  a: FieldValue | undefined,
  b: FieldValue | undefined,
  field?: LibraryField,
): boolean {
  const norm = (v: FieldValue | undefined) =>
    field === 'criteria' && Array.isArray(v) ? [...v].sort() : (v ?? null);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The columns that store one library field. */
export function columnsFor(field: LibraryField, value: FieldValue): Partial<ControlTable> {
  switch (field) {
    case 'title':
      return { title: value as string };
    case 'description':
      return { description: value as string };
    case 'domain':
      return { domain: value as string };
    case 'ownerRole':
      return { owner_role: value as string };
    case 'frequency':
      return { frequency: value as string };
    case 'nature':
      return { nature: value as string };
    case 'type':
      return { type: value as string };
    case 'policyKey':
      return {}; // a link row, not a column: the caller relinks the control's policy
    case 'criteria':
      return {}; // link rows, not a column: the caller replaces the control's links
    case 'testProcedure':
      return { test_procedure: value as string };
    case 'testAttributes':
      return { test_attributes: JSON.stringify(value) };
    case 'evidenceGuidance':
      return { evidence_guidance: value as string };
    default: {
      const unknown: never = field;
      throw new Error(`No column for library field ${String(unknown)}`);
    }
  }
}
