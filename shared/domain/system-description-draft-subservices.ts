import type { DocBlock } from './system-description-doc';
import {
  type DraftInput,
  type DraftSubservice,
  controlRefs,
  heading,
  paragraph,
} from './system-description-draft-input';
import {
  clientName,
  listPhrase,
  placeholder,
  possessive,
  sentence,
} from './system-description-wording';

/**
 * DC 7: each subservice organisation with its services, the method used to present it and, for
 * a carve-out, the criteria its controls support and the controls assumed of it (CSOCs); plus our
 * monitoring control and how we answer the organisation's own user-entity expectations.
 */
export function subservicesSection(input: DraftInput): DocBlock[] {
  const client = clientName(input.engagement);
  const blocks: DocBlock[] = [heading(2, 'Subservice organisations')];
  if (input.subservices.length === 0) {
    blocks.push(
      paragraph(
        input.confirmedNone.subservices
          ? `${client} does not rely on subservice organisations to provide the services covered by this description.`
          : placeholder(
              `name each subservice organisation ${client} relies on, or state that it relies on none`,
            ),
      ),
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      `${client} relies on the subservice organisations below for parts of the services covered by this description. For each one, the description states whether it is presented using the carve-out method or the inclusive method.`,
    ),
  );
  for (const org of input.subservices) blocks.push(...organisation(input, client, org));
  return blocks;
}

function organisation(input: DraftInput, client: string, org: DraftSubservice): DocBlock[] {
  const blocks: DocBlock[] = [heading(3, org.name)];
  blocks.push(
    paragraph(
      org.services.trim()
        ? `Services provided to ${client}: ${sentence(org.services)}`
        : placeholder(`describe the services ${org.name} provides`),
    ),
  );
  const criteria = org.criteria.length > 0 ? listPhrase([...org.criteria]) : null;
  if (org.method === 'carve_out') {
    blocks.push(
      paragraph(
        `${client} presents ${org.name} using the carve-out method. The controls operated by ${org.name} are not part of this description and were not within the scope of the examination. The description identifies the criteria those controls are intended to meet and the types of controls ${client} assumes ${org.name} has in place (complementary subservice organisation controls).`,
      ),
      paragraph(
        criteria
          ? `Criteria supported by ${possessive(org.name)} controls: ${criteria}.`
          : placeholder(`name the criteria ${possessive(org.name)} controls support`),
      ),
    );
    blocks.push(
      org.csocs.length > 0
        ? {
            kind: 'table',
            header: [`Controls assumed at ${org.name}`, 'Criteria'],
            rows: org.csocs.map((c) => [c.description, c.criteria.join(', ')]),
          }
        : paragraph(placeholder(`list the controls ${client} assumes ${org.name} operates`)),
    );
  } else {
    blocks.push(
      paragraph(
        `${client} presents ${org.name} using the inclusive method: the relevant controls of ${org.name} are included in this description and were within the scope of the examination.${criteria ? ` They address ${criteria}.` : ''}`,
      ),
    );
    if (org.csocs.length > 0) {
      blocks.push({
        kind: 'table',
        header: [`Controls of ${org.name} included in this description`, 'Criteria'],
        rows: org.csocs.map((c) => [c.description, c.criteria.join(', ')]),
      });
    }
  }
  blocks.push(monitoring(input, client, org));
  if (org.vendorCuecs.length > 0) {
    blocks.push(
      paragraph(
        `${org.name} expects its customers to operate certain controls of their own. ${client} meets those expectations as follows.`,
      ),
      {
        kind: 'table',
        header: [`Expected of ${possessive(org.name)} customers`, `${possessive(client)} controls`],
        rows: org.vendorCuecs.map((v) => [
          v.description,
          controlRefs(input, v.controlIds).join(', ') || placeholder('the control'),
        ]),
      },
    );
  }
  return blocks;
}

function monitoring(input: DraftInput, client: string, org: DraftSubservice): DocBlock {
  const control = input.controls.find((c) => c.id === org.monitoringControlId);
  return paragraph(
    control
      ? `${client} monitors ${org.name} through control ${control.ref} (${control.title}).`
      : placeholder(`name the control through which ${client} monitors ${org.name}`),
  );
}
