import { type Locator, type Page, expect } from '@playwright/test';
import { goHash } from './hash';

/** The confirmed scope: matrix, controls table, narrative, drawers. */
export class ScopeView {
  readonly matrix: Locator;
  readonly controlsTable: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.matrix = page.getByTestId('criteria-matrix');
    this.controlsTable = page.getByTestId('controls-table');
    this.drawer = page.getByRole('dialog');
  }

  async open() {
    await goHash(this.page, '/scope');
    await expect(this.page.getByRole('link', { name: 'Edit scope' })).toBeVisible();
  }

  async tab(name: 'Criteria × controls' | 'Controls' | 'System description') {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  matrixRow(criterionId: string): Locator {
    return this.matrix.locator(`[data-criterion="${criterionId}"]`);
  }

  controlRow(ref: string): Locator {
    return this.controlsTable.getByTestId('control-row').filter({ hasText: ref });
  }

  /** Opens a control from the controls table by its reference. */
  async openControl(ref: string) {
    await this.tab('Controls');
    await this.controlRow(ref).first().click();
    await expect(this.drawer).toBeVisible();
    await expect(this.drawer).toContainText(ref);
  }

  drawerField(label: string | RegExp): Locator {
    return this.drawer.getByLabel(label);
  }
}
