import { z } from 'zod';
import { pageInput, pageOf, sortOf } from '../common';
import { method } from '../define';
import { text } from '../text';
import { PEOPLE_SORT_KEYS, personId, personInput, personPatch, personSchema } from '../people';

export const peopleMethods = {
  'people.list': method({
    summary:
      'The people directory, searched, sorted (by name unless asked) and paged; archived people only when asked',
    input: pageInput
      .extend({
        includeArchived: z.boolean().default(false),
        /** Matches the name, email, role or team. */
        search: text({ max: 200 }).optional(),
        sort: sortOf(PEOPLE_SORT_KEYS).optional(),
      })
      .strict(),
    output: pageOf(personSchema).extend({ currentPersonId: z.string().nullable() }),
    mutates: false,
    reads: ['people'],
  }),
  'people.create': method({
    summary: 'Add a person to the directory',
    input: personInput.strict(),
    output: personSchema,
    mutates: true,
    touches: ['people'],
  }),
  'people.update': method({
    summary: 'Change a person’s name, email, role or team',
    input: z.object({ id: personId, patch: personPatch.strict() }).strict(),
    output: personSchema,
    mutates: true,
    touches: ['people', 'vault'],
  }),
  'people.archive': method({
    summary: 'Archive (or restore) a person; records that point at them keep pointing at them',
    input: z.object({ id: personId, archived: z.boolean() }).strict(),
    output: personSchema,
    mutates: true,
    touches: ['people'],
  }),
  'people.setCurrent': method({
    summary: 'Who is using Attest now: the actor in the audit log from here on',
    input: z.object({ id: personId.nullable() }).strict(),
    output: z.object({ currentPersonId: z.string().nullable(), actor: z.string() }),
    mutates: true,
    touches: ['people', 'vault'],
  }),
} as const;
