import { Badge, type MantineColor } from '@mantine/core';

/**
 * The one status palette (UX.md): met / evidenced inside its window = teal; implemented but
 * awaiting reviewed evidence, mapped, partial, scheduled = yellow; not mapped, missing, outside
 * its window, overdue = red; not applicable = grey. Severity: blocking red, major orange, minor
 * grey. A self-assessment alone never turns anything teal.
 */
export type Tone = 'met' | 'partial' | 'missing' | 'neutral';

export const TONE_COLOR: Record<Tone, MantineColor> = {
  met: 'teal',
  partial: 'yellow',
  missing: 'red',
  neutral: 'gray',
};

export type Severity = 'blocking' | 'major' | 'minor';

export const SEVERITY_COLOR: Record<Severity, MantineColor> = {
  blocking: 'red',
  major: 'orange',
  minor: 'gray',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  blocking: 'Blocking',
  major: 'Major',
  minor: 'Minor',
};

/** A compact status pill. Light variant keeps text contrast readable in both themes. */
export function StatusBadge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <Badge color={TONE_COLOR[tone]} variant="light" radius="sm" size="sm" tt="none" fw={600}>
      {children}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge
      color={SEVERITY_COLOR[severity]}
      variant="light"
      radius="sm"
      size="sm"
      tt="none"
      fw={600}
    >
      {SEVERITY_LABEL[severity]}
    </Badge>
  );
}
