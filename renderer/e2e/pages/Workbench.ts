import { type Locator, type Page, expect } from '@playwright/test';
import { type AttestServer, openDemoVault } from '../fixtures';

export const STEPS = [
  { id: 'dashboard', label: 'Dashboard', goKey: 'd', digit: '0' },
  { id: 'scope', label: 'Scope', goKey: 's', digit: '1' },
  { id: 'gaps', label: 'Gap analysis', goKey: 'a', digit: '2' },
  { id: 'remediation', label: 'Remediation', goKey: 'r', digit: '3' },
  { id: 'documentation', label: 'Documentation', goKey: 'o', digit: '4' },
  { id: 'readiness', label: 'Readiness', goKey: 'y', digit: '5' },
  { id: 'export', label: 'Export', goKey: 'e', digit: '6' },
] as const;

export type Step = (typeof STEPS)[number];

/** The workbench around an open vault: header, step navigation, palette, menus. */
export class Workbench {
  readonly nav: Locator;
  readonly engagementName: Locator;
  readonly scope: Locator;
  readonly palette: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Steps' });
    this.engagementName = page.getByTestId('engagement-name');
    this.scope = page.getByTestId('engagement-scope');
    this.palette = page.getByRole('dialog').filter({
      has: page.getByRole('textbox', { name: 'Search screens and actions' }),
    });
  }

  async expectOpen(engagement: string) {
    await expect(this.engagementName).toHaveText(engagement);
  }

  navLink(step: Step): Locator {
    return this.nav.locator(`[data-step="${step.id}"]`);
  }

  async expectOn(step: Step) {
    await expect(this.page.getByRole('heading', { level: 1, name: step.label })).toBeVisible();
    await expect(this.navLink(step)).toHaveAttribute('aria-current', 'page');
  }

  async goByMouse(step: Step) {
    await this.navLink(step).click();
    await this.expectOn(step);
  }

  async goByLetters(step: Step) {
    await this.page.keyboard.press('g');
    await this.page.keyboard.press(step.goKey);
    await this.expectOn(step);
  }

  async goByDigit(step: Step) {
    await this.page.keyboard.press(`Alt+Digit${step.digit}`);
    await this.expectOn(step);
  }

  async openPalette() {
    await this.page.keyboard.press('ControlOrMeta+KeyK');
    await expect(this.palette).toBeVisible();
  }

  /** Opens the palette, types, and runs the first match. */
  async runFromPalette(query: string, option: string | RegExp) {
    await this.openPalette();
    await this.palette.getByRole('textbox').fill(query);
    await this.palette.getByRole('button', { name: option }).first().click();
    await expect(this.palette).toBeHidden();
  }

  async vaultMenu(item: string) {
    await this.page.getByTestId('vault-menu').click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  async closeVault() {
    await this.vaultMenu('Close vault');
  }
}

/** The demo engagement (`attest demo`), as the header names it. */
export const DEMO_ENGAGEMENT = 'Demo — Northwind Analytics SOC 2 Type II';

/** Builds and opens the demo engagement; resolves once its workbench shows. */
export async function openDemo(page: Page, attest: AttestServer): Promise<Workbench> {
  await openDemoVault(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen(DEMO_ENGAGEMENT);
  return bench;
}
