import { type Locator, type Page, expect } from '@playwright/test';

/** The People screen (from the vault menu or the palette). */
export class PeoplePage {
  readonly table: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('people-table');
    this.drawer = page.getByRole('dialog');
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByTestId('person-row').filter({ hasText: name });
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
