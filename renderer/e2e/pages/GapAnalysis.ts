import { type Locator, type Page, expect } from '@playwright/test';
import { readAllRows, scrollToRow } from './virtual-table';

/** Gap analysis: focused mode, the controls table, coverage and gaps, and the risk register. */
export class GapAnalysis {
  readonly progress: Locator;
  readonly controlRef: Locator;
  readonly position: Locator;
  /** The controls table, and the rows of it that are drawn (only those in view are). */
  readonly table: Locator;
  readonly tableRows: Locator;
  readonly heatMap: Locator;
  readonly gapsList: Locator;
  readonly riskTable: Locator;
  readonly riskDrawer: Locator;
  readonly controlDrawer: Locator;
  readonly criterionDrawer: Locator;

  constructor(readonly page: Page) {
    this.progress = page.getByTestId('assessment-progress');
    this.controlRef = page.getByTestId('control-ref');
    this.position = page.getByTestId('control-position');
    this.table = page.getByTestId('controls-table');
    this.tableRows = this.table.locator('tbody tr[data-row]');
    this.heatMap = page.getByTestId('coverage-heat-map');
    this.gapsList = page.getByTestId('gaps-list');
    this.riskTable = page.getByTestId('risk-table');
    this.riskDrawer = page.getByRole('dialog', { name: /risk/i });
    this.controlDrawer = page.getByTestId('control-drawer').getByRole('dialog');
    this.criterionDrawer = page.getByTestId('criterion-drawer').getByRole('dialog');
  }

  /** Opens a view by its tab, as a user would. */
  async tab(name: 'Assess' | 'All controls' | 'Coverage and gaps' | 'Risks') {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  async expectProgress(assessed: number, total: number) {
    await expect(this.progress).toHaveText(`${assessed} of ${total} assessed`);
  }

  statusButton(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: label, exact: true });
  }

  /** Keys go to the page, not to a field: click somewhere neutral first. */
  async press(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  get naReason(): Locator {
    return this.page.getByRole('textbox', { name: 'Why it does not apply' });
  }

  row(ref: string): Locator {
    return this.page.locator(`[data-control-ref="${ref}"]`);
  }

  /** A control's row in the table, scrolled to. */
  async findRow(ref: string): Promise<Locator> {
    return scrollToRow(this.page.getByTestId('controls-table-viewport'), this.row(ref));
  }

  /** How many controls the table lists (drawn or not), once it says so. */
  async expectListed(count: number) {
    await expect(this.table).toHaveAttribute('aria-rowcount', String(count + 1));
  }

  /** The reference of every control the table lists, in its order (scrolled through). */
  async tableRefs(): Promise<string[]> {
    const viewport = this.page.getByTestId('controls-table-viewport');
    return (await readAllRows(viewport, 'data-control-ref')).values;
  }

  filter(label: 'Status' | 'Domain' | 'Owner'): Locator {
    return this.page.getByTestId('control-filters').getByLabel(label, { exact: true });
  }

  async chooseFilter(label: 'Status' | 'Domain' | 'Owner', option: string) {
    await this.filter(label).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.expectSettled();
  }

  /** The table shows the rows of its current filter (not the previous filter's, dimmed). */
  async expectSettled() {
    await expect(this.table).not.toHaveAttribute('aria-busy', 'true');
  }

  cell(criterionId: string): Locator {
    return this.heatMap.locator(`[data-criterion="${criterionId}"]`);
  }

  matrixCell(kind: 'inherent' | 'residual', likelihood: number, impact: number): Locator {
    return this.page
      .getByTestId(`risk-matrix-${kind}`)
      .locator(`[data-cell="${likelihood}x${impact}"]`);
  }

  async matrixCount(kind: 'inherent' | 'residual', likelihood: number, impact: number) {
    return Number(await this.matrixCell(kind, likelihood, impact).getAttribute('data-count'));
  }

  riskRow(title: string): Locator {
    return this.riskTable.locator('tbody tr').filter({ hasText: title });
  }

  async chooseInDrawer(drawer: Locator, label: string, option: string) {
    await drawer.getByLabel(label, { exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
