import { type Locator, type Page, expect } from '@playwright/test';
import type { AttestServer } from '../fixtures';
import { linkTo } from '../../app/routes';
import { readAllRows, scrollToRow } from './virtual-table';

/** The Evidence tab of Documentation: drop zone, table, item drawer. */
export class EvidencePage {
  readonly table: Locator;
  /** The table's scrolling box: only the rows in view are drawn. */
  readonly viewport: Locator;
  readonly drawer: Locator;
  readonly dropInput: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('evidence-table');
    this.viewport = page.getByTestId('evidence-table-viewport');
    this.drawer = page.getByTestId('evidence-drawer').getByRole('dialog');
    this.dropInput = page.getByLabel('Evidence files');
  }

  async open(attest: AttestServer) {
    await this.page.goto(`${attest.origin}/#${linkTo('documentationEvidence')}`);
    await expect(this.page.getByRole('tab', { name: 'Evidence' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  /** Files given to the drop zone's input, as a drop gives them. */
  async drop(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.dropInput.setInputFiles(files);
  }

  row(text: string | RegExp): Locator {
    return this.table.getByTestId('evidence-row').filter({ hasText: text });
  }

  /** An item's row, scrolled to (the table draws only the rows in view). */
  async findRow(text: string | RegExp): Promise<Locator> {
    return scrollToRow(this.viewport, this.row(text));
  }

  /** The reference of every item the table lists, in its order (scrolled through). */
  async refs(): Promise<string[]> {
    await expect(this.table).not.toHaveAttribute('aria-busy', 'true');
    return (await readAllRows(this.viewport, 'data-ref')).values;
  }

  async openRow(text: string | RegExp) {
    await (await this.findRow(text)).click();
    await expect(this.drawer.getByTestId('evidence-panel')).toBeVisible();
  }

  /** Picks an option of a searchable select or multi-select by typing part of it. */
  async choose(field: Locator, typed: string, option: string | RegExp) {
    await field.click();
    await field.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }
}
