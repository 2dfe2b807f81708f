import { type Locator, type Page, expect } from '@playwright/test';
import { goHash } from './hash';
import { readAllRows, scrollToRow } from './virtual-table';

/** The confirmed scope: matrix, controls table, narrative, drawers. */
export class ScopeView {
  readonly matrix: Locator;
  readonly controlsTable: Locator;
  /** The controls table's scrolling box: only the rows in view are drawn. */
  readonly controlsViewport: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.matrix = page.getByTestId('criteria-matrix');
    this.controlsTable = page.getByTestId('controls-table');
    this.controlsViewport = page.getByTestId('controls-table-viewport');
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

  /** A control's row, scrolled to (the table draws only the rows in view). */
  async findControlRow(ref: string): Promise<Locator> {
    return scrollToRow(this.controlsViewport, this.controlsTable.locator(`tr[data-ref="${ref}"]`));
  }

  /** The reference of every control the table lists, in its order (scrolled through). */
  async controlRefs(): Promise<{ refs: string[]; mostDrawn: number }> {
    // The table's first page may still be on its way (a run once read an empty table just
    // after switching to this tab): read once rows are drawn and none is a previous answer.
    await expect(this.controlsViewport.locator('tbody tr[data-row]').first()).toBeVisible();
    await expect(this.controlsViewport.locator('[aria-busy="true"]')).toHaveCount(0);
    const { values, mostDrawn } = await readAllRows(this.controlsViewport, 'data-ref');
    return { refs: values, mostDrawn };
  }

  /** Opens a control from the controls table by its reference. */
  async openControl(ref: string) {
    await this.tab('Controls');
    await (await this.findControlRow(ref)).click();
    await expect(this.drawer).toBeVisible();
    await expect(this.drawer).toContainText(ref);
  }

  drawerField(label: string | RegExp): Locator {
    return this.drawer.getByLabel(label);
  }
}
