import { openDemoVault, test } from './fixtures';
// Throwaway: pictures for a look (not committed).
const PATHS = (process.env.LOOK ?? '/people').split(',');
for (const scheme of ['light', 'dark'] as const) {
  test(`look ${scheme}`, async ({ page, attest }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(attest.tokenUrl);
    await openDemoVault(page, attest);
    for (const [i, p] of PATHS.entries()) {
      await page.goto(`${attest.origin}/#${p}`);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/look/${scheme}-${i}.png` });
    }
  });
}
