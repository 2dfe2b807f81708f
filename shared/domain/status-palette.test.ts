import { describe, expect, it } from 'vitest';
import { BADGE, FILL, SWATCH_KEYS, contrastRatio } from './status-palette';

/** The page behind a badge or a filled cell in each theme (Mantine's body colours). */
const PAGE = { light: '#ffffff', dark: '#242424' } as const;

describe('the status palette', () => {
  it('computes WCAG contrast as the specification does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`puts text at 4.5:1 or more on every badge and every fill in the ${scheme} theme`, () => {
      const failing = SWATCH_KEYS.flatMap((key) =>
        [
          ['badge', BADGE[key][scheme]],
          ['fill', FILL[key][scheme]],
        ].flatMap(([kind, swatch]) => {
          const { background, text } = swatch as { background: string; text: string };
          const ratio = contrastRatio(text, background);
          return ratio >= 4.5 ? [] : [`${kind} ${key}: ${ratio.toFixed(2)}`];
        }),
      );
      expect(failing).toEqual([]);
    });

    it(`sets every badge's text apart from the page at 4.5:1 in the ${scheme} theme`, () => {
      // The badge surface is faint: its words must also read against the page around it.
      for (const key of SWATCH_KEYS)
        expect(contrastRatio(BADGE[key][scheme].text, PAGE[scheme])).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('keeps partial yellow and major orange apart, as badges and as fills', () => {
    for (const scheme of ['light', 'dark'] as const) {
      expect(FILL.partial[scheme].background).not.toBe(FILL.major[scheme].background);
      expect(BADGE.partial[scheme].text).not.toBe(BADGE.major[scheme].text);
    }
  });
});
