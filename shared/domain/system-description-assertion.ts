import type { DocBlock } from './system-description-doc';
import { draftNotice } from './system-description-draft';
import { type DraftInput, heading, notInPlace, paragraph } from './system-description-draft-input';
import {
  categoriesPhrase,
  clientName,
  listPhrase,
  placeholder,
  possessive,
  timingPhrase,
} from './system-description-wording';

/**
 * A draft of management's written assertion: that the description is presented in line with the
 * description criteria, that the controls were suitably designed (and, for Type II, operated
 * effectively) as of the date or throughout the period, naming the client, services, timing and
 * categories. Written in management's voice, in Attest's own words, clearly marked as a draft.
 */
export function buildAssertionDraft(input: DraftInput): DocBlock[] {
  const e = input.engagement;
  const client = clientName(e);
  const timing = timingPhrase(e);
  const categories = categoriesPhrase(e.categories);
  const type2 = e.reportType === 'type2';
  const carveOuts = input.subservices.filter((o) => o.method === 'carve_out').map((o) => o.name);
  const inclusive = input.subservices.filter((o) => o.method === 'inclusive').map((o) => o.name);
  const complementary = complementaryClause(carveOuts.length > 0, input.cuecs.length > 0);

  const blocks: DocBlock[] = [
    heading(1, `Assertion of the management of ${client}`),
    ...draftNotice(input, 'assertion'),
    paragraph(
      `We, the management of ${client}, are responsible for the accompanying description of the ${client} system (the description) ${timing}, and for the design${type2 ? ' and operation' : ''} of the controls it sets out. ${servicesSentence(input)}`,
    ),
    paragraph(
      `We prepared the description using the description criteria for a SOC 2 report (DC 200). It is meant to give user entities, their auditors and others who understand the system well enough the information they need about its controls: in particular, the controls ${client} designed${type2 ? ', put in place and operated' : ' and put in place'} to achieve its service commitments and system requirements under the trust services criteria for ${categories}.`,
    ),
  ];
  if (carveOuts.length > 0) {
    const plural = carveOuts.length > 1;
    blocks.push(
      paragraph(
        `${client} relies on ${listPhrase(carveOuts)} as ${plural ? '' : 'a '}subservice organisation${plural ? 's' : ''}. The description presents ${plural ? 'them' : 'it'} using the carve-out method: it sets out the types of controls ${client} assumes ${plural ? 'they operate' : 'it operates'}, but it does not cover ${plural ? 'their' : 'its'} own controls, which were not within the scope of the examination.`,
      ),
    );
  }
  if (inclusive.length > 0) {
    blocks.push(
      paragraph(
        `The description includes the relevant controls of ${listPhrase(inclusive)} (the inclusive method). The management of ${listPhrase(inclusive)} provides its own written assertion about those controls.`,
      ),
    );
  }
  if (input.cuecs.length > 0) {
    blocks.push(
      paragraph(
        `The description also sets out controls that ${client} assumes its user entities operate. Where the statements below depend on those controls, they hold only if user entities operate them.`,
      ),
    );
  }
  blocks.push(...unansweredDependencies(input));
  blocks.push(...controlsNotInPlace(input));
  const statements = [
    `the description presents the ${client} system as it was designed and put in place ${timing}, in line with the description criteria;`,
    `the controls set out in the description were suitably designed ${timing} to give reasonable assurance that ${possessive(client)} service commitments and system requirements would be achieved under the trust services criteria for ${categories}, provided those controls operated effectively${complementary ? ` and ${complementary} operated as assumed` : ''}${type2 ? ';' : '.'}`,
  ];
  if (type2) {
    statements.push(
      `the controls set out in the description operated effectively ${timing} and gave reasonable assurance that ${possessive(client)} service commitments and system requirements were achieved under those criteria${complementary ? `, on the condition that ${complementary} also operated effectively` : ''}.`,
    );
  }
  blocks.push(
    paragraph('To the best of our knowledge and belief, we confirm that:'),
    { kind: 'bullets', items: statements },
    heading(2, 'Signed for management'),
    paragraph(`On behalf of the management of ${client}:`),
    paragraph('Name: ______________________________'),
    paragraph('Title: ______________________________'),
    paragraph('Signature: ______________________________'),
    paragraph('Date: ______________________________'),
  );
  return blocks;
}

/**
 * The engagement's one-line services, else the first paragraph of the description's own
 * services answer (where the wizard asks for them): the assertion names what the description does.
 */
function servicesSentence(input: DraftInput): string {
  const services = input.engagement.services.trim() || firstParagraph(input.texts.services);
  return services
    ? `The description covers these services: ${services.replace(/[.\s]+$/, '')}.`
    : `The description covers ${placeholder('name the services the description covers')}.`;
}

/** A Markdown answer's first paragraph on one line: list items joined by semicolons. */
function firstParagraph(markdown: string): string {
  const [first = ''] = markdown.trim().split(/\n\s*\n/);
  return first
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)]|#+)\s+/, '').trim())
    .filter(Boolean)
    .join('; ');
}

/**
 * Whether the description depends on subservice organisations or user entities changes what
 * management asserts; while either is unanswered, the assertion says so instead of implying none.
 */
function unansweredDependencies(input: DraftInput): DocBlock[] {
  const client = clientName(input.engagement);
  const blocks: DocBlock[] = [];
  if (input.subservices.length === 0 && !input.confirmedNone.subservices)
    blocks.push(
      paragraph(
        placeholder(
          `say whether ${client} relies on subservice organisations; if it does, the statements below depend on the controls assumed of them`,
        ),
      ),
    );
  if (input.cuecs.length === 0 && !input.confirmedNone.cuecs)
    blocks.push(
      paragraph(
        placeholder(
          `say whether ${client} assumes controls at its user entities; if it does, the statements below depend on them`,
        ),
      ),
    );
  return blocks;
}

/**
 * The statements say the controls in the description were designed and in place; a control the
 * readiness assessment does not show in place contradicts that, so each one is named to resolve.
 */
function controlsNotInPlace(input: DraftInput): DocBlock[] {
  const groups = new Map<string, string[]>();
  for (const control of input.controls) {
    const why = notInPlace(control);
    if (why) groups.set(why, [...(groups.get(why) ?? []), control.ref]);
  }
  if (groups.size === 0) return [];
  const order = ['not implemented', 'partly implemented', 'not applicable', 'not assessed'];
  const listed = order
    .filter((why) => groups.has(why))
    .map((why) => `${why}: ${groups.get(why)!.join(', ')}`)
    .join('; ');
  return [
    paragraph(
      placeholder(
        `the description presents controls the readiness assessment does not show in place (${listed}); put each one in place or remove it from the description before signing`,
      ),
    ),
  ];
}

/** Which complementary controls the statements depend on, or null when there are none. */
function complementaryClause(carveOuts: boolean, cuecs: boolean): string | null {
  if (carveOuts && cuecs)
    return 'the complementary controls assumed of subservice organisations and user entities';
  if (carveOuts) return 'the complementary controls assumed of subservice organisations';
  if (cuecs) return 'the complementary controls assumed of user entities';
  return null;
}
