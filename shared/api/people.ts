import { z } from 'zod';
import { isoInstant } from './common';
import { idOf, text, vetted } from './text';

const trimmed = (max: number) => text({ max });

const personFields = {
  name: text({ max: 200, required: 'Give the person’s name' }),
  email: z.union([
    z.literal(''),
    vetted(
      z
        .string()
        .trim()
        .max(320, { message: 'Keep the email address to 320 characters or fewer' })
        .email({ message: 'Use an email address such as ana@example.com' }),
    ),
  ]),
  role: trimmed(200),
  team: trimmed(200),
};

export const personInput = z.object({
  ...personFields,
  email: personFields.email.default(''),
  role: personFields.role.default(''),
  team: personFields.team.default(''),
});

/** A change to some fields: no defaults, so a field left out is left alone. */
export const personPatch = z.object(personFields).partial();
export type PersonInput = z.input<typeof personInput>;

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  team: z.string(),
  archived: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Person = z.infer<typeof personSchema>;

export const personId = idOf('per', 'person');

/** What `people.list` sorts by (name unless asked); empty emails, roles and teams sort last. */
export const PEOPLE_SORT_KEYS = ['name', 'email', 'role', 'team'] as const;
export type PeopleSortKey = (typeof PEOPLE_SORT_KEYS)[number];
