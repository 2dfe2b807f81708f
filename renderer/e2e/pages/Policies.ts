import { type Locator, type Page, expect } from '@playwright/test';
import { goHash } from './hash';
import { personOption } from './Requests';
import { readAllRows, scrollToRow } from './virtual-table';

/** The policy library: Documentation › Policies, its create dialog and a policy's drawer. */
export class Policies {
  readonly table: Locator;
  /** The table's scrolling box: only the rows in view are drawn. */
  readonly viewport: Locator;
  readonly dialog: Locator;
  readonly drawer: Locator;
  readonly editor: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('policies-table');
    this.viewport = page.getByTestId('policies-table-viewport');
    this.dialog = page.getByRole('dialog', { name: 'New policy' });
    this.drawer = page.getByTestId('policy-drawer').getByRole('dialog');
    this.editor = this.drawer.getByTestId('policy-editor');
    this.preview = this.drawer.getByTestId('policy-preview');
  }

  async open() {
    await goHash(this.page, '/documentation?tab=policies');
    await expect(this.table).toBeVisible();
  }

  row(title: string): Locator {
    return this.page.getByTestId('policy-row').filter({ hasText: title });
  }

  /** A policy's row, scrolled to (the table draws only the rows in view). */
  async findRow(title: string): Promise<Locator> {
    return scrollToRow(this.viewport, this.row(title));
  }

  /** The title of every policy the table lists, in its order (scrolled through). */
  async titles(): Promise<string[]> {
    await expect(this.table.locator('tbody tr[data-row]').first()).toBeVisible();
    return (await readAllRows(this.viewport, 'data-title')).values;
  }

  async choosePerson(scope: Locator, label: string, name: string) {
    await scope.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: personOption(name) }).click();
  }

  /** New policy › From a template: finds it by name, picks the owner, creates, opens it. */
  async createFromTemplate(title: string, owner: string) {
    await this.page.getByRole('button', { name: 'New policy' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('textbox', { name: 'Search templates' }).fill(title.split(' ')[0]!);
    await this.dialog.getByRole('option', { name: title }).click();
    await expect(this.dialog.getByTestId('template-details')).toContainText('What it promises');
    await this.choosePerson(this.dialog, 'Owner', owner);
    await this.dialog.getByRole('button', { name: 'Create from template' }).click();
    const problems = this.page.getByTestId('template-problems');
    await expect(this.drawer.or(problems)).toBeVisible();
    if (await problems.isVisible())
      await problems.getByRole('button', { name: 'Open the policy' }).click();
    await expect(this.drawer).toBeVisible();
  }

  /** Types into the draft and waits for the save. */
  async typeInDraft(text: string) {
    const saved = this.page.waitForResponse((r) => r.url().includes('/rpc/policies.updateDraft'));
    await this.editor.fill(text);
    await saved;
  }

  tab(name: string | RegExp) {
    return this.drawer.getByRole('tab', { name });
  }
}
