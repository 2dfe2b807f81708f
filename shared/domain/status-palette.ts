/**
 * The one status palette of Attest (U3), as data: every status, severity and risk band maps to a
 * tone, and every tone to the colours it is drawn with in each theme. Badges, the selected status
 * buttons, the heat map, the risk matrix and the charts all read these, so a "partial" is the same
 * yellow wherever it appears and never the orange that means "major".
 *
 * met / evidenced = teal; partial, mapped, scheduled = yellow; missing, not mapped, overdue = red;
 * not applicable, not assessed = grey. Severity: blocking red, major orange, minor grey.
 */

export const TONES = ['met', 'partial', 'missing', 'neutral'] as const;
export type Tone = (typeof TONES)[number];

export const SEVERITIES = ['blocking', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Everything drawn in the palette: the four tones and the one colour only severity uses. */
export const SWATCH_KEYS = [...TONES, 'major'] as const;
export type SwatchKey = (typeof SWATCH_KEYS)[number];

export const SEVERITY_SWATCH: Record<Severity, SwatchKey> = {
  blocking: 'missing',
  major: 'major',
  minor: 'neutral',
};

/** Mantine's hue of each swatch, for the few components that take a theme colour name. */
export const SWATCH_HUE: Record<SwatchKey, 'teal' | 'yellow' | 'red' | 'gray' | 'orange'> = {
  met: 'teal',
  partial: 'yellow',
  missing: 'red',
  neutral: 'gray',
  major: 'orange',
};

export type Scheme = 'light' | 'dark';
export interface Swatch {
  background: string;
  text: string;
}

/**
 * Badges and tinted cells: a light surface of the hue with dark text of the same hue (light
 * theme), a dark surface with bright text (dark theme). The dark yellow leans green, not red, so
 * it does not read as brown-orange.
 */
export const BADGE: Record<SwatchKey, Record<Scheme, Swatch>> = {
  met: {
    light: { background: '#c3fae8', text: '#085f50' },
    dark: { background: '#0b3b33', text: '#63e6be' },
  },
  partial: {
    light: { background: '#fff3bf', text: '#6b4d00' },
    dark: { background: '#36320a', text: '#ffe066' },
  },
  missing: {
    light: { background: '#ffe3e3', text: '#a61e1e' },
    dark: { background: '#4a1616', text: '#ffa8a8' },
  },
  neutral: {
    light: { background: '#e9ecef', text: '#343a40' },
    dark: { background: '#373a40', text: '#d0d2d6' },
  },
  major: {
    light: { background: '#ffe8cc', text: '#a13c06' },
    dark: { background: '#47230a', text: '#ffc078' },
  },
};

/**
 * Filled surfaces: a chosen status button, a heat-map cell, a chart bar. Yellow stays yellow with
 * dark text in both themes (a white label on yellow fails contrast, and a darkened yellow turns
 * orange).
 */
export const FILL: Record<SwatchKey, Record<Scheme, Swatch>> = {
  met: {
    light: { background: '#087f5b', text: '#ffffff' },
    dark: { background: '#0ca678', text: '#04261d' },
  },
  partial: {
    light: { background: '#ffd43b', text: '#3d2c00' },
    dark: { background: '#fcc419', text: '#2b2100' },
  },
  missing: {
    light: { background: '#c92a2a', text: '#ffffff' },
    dark: { background: '#e03131', text: '#ffffff' },
  },
  neutral: {
    light: { background: '#ced4da', text: '#212529' },
    dark: { background: '#5c5f66', text: '#f1f3f5' },
  },
  major: {
    light: { background: '#a13c06', text: '#ffffff' },
    dark: { background: '#fd7e14', text: '#2b1300' },
  },
};

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
