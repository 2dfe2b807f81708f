import { mkdirSync } from 'node:fs';
import { type Locator, type Page, expect } from '@playwright/test';

/** What the newcomer's journey (journey.spec.ts) types, drops and closes. */

export const ENGAGEMENT = 'Acme SOC 2 2026';

/** The auditor's list as they send it: their numbers, what they want, the criterion. */
export const PBC_CSV = [
  'PBC #,Item Requested,TSC Ref.',
  'PBC-001,Background check process for new hires,CC1.4',
  'PBC-002,List of new hires in the period with their start dates,CC1.4',
  'PBC-003,Access control policy (current approved version),CC6.1',
].join('\r\n');

/** Twelve hires through the period, from the HR system: HR-01's population (a sample of 2). */
export const HIRES_CSV = [
  'employee,start_date,role',
  ...Array.from({ length: 12 }, (_, i) => {
    const month = String((i % 6) + 1).padStart(2, '0');
    const day = String(((i * 7) % 27) + 1).padStart(2, '0');
    return `E-${100 + i},2026-${month}-${day},Engineer`;
  }),
].join('\n');

/**
 * Closes a record's drawer by its own Close button: Escape would first close a picker left open
 * in it (a multi-select stays open after a pick).
 */
export async function closeDrawer(drawer: Locator) {
  await drawer.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(drawer).toBeHidden();
}

/** Closes a multi-select's list left open after a pick (Escape goes to it, not to the drawer). */
export async function closePicker(page: Page) {
  if (await page.locator('[role="listbox"]:visible').count()) await page.keyboard.press('Escape');
  await expect(page.locator('[role="listbox"]:visible')).toHaveCount(0);
}

/** HR-01 "Background checks before start": per event, three test attributes. */
export const CONTROL = 'HR-01';

const OUT = '/tmp/attest-shots';

/**
 * Pictures of the newcomer journey, taken only when SCREENSHOTS=1: each step in the light theme
 * as `journey-NN-<step>.png` and in the dark one as `journey-NN-<step>-dark.png`. The spec runs
 * and asserts the same either way; a picture is never an assertion.
 */
export function journeyShots(page: Page) {
  let n = 0;
  return async (step: string, fullPage = false) => {
    n += 1;
    if (!process.env.SCREENSHOTS) return;
    mkdirSync(OUT, { recursive: true });
    const name = `${OUT}/journey-${String(n).padStart(2, '0')}-${step}`;
    // The pointer out of the way, so no hover styles land in the picture.
    await page.mouse.move(1350, 850);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      // The theme follows the OS: wait until the app has switched before taking it.
      await page.waitForFunction(
        (s) => document.documentElement.getAttribute('data-mantine-color-scheme') === s,
        scheme,
      );
      await page.screenshot({
        path: `${name}${scheme === 'dark' ? '-dark' : ''}.png`,
        fullPage,
      });
    }
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  };
}
