import { type Locator, type Page, expect } from '@playwright/test';

/** The "Import auditor's response" dialog on the Documentation step's requests. */
export class AuditorResponseDialog {
  readonly dialog: Locator;
  readonly confirmation: Locator;
  readonly fingerprint: Locator;
  readonly result: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import the auditor’s response' });
    this.confirmation = this.dialog.getByTestId('response-confirmation');
    this.fingerprint = this.dialog.getByTestId('response-fingerprint');
    this.result = this.dialog.getByTestId('response-result');
    this.problem = this.dialog.getByTestId('response-problem');
  }

  async open() {
    // Beside the request list's import, in its split button.
    await this.page.getByRole('button', { name: 'More to import' }).click();
    await this.page.getByRole('menuitem', { name: 'Import auditor’s response…' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog).toHaveCSS('opacity', '1');
  }

  /** From the command palette, as a keyboard user would. */
  async openFromPalette(bench: { runFromPalette(query: string, option: string): Promise<void> }) {
    await bench.runFromPalette('auditor response', 'Import auditor’s response');
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog).toHaveCSS('opacity', '1');
  }

  /** In a browser: the drop zone's own file input, as a picked or dropped file. */
  async chooseFile(path: string) {
    await this.dialog.locator('input[type="file"]').setInputFiles(path);
  }

  count(kind: 'status' | 'comment' | 'request' | 'sample'): Locator {
    return this.dialog.getByTestId(`response-count-${kind}`);
  }

  async confirmImport() {
    await this.dialog.getByTestId('confirm-response-import').click();
    await expect(this.result).toBeVisible();
  }

  async anotherResponse() {
    await this.dialog.getByRole('button', { name: 'Import another response' }).click();
    await expect(this.dialog.getByTestId('response-dropzone')).toBeVisible();
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Show the requests' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
