import { describe, expect, it } from 'vitest';
import { type z, z as zod } from 'zod';
import { METHOD_NAMES, methods } from './index';
import { isVettedString, localPath, text } from './text';

/** Every string inside a schema that did not come through the text type (or an id/date type). */
function unvettedStrings(schema: z.ZodType, path: string, out: string[]): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })
    ._zod.def;
  const walk = (s: unknown, p: string) => unvettedStrings(s as z.ZodType, p, out);
  switch (def.type) {
    case 'string':
      if (!isVettedString(schema)) out.push(path);
      return;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>))
        walk(v, `${path}.${k}`);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      walk(def.innerType, path);
      return;
    case 'array':
      walk(def.element, `${path}[]`);
      return;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => walk(o, `${path}|${i}`));
      return;
    case 'pipe':
      walk(def.in, path);
      return;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      return;
    default:
      return; // numbers, booleans, enums, literals, transforms: no free text
  }
}

describe('the text type', () => {
  it('finds a string that bypasses it (the check below can fail)', () => {
    const found: string[] = [];
    const raw = zod.object({ a: zod.string().optional(), b: zod.array(text({ max: 5 })) });
    unvettedStrings(raw, 'x', found);
    expect(found).toEqual(['x.a']);
  });

  it('guards every string any method accepts', () => {
    const found: string[] = [];
    for (const name of METHOD_NAMES) unvettedStrings(methods[name].input as z.ZodType, name, found);
    expect(found, 'strings in method inputs that bypass shared/api/text.ts').toEqual([]);
  });

  const title = text({ max: 10, required: 'Give it a title' });
  const notes = text({ max: 100, multiline: true });

  it('trims, and says the limit in a sentence', () => {
    expect(title.parse('  Hello  ')).toBe('Hello');
    expect(title.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe(
      'Keep this to 10 characters or fewer',
    );
    expect(title.safeParse('   ').error?.issues[0]?.message).toBe('Give it a title');
  });

  it('refuses lone surrogates, NUL and control characters with a human message', () => {
    for (const bad of ['a\uD800b', 'a\uDC00', '\uDFFFx', 'a\u0000b', 'a\u0007b', 'a\u009bb']) {
      const r = notes.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/^This text contains/);
    }
    // A whole emoji (a surrogate pair) is fine, and so are lines where lines are allowed.
    expect(notes.parse('Done 🎉\nNext\tstep')).toBe('Done 🎉\nNext\tstep');
    expect(title.safeParse('a\nb').error?.issues[0]?.message).toMatch(/single line/);
  });

  it('refuses a path with a NUL or a control character', () => {
    expect(localPath.safeParse('/tmp/a\u0000b').success).toBe(false);
    expect(localPath.safeParse('/tmp/a\nb').success).toBe(false);
    expect(localPath.parse('/tmp/Ünïcode name.pdf')).toBe('/tmp/Ünïcode name.pdf');
  });
});
