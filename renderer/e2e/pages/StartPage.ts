import { type Locator, type Page, expect } from '@playwright/test';
import { NewVaultDialog } from './NewVaultDialog';

/** The start screen: no vault open. */
export class StartPage {
  readonly heading: Locator;
  readonly newVault: Locator;
  readonly openVault: Locator;
  readonly recentRows: Locator;
  readonly recentEmpty: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Attest' });
    this.newVault = page.getByTestId('start-new-vault');
    this.openVault = page.getByTestId('start-open-vault');
    this.recentRows = page.getByTestId('recent-vault');
    this.recentEmpty = page.getByTestId('recent-empty');
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
    await expect(this.newVault).toBeVisible();
  }

  async startNewVault(): Promise<NewVaultDialog> {
    await this.newVault.click();
    const dialog = new NewVaultDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  recent(name: string): Locator {
    return this.recentRows.filter({ hasText: name });
  }

  async openRecent(name: string) {
    await this.recent(name)
      .getByRole('button', { name: new RegExp(`^Open ${name}`) })
      .click();
  }

  async removeRecent(name: string) {
    await this.recent(name)
      .getByRole('button', { name: `More for ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Remove from list' }).click();
  }

  /** Browser mode: the list of vault files in ATTEST_HOME. */
  async openFromFolder(fileName: string) {
    await this.openVault.click();
    const dialog = this.page.getByRole('dialog', { name: 'Open vault' });
    await expect(dialog).toBeVisible();
    // A row of the vault files table opens its file (click, or Enter on the row).
    await dialog.getByRole('row', { name: fileName, exact: true }).click();
  }
}
