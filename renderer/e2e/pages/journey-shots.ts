import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

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
