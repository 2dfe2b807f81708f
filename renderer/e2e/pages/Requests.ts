import { type Locator, type Page, expect } from '@playwright/test';
import { goHash } from './hash';

/** The auditor's requests on the Documentation step: the import wizard, the table, the drawer. */
export class Requests {
  readonly wizard: Locator;
  readonly table: Locator;
  /** The box the table scrolls in: only the rows in view are drawn. */
  readonly viewport: Locator;
  readonly rows: Locator;
  readonly drawer: Locator;
  readonly filters: Locator;
  /** Under the table: how many are loaded, and "Load more". */
  readonly footer: Locator;

  constructor(readonly page: Page) {
    this.wizard = page.getByRole('dialog', { name: 'Import the auditor’s request list' });
    this.table = page.getByTestId('requests-table');
    this.viewport = page.getByTestId('requests-table-viewport');
    this.rows = this.table.locator('tbody tr[data-ref]');
    this.drawer = page.getByTestId('request-drawer').getByRole('dialog');
    this.filters = page.getByTestId('request-filters');
    this.footer = page.getByTestId('requests-footer');
  }

  async open() {
    // A vault that has just opened starts on its Dashboard: go on from there, not before.
    await expect(this.page.getByTestId('engagement-name')).toBeVisible();
    await goHash(this.page, '/documentation');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Documentation' })).toBeVisible();
    await expect(this.page.getByRole('tab', { name: 'Auditor requests (PBC)' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  async startImport() {
    await this.page.getByRole('button', { name: 'Import request list' }).click();
    await expect(this.wizard).toBeVisible();
    // Scanned or photographed only once it has faded in.
    await expect(this.wizard).toHaveCSS('opacity', '1');
  }

  /** Step 1 in a browser: the drop zone's own file input, as a picked or dropped file. */
  async chooseFile(path: string) {
    await this.wizard.locator('input[type="file"]').setInputFiles(path);
  }

  mappingRow(header: string): Locator {
    return this.wizard.getByTestId('mapping-table').locator(`tr[data-header="${header}"]`);
  }

  /** The field a header of the file is imported as. */
  fieldFor(header: string): Locator {
    return this.wizard.getByRole('combobox', { name: `Imported as, for the column “${header}”` });
  }

  async mapColumn(header: string, field: string) {
    const select = this.fieldFor(header);
    await select.click();
    await this.page.getByRole('option', { name: field, exact: true }).click();
    await expect(select).toHaveValue(field);
  }

  async toPreview() {
    await this.wizard.getByRole('button', { name: 'Preview the import' }).click();
    await expect(this.wizard.getByTestId('import-counts')).toBeVisible();
  }

  count(kind: 'new' | 'updated' | 'unchanged' | 'skipped'): Locator {
    return this.wizard.getByTestId(`count-${kind}`);
  }

  problem(row: number, severity: 'error' | 'warning'): Locator {
    return this.wizard
      .getByTestId('row-problems')
      .locator(`li[data-row="${row}"][data-severity="${severity}"]`);
  }

  async runImport() {
    await this.wizard.getByTestId('run-import').click();
    await expect(this.wizard.getByTestId('import-summary')).toBeVisible();
  }

  async finishImport() {
    await this.wizard.getByRole('button', { name: 'Show the requests' }).click();
    await expect(this.wizard).toBeHidden();
  }

  row(ref: string): Locator {
    return this.table.locator(`tr[data-ref="${ref}"]`);
  }

  /**
   * Scrolls the table down until a row is drawn (only the rows in view are: a row further down
   * is not in the page until scrolled to), loading pages on the way. `eachStep` runs after every
   * scroll, for a check that must hold all along.
   */
  async scrollToRow(ref: string, eachStep?: () => Promise<void>) {
    const drawn = this.row(ref);
    for (let step = 0; step < 500; step++) {
      if ((await drawn.count()) > 0) return;
      // To the end of what is drawn: the table asks for the next page as that end comes near.
      const before = await this.viewport.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        return { top: el.scrollTop, height: el.scrollHeight };
      });
      await eachStep?.();
      // Drawn, or more rows laid out below: scroll on.
      await expect
        .poll(
          () =>
            this.viewport.evaluate(
              (el, { ref, height }) =>
                el.querySelector(`tr[data-ref="${ref}"]`) !== null || el.scrollHeight > height,
              { ref, height: before.height },
            ),
          { intervals: [50] },
        )
        .toBe(true);
    }
    throw new Error(`${ref} was never drawn however far the table was scrolled`);
  }

  async expectDrawerFor(ref: string) {
    await expect(this.drawer).toBeVisible();
    await expect(this.drawer).toHaveCSS('opacity', '1');
    await expect(this.drawer.getByRole('heading').first()).toContainText(ref);
  }

  field(label: string): Locator {
    return this.drawer.getByRole('textbox', { name: label, exact: true });
  }

  /** People are offered as "Name · Role": the option is found by the name it starts with. */
  async choosePerson(label: 'Owner' | 'Internal reviewer', name: string) {
    await this.drawer.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: personOption(name) }).click();
  }

  statusStep(label: string): Locator {
    return this.drawer
      .getByTestId('request-status')
      .getByRole('button', { name: label, exact: true });
  }

  async expectStatus(ref: string, label: string) {
    await expect(this.row(ref).locator('td').nth(7)).toHaveText(label);
  }
}

/** The person picker's option for `name`: "Lena Fischer", "Lena Fischer · Role" or "… (archived)". */
export function personOption(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( · | \\(|$)`);
}
