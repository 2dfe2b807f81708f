import { type Locator, type Page, expect } from '@playwright/test';
import { readAllRows, scrollToRow } from './virtual-table';

/** The People screen (from the vault menu or the palette). */
export class PeoplePage {
  readonly table: Locator;
  /** The table's scrolling box: only the rows in view are drawn. */
  readonly viewport: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('people-table');
    this.viewport = page.getByTestId('people-table-viewport');
    this.drawer = page.getByRole('dialog');
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByTestId('person-row').filter({ hasText: name });
  }

  /** A person's row, scrolled to (the table draws only the rows in view). */
  async findRow(name: string): Promise<Locator> {
    return scrollToRow(this.viewport, this.row(name));
  }

  /**
   * The name of everyone the table lists, in its order (scrolled through). A row carries no
   * attribute naming its person: the name is the first cell's text (beside the initials).
   */
  async names(): Promise<string[]> {
    await expect(this.table.locator('tbody tr[data-row]').first()).toBeVisible();
    return (await readAllRows(this.viewport, { text: 'td:first-child p' })).values;
  }

  async add(person: { name: string; email?: string; role?: string; team?: string }) {
    await this.page.getByRole('button', { name: 'Add person' }).first().click();
    const form = this.page.getByTestId('new-person-form');
    await form.getByLabel('Name').fill(person.name);
    if (person.email) await form.getByLabel('Email').fill(person.email);
    if (person.role) await form.getByLabel('Role').fill(person.role);
    if (person.team) await form.getByLabel('Team').fill(person.team);
    await form.getByRole('button', { name: 'Add person' }).click();
  }
}
