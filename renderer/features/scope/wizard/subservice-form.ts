import type { Subservice, SubserviceInput } from '../../../../shared/api/sd';
import type { ReportType } from '../../../../shared/domain/engagement';
import type { ReportOpinion, SubserviceMethod } from '../../../../shared/domain/system-description';
import type { FieldErrors } from '../../../components/field-errors';

export const OPINION_LABELS: Record<ReportOpinion, string> = {
  unmodified: 'Unmodified (clean)',
  qualified: 'Qualified',
  adverse: 'Adverse',
  disclaimer: 'Disclaimer of opinion',
};

export interface SubserviceValues {
  name: string;
  services: string;
  method: SubserviceMethod;
  criteria: string[];
  csocs: { description: string; criteria: string[] }[];
  vendorCuecs: { description: string; controlIds: string[] }[];
  report: {
    type: ReportType | null;
    periodStart: string;
    periodEnd: string;
    opinion: ReportOpinion | null;
    exceptions: string;
    reviewedOn: string;
    bridgeGap: string;
  };
  monitoringControlId: string | null;
}

export function valuesFrom(org?: Subservice): SubserviceValues {
  return {
    name: org?.name ?? '',
    services: org?.services ?? '',
    method: org?.method ?? 'carve_out',
    criteria: org?.criteria ?? [],
    csocs: org?.csocs.map((c) => ({ ...c, criteria: [...c.criteria] })) ?? [],
    vendorCuecs: org?.vendorCuecs.map((c) => ({ ...c, controlIds: [...c.controlIds] })) ?? [],
    report: {
      type: org?.report.type ?? null,
      periodStart: org?.report.periodStart ?? '',
      periodEnd: org?.report.periodEnd ?? '',
      opinion: org?.report.opinion ?? null,
      exceptions: org?.report.exceptions ?? '',
      reviewedOn: org?.report.reviewedOn ?? '',
      bridgeGap: org?.report.bridgeGap ?? '',
    },
    monitoringControlId: org?.monitoringControlId ?? null,
  };
}

/** Where each row sent went in the form (blank rows are not sent). */
export interface RowIndex {
  csocs: number[];
  vendorCuecs: number[];
}

/**
 * The contract's input. Rows the user added but left empty are not sent (they are not an
 * error, just not yet written); empty dates are null. A Type I report has no period start.
 */
export function toInput(
  values: SubserviceValues,
  id?: string,
): { input: SubserviceInput; rows: RowIndex } {
  const rows: RowIndex = { csocs: [], vendorCuecs: [] };
  const csocs = values.csocs.filter((c, i) => {
    const keep = c.description.trim() !== '' || c.criteria.length > 0;
    if (keep) rows.csocs.push(i);
    return keep;
  });
  const vendorCuecs = values.vendorCuecs.filter((c, i) => {
    const keep = c.description.trim() !== '' || c.controlIds.length > 0;
    if (keep) rows.vendorCuecs.push(i);
    return keep;
  });
  const r = values.report;
  const date = (d: string) => (d ? d : null);
  return {
    rows,
    input: {
      ...(id ? { id } : {}),
      name: values.name,
      services: values.services,
      method: values.method,
      criteria: values.criteria,
      csocs,
      vendorCuecs,
      report: {
        type: r.type,
        periodStart: r.type === 'type1' ? null : date(r.periodStart),
        periodEnd: date(r.periodEnd),
        opinion: r.opinion,
        exceptions: r.exceptions,
        reviewedOn: date(r.reviewedOn),
        bridgeGap: r.bridgeGap,
      },
      monitoringControlId: values.monitoringControlId,
    },
  };
}

/** Errors on sent rows (`csocs.0…`) moved to the rows as the form shows them. */
export function errorsOnFormRows(errors: FieldErrors, rows: RowIndex): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^(csocs|vendorCuecs)\.(\d+)(.*)$/.exec(key);
    if (!m) {
      out[key] = message;
      continue;
    }
    const list = m[1] as keyof RowIndex;
    const formIndex = rows[list][Number(m[2])];
    out[formIndex === undefined ? list : `${list}.${formIndex}${m[3]}`] = message;
  }
  return out;
}
