import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'Give a text',
  number: 'Give a number',
  int: 'Give a whole number',
  bigint: 'Give a whole number',
  boolean: 'Choose yes or no',
  array: 'Give a list',
  object: 'Give the details as an object',
  date: 'Give a date',
};

/**
 * Plain sentences for the limits zod checks with its own words ("Too big: expected array to have
 * <=200 items"), passed to every parse at the trust boundary and in forms (U5). A message a
 * schema sets itself (the text type's, an id's) wins over these; anything not listed here keeps
 * zod's wording.
 */
export function humanIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required';
      return TYPE_WORDS[issue.expected] ?? `Give a value of the right kind (${issue.expected})`;
    case 'too_big': {
      const max = Number(issue.maximum).toLocaleString('en');
      if (issue.origin === 'string') return `Keep this to ${max} characters or fewer`;
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive === false ? `Use less than ${max}` : `Use ${max} or less`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${max}`;
      return undefined;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'This cannot be empty' : `Write at least ${min} characters`;
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive === false ? `Use more than ${min}` : `Use ${min} or more`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? 'Choose at least one' : `Choose at least ${min}`;
      return undefined;
    }
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `Attest does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Use an email address like name@example.com'
        : 'This is not written the way Attest expects';
    case 'invalid_union':
      return 'This is not one of the forms Attest accepts';
    default:
      return undefined;
  }
}
