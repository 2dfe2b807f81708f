import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { humanIssue } from './issue-messages';
import { methods } from './index';
import { text } from './text';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { error: humanIssue });
  return r.success ? null : r.error.issues[0]!.message;
};

describe('what a user reads when a value is out of bounds', () => {
  it.each([
    [z.array(z.string()).max(2), ['a', 'b', 'c'], 'Choose at most 2'],
    [z.array(z.string()).min(1), [], 'Choose at least one'],
    [z.number().int().max(5), 6, 'Use 5 or less'],
    [z.number().int().min(1), 0, 'Use 1 or more'],
    [z.number(), 'three', 'Give a number'],
    [z.object({ a: z.string() }), {}, 'This is required'],
    [z.object({}).strict(), { salary: 1 }, 'Attest does not know the field salary'],
    [z.enum(['csv', 'xlsx']), 'pdf', 'Choose one of: csv, xlsx'],
    [z.string().max(300), 'x'.repeat(301), 'Keep this to 300 characters or fewer'],
    [z.string().email(), 'nope', 'Use an email address like name@example.com'],
  ] as const)('%#: %s', (schema, value, expected) => {
    expect(messageOf(schema, value)).toBe(expected);
  });

  it('leaves a message the schema sets itself as it is', () => {
    expect(messageOf(text({ max: 10, required: 'Give it a name' }), '')).toBe('Give it a name');
  });

  it('never shows zod’s own wording for a contract input pushed past its limits', () => {
    const raw =
      /Too (big|small)|expected (string|number|array)|Invalid (input|option)|Unrecognized/;
    const inputs: [keyof typeof methods, unknown][] = [
      [
        'risks.create',
        { title: 'x', likelihood: 1, impact: 1, controlIds: Array(201).fill('ctl_a') },
      ],
      ['assessments.setMany', { controlIds: [], status: 'implemented' }],
      ['tasks.export', { format: 'pdf' }],
      ['people.update', { id: 'per_a', patch: { salary: 1 } }],
      ['requests.list', { limit: 100000 }],
    ];
    for (const [name, input] of inputs) {
      const r = (methods[name].input as z.ZodType).safeParse(input, { error: humanIssue });
      expect(r.success, name).toBe(false);
      for (const issue of r.error!.issues) expect(issue.message, name).not.toMatch(raw);
    }
  });
});
