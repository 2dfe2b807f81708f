import { z } from 'zod';
import { isoInstant } from './common';

const trimmed = (max: number) => z.string().trim().max(max);

export const personInput = z.object({
  name: trimmed(200).min(1, { message: 'Give the person’s name' }),
  email: z
    .union([
      z.literal(''),
      z.string().trim().email({ message: 'Use an email address such as ana@example.com' }),
    ])
    .default(''),
  role: trimmed(200).default(''),
  team: trimmed(200).default(''),
});
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

export const personId = z.string().regex(/^per_[a-z0-9]+$/, { message: 'Not a person id' });
