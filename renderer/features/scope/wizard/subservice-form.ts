import type { Subservice, SubserviceInput } from '../../../../shared/api/sd';
import type { ReportType } from '../../../../shared/domain/engagement';
import type {
  ExceptionsAssessment,
  ReportOpinion,
  SubserviceMethod,
} from '../../../../shared/domain/system-description';
import type { FieldErrors } from '../../../components/field-errors';

export const OPINION_LABELS: Record<ReportOpinion, string> = {
  unmodified: 'Unmodified (clean)',
  qualified: 'Qualified',
  adverse: 'Adverse',
  disclaimer: 'Disclaimer of opinion',
};

/** A type, not an interface: the autosave helper takes a record of fields. */
export type SubserviceValues = {
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
    exceptionsAssessment: ExceptionsAssessment;
    exceptionsConclusion: string;
    reviewedOn: string;
    bridgeGap: string;
    bridgeLetter: BridgeLetterValues;
  };
  monitoringControlId: string | null;
};

/** The bridge letter as the form holds it: unticked, its fields are kept but not sent. */
export interface BridgeLetterValues {
  received: boolean;
  receivedOn: string;
  periodStart: string;
  periodEnd: string;
  evidenceId: string | null;
  note: string;
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
      exceptionsAssessment: org?.report.exceptionsAssessment ?? 'not_assessed',
      exceptionsConclusion: org?.report.exceptionsConclusion ?? '',
      reviewedOn: org?.report.reviewedOn ?? '',
      bridgeGap: org?.report.bridgeGap ?? '',
      bridgeLetter: letterValues(org?.report.bridgeLetter ?? null),
    },
    monitoringControlId: org?.monitoringControlId ?? null,
  };
}

function letterValues(letter: Subservice['report']['bridgeLetter']): BridgeLetterValues {
  return {
    received: letter !== null,
    receivedOn: letter?.receivedOn ?? '',
    periodStart: letter?.periodStart ?? '',
    periodEnd: letter?.periodEnd ?? '',
    evidenceId: letter?.evidenceId ?? null,
    note: letter?.note ?? '',
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
        exceptionsAssessment: r.exceptionsAssessment,
        // Kept while the user switches back and forth; sent only with an assessment.
        exceptionsConclusion: r.exceptionsAssessment === 'assessed' ? r.exceptionsConclusion : '',
        reviewedOn: date(r.reviewedOn),
        bridgeGap: r.bridgeGap,
        bridgeLetter: r.bridgeLetter.received
          ? {
              // Empty dates go as they are: the contract names the one missing.
              receivedOn: r.bridgeLetter.receivedOn,
              periodStart: r.bridgeLetter.periodStart,
              periodEnd: r.bridgeLetter.periodEnd,
              evidenceId: r.bridgeLetter.evidenceId,
              note: r.bridgeLetter.note,
            }
          : null,
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
