import { REPORT_TYPE_LABELS } from './engagement';
import { COMPONENT_KINDS, COMPONENT_KIND_LABELS } from './system-description';
import type { DocBlock } from './system-description-doc';
import { changesSection, incidentsSection } from './system-description-draft-events';
import {
  type DraftInput,
  type DraftControl,
  answerBlocks,
  heading,
  notInPlace,
  paragraph,
} from './system-description-draft-input';
import { subservicesSection } from './system-description-draft-subservices';
import {
  categoriesPhrase,
  clientName,
  longDate,
  placeholder,
  possessive,
  timingPhrase,
  titled,
} from './system-description-wording';

export type { DraftInput } from './system-description-draft-input';

/**
 * The system description narrative, section by section in the order of the description criteria
 * (DC 1–9; DC 9 for Type II only). Every gap is a bracketed placeholder, so a draft never reads
 * as finished while an answer is missing. The wording is Attest's own, for management to edit.
 */
export function buildDescriptionDraft(input: DraftInput): DocBlock[] {
  const client = clientName(input.engagement);
  return [
    heading(1, `Description of the ${client} system`),
    ...draftNotice(input, 'description'),
    paragraph(
      `This description covers the ${client} system ${timingPhrase(input.engagement)} and the trust services criteria for ${categoriesPhrase(input.engagement.categories)}. Its sections follow the description criteria for a SOC 2 report (DC 200).`,
    ),
    heading(2, 'Services provided'),
    ...answerBlocks(
      input.texts.services.trim() || input.engagement.services,
      'describe the services the system provides',
    ),
    heading(2, 'Principal service commitments and system requirements'),
    paragraph(
      `${client} makes commitments to its user entities in contracts, service level agreements and published policies. It has set system requirements that describe how the system must operate to meet those commitments and the laws and regulations that apply to it.`,
    ),
    heading(3, 'Service commitments'),
    ...answerBlocks(input.texts.commitments, 'state the principal service commitments'),
    heading(3, 'System requirements'),
    ...answerBlocks(input.texts.systemRequirements, 'state the system requirements'),
    ...componentsSection(input),
    ...incidentsSection(input),
    ...criteriaSection(input),
    ...cuecsSection(input),
    ...subservicesSection(input),
    ...notRelevantSection(input),
    ...changesSection(input),
  ];
}

/** The first thing in every draft: what it is, who must review it, and when it was made. */
export function draftNotice(input: DraftInput, document: 'description' | 'assertion'): DocBlock[] {
  const e = input.engagement;
  const made = `Attest prepared this draft on ${longDate(input.generatedOn)} from the answers recorded for the ${REPORT_TYPE_LABELS[e.reportType]} engagement “${e.name}”.`;
  const duty =
    document === 'description'
      ? 'Management is responsible for the description: check every statement against the facts, complete any bracketed text and remove this note before the description is given to the service auditor.'
      : 'It becomes management’s assertion only once management has checked that every statement in it is true, changed whatever is not, and signed it. Remove this note before signing.';
  return [paragraph(`DRAFT FOR MANAGEMENT REVIEW. ${made} ${duty}`)];
}

function componentsSection(input: DraftInput): DocBlock[] {
  const blocks: DocBlock[] = [
    heading(2, 'Components of the system'),
    paragraph(
      'The system is made up of the infrastructure, software, people, procedures and data described below, within the boundaries set out at the end of this section.',
    ),
  ];
  for (const kind of COMPONENT_KINDS) {
    const label = COMPONENT_KIND_LABELS[kind];
    const items = input.components.filter((c) => c.kind === kind);
    blocks.push(heading(3, label));
    blocks.push(
      items.length > 0
        ? {
            kind: 'bullets',
            items: items.map((c) =>
              c.description.trim() ? `${c.name}: ${c.description}` : c.name,
            ),
          }
        : paragraph(placeholder(`describe the ${label.toLowerCase()} of the system`)),
    );
  }
  blocks.push(
    heading(3, 'System boundaries'),
    ...answerBlocks(input.texts.boundaries, 'say where the system begins and ends'),
  );
  return blocks;
}

