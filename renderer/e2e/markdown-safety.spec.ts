import type { Locator } from '@playwright/test';
import { expect, openDemoVault, test } from './fixtures';
import { rpc } from './pages/rpc';
import { ScopeView } from './pages/ScopeView';
import { Workbench } from './pages/Workbench';
import { goHash } from './pages/hash';
import { linkTo } from '../app/routes';

/**
 * Markdown a user typed is shown, never run (DESIGN §8): a draft carrying a script, an event
 * handler, a javascript: link and a remote image is rendered in Chromium through the one
 * markdown-it parse and DOMPurify, and none of them reaches the DOM. The fixtures also fail the
 * test on any CSP violation, which a remote image or an inline script would cause.
 */
test('a hostile draft is shown as text: no script, handler, javascript: link or remote image', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  await new Workbench(page).expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  await rpc(page, attest, 'sd.saveDraft', {
    document: 'description',
    markdown: HOSTILE,
  });
  const view = new ScopeView(page);
  await view.open();
  await view.tab('System description');
  await expectHarmless(page.getByTestId('markdown'));
});

/** The same hostile text in a policy draft: its live preview goes through the same parse. */
test('a hostile policy is shown as text in its preview: no script, handler, javascript: link or remote image', async ({
  page,
  attest,
}) => {
  await openDemoVault(page, attest);
  await new Workbench(page).expectOpen('Demo — Northwind Analytics SOC 2 Type II');
  const { policy } = await rpc<{ policy: { id: string } }>(page, attest, 'policies.create', {
    title: 'Hostile policy',
    body: HOSTILE,
  });
  await goHash(page, linkTo('policy', policy.id));
  await expectHarmless(page.getByTestId('policy-preview').getByTestId('markdown'));
});

/** A draft carrying everything that must never run or fetch. */
const HOSTILE = [
  '# Hostile draft',
  '<script>window.__hacked = 1</script>',
  '<img src="https://evil.example/x.png" onerror="window.__hacked = 2">',
  '[click me](javascript:window.__hacked=3) [plain](http://evil.example) [ok](https://example.com)',
  '![remote](https://evil.example/pixel.png)',
  '<a href="javascript:alert(1)" onclick="window.__hacked = 4">raw</a>',
  '| Risk | Owner |\n| --- | --- |\n| **Phishing** | Ana |',
].join('\n\n');

async function expectHarmless(md: Locator) {
  await expect(md.getByRole('heading', { name: 'Hostile draft' })).toBeVisible();
  await expect(md).toContainText('<script>window.__hacked = 1</script>');
  await expect(md.locator('table strong')).toHaveText('Phishing');
  const found = await md.evaluate((el) => ({
    scripts: el.querySelectorAll('script').length,
    handlers: el.querySelectorAll('[onerror], [onclick], [onload]').length,
    jsLinks: [...el.querySelectorAll('a')].filter((a) =>
      (a.getAttribute('href') ?? '').toLowerCase().includes('javascript'),
    ).length,
    links: [...el.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    images: el.querySelectorAll('img').length,
    hacked: (window as unknown as { __hacked?: number }).__hacked ?? null,
  }));
  expect(found).toEqual({
    scripts: 0,
    handlers: 0,
    jsLinks: 0,
    links: ['https://example.com'],
    images: 0,
    hacked: null,
  });
}
