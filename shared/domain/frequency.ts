/** How often a control operates; the same words a policy uses for what it promises. */
export const FREQUENCIES = [
  'annual',
  'semi_annual',
  'quarterly',
  'monthly',
  'weekly',
  'daily',
  'continuous',
  'per_event',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  annual: 'Annual',
  semi_annual: 'Semi-annual',
  quarterly: 'Quarterly',
  monthly: 'Monthly',
  weekly: 'Weekly',
  daily: 'Daily',
  continuous: 'Continuous',
  per_event: 'Per event',
};