/** DC 5: each applicable criterion and the controls designed to meet it. */
function criteriaSection(input: DraftInput): DocBlock[] {
  const client = clientName(input.engagement);
  const blocks: DocBlock[] = [
    heading(2, 'Applicable trust services criteria and related controls'),
  ];
  if (input.criteria.length === 0) {
    blocks.push(
      paragraph(placeholder('confirm the scope so the applicable criteria can be listed')),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      `The examination covers the trust services criteria for ${categoriesPhrase(input.engagement.categories)}. The table below lists each applicable criterion with the controls ${client} designed to meet it. Criteria marked “Not relevant” are explained in the section “Criteria not relevant to the system”; where a carved-out subservice organisation supports a criterion, the organisation is named.`,
    ),
  );
  const rows = input.criteria.map((c) => {
    const refs = input.controls
      .filter((k) => k.criteria.includes(c.id))
      .map((k) => (notInPlace(k) ? `${k.ref} (${notInPlace(k)})` : k.ref));
    const carvedBy = input.subservices
      .filter((o) => o.method === 'carve_out' && o.criteria.includes(c.id))
      .map((o) => o.name);
    let controls = c.notRelevantReason
      ? 'Not relevant'
      : refs.length > 0
        ? refs.join(', ')
        : 'No control mapped yet';
    if (carvedBy.length > 0) controls += `; carve-out: ${carvedBy.join(', ')}`;
    return [c.id, c.title, controls];
  });
  blocks.push({ kind: 'table', header: ['Criterion', 'In brief', 'Controls'], rows });
  if (input.controls.length > 0) {
    blocks.push(
      heading(3, 'Controls referred to above'),
      paragraph(
        `Each control is described below. A control the readiness assessment does not show in place is marked: the description presents only controls that are designed and in place ${timingPhrase(input.engagement)}, so put each marked one in place or remove it before the description is issued.`,
      ),
      {
        kind: 'table',
        header: ['Ref', 'Control', 'Criteria'],
        rows: input.controls.map((k) => [k.ref, controlCell(k), k.criteria.join(', ')]),
      },
    );
  }
  return blocks;
}

/** DC 5: what the control does, and a visible flag when the assessment denies it is in place. */
function controlCell(control: DraftControl): string {
  const described = titled(control.title, control.description);
  const flag = CONTROL_FLAG[control.assessment ?? 'unassessed'];
  return flag ? `${described} ${placeholder(flag)}` : described;
}

const CONTROL_FLAG: Record<NonNullable<DraftControl['assessment']> | 'unassessed', string | null> =
  {
    implemented: null,
    partial:
      'assessed as partly implemented: complete it, or describe only the part that is in place',
    not_implemented:
      'assessed as not implemented: put it in place or remove it from the description',
    not_applicable: 'assessed as not applicable: remove it from the description',
    unassessed: 'not assessed yet: assess it before the description presents it as in place',
  };

/** DC 6: the controls we assume our customers operate. */
function cuecsSection(input: DraftInput): DocBlock[] {
  const client = clientName(input.engagement);
  const blocks: DocBlock[] = [heading(2, 'Complementary user entity controls')];
  if (input.cuecs.length === 0) {
    blocks.push(
      paragraph(
        input.confirmedNone.cuecs
          ? `Management has not identified any controls that user entities must operate for ${client} to achieve its service commitments and system requirements.`
          : placeholder(
              `list the controls ${client} assumes its user entities operate, or state that there are none`,
            ),
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      `${client} designed its controls on the assumption that each user entity operates the controls below. Where a user entity does not, ${possessive(client)} controls alone may not achieve the service commitments and system requirements. The criteria each one relates to are shown beside it.`,
    ),
    {
      kind: 'table',
      header: ['Control expected of user entities', 'Criteria'],
      rows: input.cuecs.map((c) => [c.description, c.criteria.join(', ')]),
    },
  );
  return blocks;
}

/** DC 8: in-scope criteria that do not apply to this system, each with its reason. */
function notRelevantSection(input: DraftInput): DocBlock[] {
  const blocks: DocBlock[] = [heading(2, 'Criteria not relevant to the system')];
  const notRelevant = input.criteria.filter((c) => c.notRelevantReason);
  if (notRelevant.length === 0) {
    blocks.push(
      paragraph(
        input.confirmedNone.notRelevant
          ? 'Every applicable criterion is relevant to the system.'
          : placeholder(
              'mark each criterion that is not relevant to the system with the reason, or confirm that every one applies',
            ),
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      `The criteria below belong to the categories in scope but are not relevant to the ${clientName(input.engagement)} system, for the reasons given.`,
    ),
    {
      kind: 'table',
      header: ['Criterion', 'Why it is not relevant'],
      rows: notRelevant.map((c) => [`${c.id} ${c.title}`, c.notRelevantReason!]),
    },
  );
  return blocks;
}
