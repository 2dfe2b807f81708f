import { type Locator, type Page, expect } from '@playwright/test';
import { PAGES } from '../../app/routes';

/** The Readiness step: status line, findings, criteria, frozen reviews and their comparison. */
export class Readiness {
  readonly status: Locator;
  readonly findings: Locator;
  readonly findingRows: Locator;
  readonly criteria: Locator;
  readonly snapshots: Locator;
  readonly snapshotRows: Locator;
  readonly comparison: Locator;
  readonly freezeForm: Locator;
  /** "Controls over the period": one row per control, with its window cells. */
  readonly timelines: Locator;
  readonly timelineRows: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('readiness-status');
    this.findings = page.getByTestId('findings-table');
    this.findingRows = this.findings.locator('tbody tr[data-severity]');
    this.criteria = page.getByTestId('criteria-table');
    this.snapshots = page.getByTestId('readiness-snapshots');
    this.snapshotRows = page.getByTestId('snapshots-table').locator('tbody tr[data-ref]');
    this.comparison = page.getByTestId('comparison');
    this.freezeForm = page.getByTestId('freeze-form');
    this.timelines = page.getByTestId('readiness-timelines');
    this.timelineRows = page.getByTestId('timelines-table').locator('tbody tr[data-ref]');
  }

  /** Opens the page by its address, as a link or a reload would. */
  async open(origin: string) {
    await this.page.goto(`${origin}/#${PAGES.readiness}`);
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Readiness' })).toBeVisible();
    await expect(this.status).toBeVisible({ timeout: 15_000 });
  }

  /** A control's row on the timelines card, by its ref. */
  timelineRow(ref: string): Locator {
    return this.page.getByTestId('timelines-table').locator(`tbody tr[data-ref="${ref}"]`);
  }

  async filterSeverity(label: RegExp) {
    await this.page.getByRole('radiogroup', { name: 'Severity' }).getByText(label).click();
  }

  /**
   * Freezes the review, signed off by `signer`, and waits for its row; `open` opens the form
   * another way than the page's button (the command palette).
   */
  async freeze(signer: string, comment: string, open?: () => Promise<void>): Promise<void> {
    const before = await this.snapshotRows.count();
    if (open) await open();
    else await this.page.getByTestId('freeze-button').first().click();
    await expect(this.freezeForm).toBeVisible();
    await this.freezeForm.getByLabel('Signed off by').click();
    await this.page.getByRole('option', { name: new RegExp(`^${signer}`) }).click();
    await this.freezeForm.getByLabel('Comment').fill(comment);
    await this.freezeForm.getByRole('button', { name: 'Freeze' }).click();
    await expect(this.freezeForm).toBeHidden();
    await expect(this.snapshotRows).toHaveCount(before + 1);
  }

  async compare(from: string, to: string) {
    await this.choose(this.page.getByTestId('compare-from'), from);
    await this.choose(this.page.getByTestId('compare-to'), to);
    await this.page.getByTestId('compare-button').click();
    await expect(this.comparison).toBeVisible({ timeout: 15_000 });
  }

  private async choose(select: Locator, option: string) {
    await select.click();
    await this.page.getByRole('option', { name: new RegExp(`^${option}`) }).click();
  }
}
