import type { Page } from '@playwright/test';

/** Moves the app to a route (the UI uses a hash router), as a link inside it would. */
export async function goHash(page: Page, route: string) {
  await page.evaluate((r) => {
    window.location.hash = `#${r}`;
  }, route);
}
