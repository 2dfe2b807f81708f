import { Badge, type MantineColor } from '@mantine/core';
import {
  SEVERITY_SWATCH,
  SWATCH_HUE,
  type Severity,
  type SwatchKey,
  type Tone,
} from '../../shared/domain/status-palette';
import { badgeVar, fillVar } from './tone-fill';

/**
 * The one status palette (UX.md): met / evidenced inside its window = teal; implemented but
 * awaiting reviewed evidence, mapped, partial, scheduled = yellow; not mapped, missing, outside
 * its window, overdue = red; not applicable = grey. Severity: blocking red, major orange, minor
 * grey. A self-assessment alone never turns anything teal.
 */
export type { Severity, Tone };

/** Mantine's hue of a tone, for components that take a theme colour (an icon, an outline). */
export const TONE_COLOR: Record<Tone, MantineColor> = {
  met: SWATCH_HUE.met,
  partial: SWATCH_HUE.partial,
  missing: SWATCH_HUE.missing,
  neutral: SWATCH_HUE.neutral,
};

export const SEVERITY_COLOR: Record<Severity, MantineColor> = {
  blocking: SWATCH_HUE[SEVERITY_SWATCH.blocking],
  major: SWATCH_HUE[SEVERITY_SWATCH.major],
  minor: SWATCH_HUE[SEVERITY_SWATCH.minor],
};

/** A badge drawn in the palette's badge colours of `key` (not Mantine's light variant). */
export const badgeStyle = (key: SwatchKey) => ({
  root: { background: badgeVar(key, 'bg'), color: badgeVar(key, 'fg') },
});

/**
 * A chosen status button filled in the palette (Mantine's filled yellow is orange-ish with white
 * text): pass to a Button's `style`.
 */
export const filledToneStyle = (tone: Tone) =>
  ({
    '--button-bg': fillVar(tone, 'bg'),
    '--button-hover': fillVar(tone, 'bg'),
    '--button-color': fillVar(tone, 'fg'),
  }) as React.CSSProperties;

export const SEVERITY_LABEL: Record<Severity, string> = {
  blocking: 'Blocking',
  major: 'Major',
  minor: 'Minor',
};

/** A compact status pill. Light variant keeps text contrast readable in both themes. */
export function StatusBadge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <Badge
      variant="light"
      styles={badgeStyle(tone)}
      radius="sm"
      size="sm"
      tt="none"
      fw={600}
      data-tone={tone}
    >
      {children}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge
      variant="light"
      styles={badgeStyle(SEVERITY_SWATCH[severity])}
      radius="sm"
      size="sm"
      tt="none"
      fw={600}
    >
      {SEVERITY_LABEL[severity]}
    </Badge>
  );
}
