import type { Locator } from '@playwright/test';

/**
 * Types a date into Attest's date field (Mantine DateInput: the day typed as text, here ISO) and
 * leaves the field, which closes its calendar so it does not cover the fields below.
 */
export async function fillDate(field: Locator, iso: string) {
  await field.fill(iso);
  await field.blur();
}
