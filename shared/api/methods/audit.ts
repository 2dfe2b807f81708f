import { z } from 'zod';
import { auditPageSchema } from '../audit';
import { pageInput } from '../common';
import { method } from '../define';
import { AUDITED_DOMAINS } from '../domains';
import { text } from '../text';

/** The vault-wide audit history (E item 4b): paged and filtered in SQL, newest first. */
export const auditMethods = {
  'audit.list': method({
    summary:
      'The vault’s audit history, newest first: who changed what and when, filtered by record kind, person, record or since an entry (e.g. a frozen review’s chain head)',
    input: pageInput
      .extend({
        /** Only entries after this one (a frozen review's chain head: what changed since). */
        afterSeq: z.number().int().nonnegative().optional(),
        /** One kind of record: the audited table's name (`control`, `evidence`, …). */
        entity: text({ max: 60 }).optional(),
        /** One record: its id (link rows: any of their ids). */
        entityId: text({ max: 200 }).optional(),
        actor: text({ max: 200 }).optional(),
      })
      .strict(),
    output: auditPageSchema,
    mutates: false,
    // Every change extends the history.
    reads: AUDITED_DOMAINS,
  }),
} as const;
