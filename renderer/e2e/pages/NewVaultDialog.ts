import { type Locator, type Page, expect } from '@playwright/test';
import { fillDate } from './dates';

export interface NewVaultFields {
  name?: string;
  client?: string;
  reportType?: 'Type I' | 'Type II';
  asOf?: string;
  periodStart?: string;
  periodEnd?: string;
  categories?: string[];
  fileName?: string;
}

/** The "New vault" dialog. */
export class NewVaultDialog {
  readonly root: Locator;
  /** The non-blocking warning about an unusual Type II period length. */
  readonly periodWarning: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'New vault' });
    this.periodWarning = this.root.getByTestId('period-warning');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label);
  }

  async fill(fields: NewVaultFields) {
    if (fields.name !== undefined) await this.field('Engagement name').fill(fields.name);
    if (fields.client !== undefined) await this.field('Client').fill(fields.client);
    if (fields.reportType) await this.root.getByText(fields.reportType, { exact: true }).click();
    if (fields.asOf !== undefined) await fillDate(this.field('As of'), fields.asOf);
    if (fields.periodStart !== undefined)
      await fillDate(this.field('Period starts'), fields.periodStart);
    if (fields.periodEnd !== undefined) await fillDate(this.field('Period ends'), fields.periodEnd);
    for (const c of fields.categories ?? []) await this.root.getByLabel(c).check();
    if (fields.fileName !== undefined) await this.field('File name').fill(fields.fileName);
  }

  async submit() {
    await this.root.getByRole('button', { name: 'Create vault' }).click();
  }

  /** The error shown under a field (Mantine links it with aria-describedby). */
  async expectFieldError(label: string, message: string) {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true');
    const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(this.field(label)).toHaveAccessibleDescription(new RegExp(escaped));
  }
}
