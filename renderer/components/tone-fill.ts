import {
  BADGE,
  FILL,
  SWATCH_KEYS,
  type Scheme,
  type SwatchKey,
} from '../../shared/domain/status-palette';
import './tone.css';
import type { Tone } from './status';

/** Class of a filled surface in the status palette: AA text on every fill, in both themes. */
export const TONE_FILL_CLASS: Record<Tone, string> = {
  met: 'attest-fill-met',
  partial: 'attest-fill-partial',
  missing: 'attest-fill-missing',
  neutral: 'attest-fill-neutral',
};

/** CSS variables of a swatch, for components styled inline (a button, a chart bar). */
export const fillVar = (key: SwatchKey, part: 'bg' | 'fg') => `var(--attest-fill-${key}-${part})`;
export const badgeVar = (key: SwatchKey, part: 'bg' | 'fg') => `var(--attest-badge-${key}-${part})`;

/**
 * The palette of `shared/domain/status-palette.ts` as CSS: one variable per swatch and theme, and
 * the fill classes. Generated from the data so the colours drawn are the colours tested.
 */
export function paletteCss(): string {
  const scheme = (s: Scheme) =>
    `html[data-mantine-color-scheme='${s}'] {\n` +
    SWATCH_KEYS.map(
      (k) =>
        `  --attest-fill-${k}-bg: ${FILL[k][s].background};\n  --attest-fill-${k}-fg: ${FILL[k][s].text};\n` +
        `  --attest-badge-${k}-bg: ${BADGE[k][s].background};\n  --attest-badge-${k}-fg: ${BADGE[k][s].text};`,
    ).join('\n') +
    '\n}';
  const classes = SWATCH_KEYS.map(
    (k) => `.attest-fill-${k} { background: ${fillVar(k, 'bg')}; color: ${fillVar(k, 'fg')}; }`,
  ).join('\n');
  return [scheme('light'), scheme('dark'), classes].join('\n');
}

if (typeof document !== 'undefined' && !document.getElementById('attest-status-palette')) {
  const style = document.createElement('style');
  style.id = 'attest-status-palette';
  style.textContent = paletteCss();
  document.head.appendChild(style);
}
