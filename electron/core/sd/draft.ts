import type { Draft } from '../../../shared/api/sd';
import { buildAssertionDraft } from '../../../shared/domain/system-description-assertion';
import {
  type DocBlock,
  parseMarkdown,
  toMarkdown,
} from '../../../shared/domain/system-description-doc';
import {
  type DraftInput,
  buildDescriptionDraft,
} from '../../../shared/domain/system-description-draft';
import { DRAFT_TEXT_KEY, type SdDocument } from '../../../shared/domain/system-description';
import { recordChange } from '../../db/audit';
import { first, tx } from '../../db/connection';
import { listControlRows, listCriterionRows } from '../../db/repos/controls';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { linksOf } from '../../db/repos/links';
import { toComponent, toSdEvent } from './mapping';
import { toCuecs, toSubservices } from './subservice-parts';
import { deleteTextRow, getTextRow, listRows, putTextRow } from '../../db/repos/sd-records';
import { getTexts } from './texts';
import { getConfirmedNone } from './confirmed-none';
import { assessmentsByControl } from '../gaps/assessments';

/**
 * Everything the drafts are built from, read from the vault: active records only, and only
 * in-scope criteria — after a re-scope the description must not name criteria the report no
 * longer covers (a CSOC or CUEC that served only those drops out; completeness asks about a
 * vendor left with none).
 */
export function draftInput(vault: Vault): DraftInput {
  const engagement = getEngagement(vault);
  const events = listRows(vault.db, 'sd_event', false).map(toSdEvent);
  const criteriaRows = listCriterionRows(vault.db).filter((c) => c.in_scope === 1);
  const inScope = new Set(criteriaRows.map((c) => c.id));
  const keep = (ids: readonly string[]) => ids.filter((id) => inScope.has(id));
  const mapped = linksOf(vault.db, 'control_criterion');
  const assessments = assessmentsByControl(vault);
  const served = <T extends { criteria: readonly string[] }>(items: readonly T[]) =>
    items
      .map((i) => ({ ...i, criteria: keep(i.criteria) }))
      .filter((i, n) => i.criteria.length > 0 || items[n]!.criteria.length === 0);
  return {
    generatedOn: vault.now().slice(0, 10),
    engagement,
    texts: getTexts(vault),
    components: listRows(vault.db, 'sd_component', false).map(toComponent),
    subservices: toSubservices(vault, listRows(vault.db, 'subservice_org', false)).map((org) => ({
      ...org,
      criteria: keep(org.criteria),
      csocs: served(org.csocs),
    })),
    cuecs: served(toCuecs(vault, listRows(vault.db, 'cuec', false))),
    incidents: events.filter((e) => e.kind === 'incident'),
    changes: events.filter((e) => e.kind === 'change'),
    none: { incidents: engagement.incidentsNoneAsOf, changes: engagement.changesNoneAsOf },
    confirmedNone: getConfirmedNone(vault),
    criteria: criteriaRows.map((c) => ({
      id: c.id,
      title: c.title,
      notRelevantReason: c.not_relevant_reason,
    })),
    controls: listControlRows(vault.db).map((c) => ({
      id: c.id,
      ref: c.ref,
      title: c.title,
      description: c.description,
      assessment: assessments.get(c.id)?.status ?? null,
      criteria: keep(mapped.get(c.id) ?? []),
    })),
  };
}

export function generateBlocks(vault: Vault, document: SdDocument): DocBlock[] {
  const input = draftInput(vault);
  return document === 'description' ? buildDescriptionDraft(input) : buildAssertionDraft(input);
}

/** The draft as it will be exported: the user's edit when saved, else freshly generated. */
export function currentDraft(
  vault: Vault,
  document: SdDocument,
): { markdown: string; blocks: DocBlock[] } {
  const saved = getTextRow(vault.db, DRAFT_TEXT_KEY[document]);
  if (saved) return { markdown: saved.content, blocks: parseMarkdown(saved.content) };
  const blocks = generateBlocks(vault, document);
  return { markdown: toMarkdown(blocks), blocks };
}

export function getDraft(vault: Vault, document: SdDocument): Draft {
  const key = DRAFT_TEXT_KEY[document];
  const saved = getTextRow(vault.db, key);
  const latest = latestAnswerChange(vault);
  if (!saved) {
    const markdown = toMarkdown(generateBlocks(vault, document));
    return {
      document,
      markdown,
      generatedFrom: latest.at,
      edited: false,
      answersChangedSince: false,
    };
  }
  const savedAt = lastEntrySeq(vault, key);
  const basis = latestAnswerChange(vault, savedAt);
  return {
    document,
    markdown: saved.content,
    generatedFrom: basis.at,
    edited: true,
    answersChangedSince: latest.seq > savedAt,
  };
}

/** Saves the user's Markdown for a draft, or (null) discards it to go back to generated. */
export function saveDraft(vault: Vault, document: SdDocument, markdown: string | null): Draft {
  const key = DRAFT_TEXT_KEY[document];
  tx(vault.db, () => {
    if (markdown === null) {
      if (deleteTextRow(vault.db, key))
        recordChange(vault, { action: 'delete', entity: 'sd_text', entityId: key });
      return;
    }
    const action = putTextRow(vault.db, { key, content: markdown, updated_at: vault.now() });
    recordChange(vault, {
      action,
      entity: 'sd_text',
      entityId: key,
      payload: { characters: markdown.length },
    });
  });
  return getDraft(vault, document);
}

/** The audited entities a draft reads; a change to any of them can change the generated text. */
const ANSWER_ENTITIES = [
  'engagement',
  'criterion',
  'control',
  'assessment',
  'sd_text',
  'sd_component',
  'subservice_org',
  'cuec',
  'sd_event',
];
const DRAFT_KEYS = Object.values(DRAFT_TEXT_KEY);

/**
 * The latest change to the answers (optionally: before audit entry `beforeSeq`), from the audit
 * log, which records every change in order. Saved drafts themselves are not answers.
 */
function latestAnswerChange(vault: Vault, beforeSeq?: number): { seq: number; at: string } {
  let q = vault.db.qb
    .selectFrom('audit_event')
    .select(['seq', 'at'])
    .where('entity', 'in', ANSWER_ENTITIES)
    .where((eb) => eb.or([eb('entity', '!=', 'sd_text'), eb('entity_id', 'not in', DRAFT_KEYS)]))
    .orderBy('seq', 'desc')
    .limit(1);
  if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
  // The engagement's creation is always logged, so there is always an answer to point at.
  return first(vault.db, q) ?? { seq: 0, at: getEngagement(vault).createdAt };
}

function lastEntrySeq(vault: Vault, key: string): number {
  const row = first(
    vault.db,
    vault.db.qb
      .selectFrom('audit_event')
      .select('seq')
      .where('entity', '=', 'sd_text')
      .where('entity_id', '=', key)
      .orderBy('seq', 'desc')
      .limit(1),
  );
  return row?.seq ?? 0;
}
