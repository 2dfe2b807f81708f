import { type Locator, type Page, expect } from '@playwright/test';
import { linkTo } from '../../app/routes';
import type { AttestServer } from '../fixtures';

/** The Testing tab of Documentation: the controls to self-test and one control's workbench. */
export class TestingPage {
  readonly label: Locator;
  readonly table: Locator;
  readonly workbench: Locator;
  readonly plan: Locator;
  readonly grid: Locator;
  readonly deviations: Locator;

  constructor(readonly page: Page) {
    this.label = page.getByTestId('self-test-label');
    this.table = page.getByTestId('testing-table');
    this.workbench = page.getByTestId('test-workbench');
    this.plan = page.getByTestId('sample-plan');
    this.grid = page.getByTestId('grid');
    this.deviations = page.getByTestId('deviations-panel');
  }

  async open(attest: AttestServer) {
    await this.page.goto(`${attest.origin}/#${linkTo('documentationTesting')}`);
    await expect(this.page.getByRole('tab', { name: 'Testing' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  async openControl(attest: AttestServer, controlId: string) {
    await this.page.goto(`${attest.origin}/#${linkTo('controlTesting', controlId)}`);
    await expect(this.workbench).toBeVisible();
  }

  /** Narrows the table to one control (only the rows in view are drawn). */
  async search(ref: string) {
    await this.page.getByLabel('Search controls').fill(ref);
  }

  row(ref: string): Locator {
    return this.table.locator(`tr[data-ref="${ref}"]`);
  }

  async draw() {
    await this.plan.getByRole('button', { name: /Draw sample|Re-test/ }).click();
    await expect(this.grid).toBeVisible({ timeout: 30_000 });
  }

  cells(): Locator {
    return this.grid.getByTestId('grid-cell');
  }

  /** Sets one cell the keyboard way: the cell chosen, then p, f or n. */
  async setCell(index: number, key: 'p' | 'f' | 'n') {
    const cell = this.cells().nth(index);
    await cell.click();
    await expect(cell).toHaveAttribute('data-active', 'true');
    await this.page.keyboard.press(key);
    const result = { p: 'pass', f: 'fail', n: 'na' }[key];
    await expect(cell).toHaveAttribute('data-result', result);
  }

  deviation(): Locator {
    return this.deviations.getByTestId('deviation');
  }
}
