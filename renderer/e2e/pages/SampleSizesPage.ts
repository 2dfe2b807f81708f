import { type Locator, type Page, expect } from '@playwright/test';
import { linkTo } from '../../app/routes';
import type { AttestServer } from '../fixtures';

/** The "Sample sizes" view of the Testing tab: the table in force, its import and reset. */
export class SampleSizesPage {
  readonly view: Locator;
  readonly name: Locator;
  readonly byFrequency: Locator;
  readonly preview: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('sample-sizes');
    this.name = page.getByTestId('size-table-name');
    this.byFrequency = page.getByTestId('size-by-frequency');
    this.preview = page.getByTestId('size-table-preview');
    this.error = page.getByTestId('size-table-error');
  }

  /** Opens it as the user does: the Testing tab, then the "Sample sizes" segment. */
  async open(attest: AttestServer) {
    await this.page.goto(`${attest.origin}/#${linkTo('documentationTesting')}`);
    await this.segment('Sample sizes').click();
    await expect(this.view).toBeVisible();
  }

  /** A segment of the Testing tab's switch between the controls and the sample sizes. */
  segment(name: 'Controls' | 'Sample sizes'): Locator {
    return this.page
      .getByRole('radiogroup', { name: 'Testing view' })
      .getByText(name, { exact: true });
  }

  sizeOf(frequency: string): Locator {
    return this.byFrequency.locator(`tr[data-frequency="${frequency}"]`).getByTestId('size');
  }

  /** Chooses a JSON file through the picker; a valid table opens its preview. */
  async choose(name: string, json: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.view.getByRole('button', { name: 'Use the auditor’s table…' }).click();
    await (
      await chooser
    ).setFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
  }

  async apply() {
    await this.preview.getByRole('button', { name: 'Use this table' }).click();
    await expect(this.preview).toBeHidden();
  }

  async backToDefaults() {
    await this.view.getByRole('button', { name: 'Back to the defaults' }).click();
    await this.page
      .getByRole('dialog', { name: 'Go back to the default sample sizes?' })
      .getByRole('button', { name: 'Back to the defaults' })
      .click();
  }
}
