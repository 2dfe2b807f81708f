import type { DocBlock } from './system-description-doc';
import {
  type DraftEvent,
  type DraftInput,
  heading,
  paragraph,
  reportEnd,
} from './system-description-draft-input';
import { longDate, placeholder, titled } from './system-description-wording';

/**
 * DC 4 (incidents) and DC 9 (significant changes, Type II only): each is either listed or an
 * explicit, dated "none". A "none" confirmed before the period ends says so rather than claiming
 * the whole period.
 */
export function incidentsSection(input: DraftInput): DocBlock[] {
  const blocks: DocBlock[] = [heading(2, 'System incidents')];
  const { incidents } = input;
  const kinds =
    'that resulted from controls that were not suitably designed or did not operate effectively, or that caused a significant failure to achieve one or more of the service commitments and system requirements';
  if (incidents.length > 0) {
    blocks.push(
      paragraph(`Management identified the following incidents ${span(input)} ${kinds}.`),
      eventTable(incidents, ['Date', 'Incident', 'Nature and effect', 'Disposition'], true),
    );
    return blocks;
  }
  const confirmed = input.none.incidents;
  if (!confirmed) {
    blocks.push(
      paragraph(
        placeholder(
          'list each incident with its nature, timing, effect and disposition, or state that there were none and the date this was confirmed',
        ),
      ),
    );
    return blocks;
  }
  blocks.push(...noneStatement(input, confirmed, `no incidents`, kinds));
  return blocks;
}

export function changesSection(input: DraftInput): DocBlock[] {
  if (input.engagement.reportType !== 'type2') return [];
  const blocks: DocBlock[] = [heading(2, 'Significant changes during the period')];
  const { changes } = input;
  if (changes.length > 0) {
    blocks.push(
      paragraph(
        `The following changes to the system and its controls ${span(input)} are significant to the users of this description.`,
      ),
      eventTable(changes, ['Date', 'Change', 'Effect on the system and controls', 'Notes'], false),
    );
    return blocks;
  }
  const confirmed = input.none.changes;
  if (!confirmed) {
    blocks.push(
      paragraph(
        placeholder(
          'describe each significant change to the system or its controls during the period, or state that there were none and the date this was confirmed',
        ),
      ),
    );
    return blocks;
  }
  blocks.push(
    ...noneStatement(
      input,
      confirmed,
      'no significant changes',
      'to the system or to its controls',
    ),
  );
  return blocks;
}

/** `during the period from … to …` or `as of …`. */
function span(input: DraftInput): string {
  const e = input.engagement;
  if (e.reportType === 'type2' && e.period) {
    return `during the period from ${longDate(e.period.start)} to ${longDate(e.period.end)}`;
  }
  if (e.reportType === 'type1' && e.asOf) return `as of ${longDate(e.asOf)}`;
  return placeholder('the period or as-of date');
}

function noneStatement(
  input: DraftInput,
  confirmedOn: string,
  nothing: string,
  kinds: string,
): DocBlock[] {
  const end = reportEnd(input);
  const e = input.engagement;
  if (end && confirmedOn < end) {
    const from = e.reportType === 'type2' && e.period ? `${longDate(e.period.start)} and ` : '';
    const between = from
      ? `between ${from}${longDate(confirmedOn)}`
      : `up to ${longDate(confirmedOn)}`;
    return [
      paragraph(`Management identified ${nothing} ${kinds} ${between}.`),
      paragraph(placeholder(`confirm the same for the time up to ${longDate(end)}`)),
    ];
  }
  return [
    paragraph(
      `Management identified ${nothing} ${kinds} ${span(input)}. Management confirmed this on ${longDate(confirmedOn)}.`,
    ),
  ];
}

/** Incidents need an effect and a disposition (DC 4); a change's notes may be empty. */
function eventTable(
  events: readonly DraftEvent[],
  header: string[],
  dispositionRequired: boolean,
): DocBlock {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  // Notes on changes are optional; a column with none is left out rather than shown empty.
  const withDisposition = dispositionRequired || events.some((e) => e.disposition.trim() !== '');
  const width = withDisposition ? header.length : header.length - 1;
  return {
    kind: 'table',
    header: header.slice(0, width),
    rows: sorted.map((e) =>
      [
        longDate(e.date),
        titled(e.title, e.description),
        e.effect.trim() || placeholder('the effect'),
        e.disposition.trim() || (dispositionRequired ? placeholder('what was done') : ''),
      ].slice(0, width),
    ),
  };
}
