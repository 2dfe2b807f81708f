import {
  SD_TEXT_KEYS,
  type SdTextKey,
  type SdTexts,
} from '../../../shared/domain/system-description';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import { getEngagement } from '../vault/engagement';
import type { Vault } from '../vault/session';
import { listTextRows, putTextRow } from '../../db/repos/sd-records';

/**
 * The free-text sections. Until the description's own services text is written, the one-line
 * services answer from scoping stands in for it, so the user starts from what they already said.
 */
export function getTexts(vault: Vault): SdTexts {
  const saved = new Map(listTextRows(vault.db).map((r) => [r.key, r.content]));
  const texts = Object.fromEntries(SD_TEXT_KEYS.map((k) => [k, saved.get(k) ?? ''])) as SdTexts;
  if (!saved.has('services')) texts.services = getEngagement(vault).services;
  return texts;
}

export function setText(
  vault: Vault,
  key: SdTextKey,
  content: string,
): { key: SdTextKey; content: string; updatedAt: string } {
  return tx(vault.db, () => {
    const now = vault.now();
    const action = putTextRow(vault.db, { key, content, updated_at: now });
    recordChange(vault, { action, entity: 'sd_text', entityId: key, payload: { content } });
    return { key, content, updatedAt: now };
  });
}
