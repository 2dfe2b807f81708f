import { type Locator, type Page, expect } from '@playwright/test';
import { linkTo } from '../../app/routes';
import type { AttestServer } from '../fixtures';
import { jobResult, rpc, upload } from './rpc';

/** The Testing tab of Documentation: the controls to self-test and one control's workbench. */
export class TestingPage {
  readonly label: Locator;
  readonly table: Locator;
  readonly workbench: Locator;
  readonly plan: Locator;
  readonly grid: Locator;
  readonly deviations: Locator;

  constructor(readonly page: Page) {
    this.label = page.getByTestId('self-test-label');
    this.table = page.getByTestId('testing-table');
    this.workbench = page.getByTestId('test-workbench');
    this.plan = page.getByTestId('sample-plan');
    this.grid = page.getByTestId('grid');
    this.deviations = page.getByTestId('deviations-panel');
  }

  async open(attest: AttestServer) {
    await this.page.goto(`${attest.origin}/#${linkTo('documentationTesting')}`);
    await expect(this.page.getByRole('tab', { name: 'Testing' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  async openControl(attest: AttestServer, controlId: string) {
    await this.page.goto(`${attest.origin}/#${linkTo('controlTesting', controlId)}`);
    await expect(this.workbench).toBeVisible();
  }

  /** Narrows the table to one control (only the rows in view are drawn). */
  async search(ref: string) {
    await this.page.getByLabel('Search controls').fill(ref);
  }

  row(ref: string): Locator {
    return this.table.locator(`tr[data-ref="${ref}"]`);
  }

  async draw() {
    await this.plan.getByRole('button', { name: /Draw sample|Re-test/ }).click();
    await expect(this.grid).toBeVisible({ timeout: 30_000 });
  }

  cells(): Locator {
    return this.grid.getByTestId('grid-cell');
  }

  /**
   * Answers the whole grid from the keyboard alone, row by row: the first cell is clicked, then
   * every move is an arrow key and every answer a letter (`keyFor(row, col)`).
   */
  async fillByKeyboard(
    rows: number,
    cols: number,
    keyFor: (row: number, col: number) => 'p' | 'f' | 'n',
  ) {
    await this.cells().first().click();
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const forward = row % 2 === 0;
        const c = forward ? col : cols - 1 - col;
        await this.page.keyboard.press(keyFor(row, c));
        if (col < cols - 1) await this.page.keyboard.press(forward ? 'ArrowRight' : 'ArrowLeft');
      }
      if (row < rows - 1) await this.page.keyboard.press('j');
    }
  }

  deviation(): Locator {
    return this.deviations.getByTestId('deviation');
  }
}

/**
 * A CSV stored as evidence of a control and recorded as its population, through the contract
 * (fast set-up for specs that are not about recording one): the population's evidence id.
 */
export async function recordPopulation(
  page: Page,
  attest: AttestServer,
  controlId: string,
  fileName: string,
  csv: string,
  dateColumn: string,
): Promise<string> {
  const uploadId = await upload(page, attest, fileName, csv);
  const add = await rpc<{ jobId: string }>(page, attest, 'evidence.add', {
    sources: [{ uploadId, fileName }],
    controlIds: [controlId],
  });
  const added = await jobResult<{ added: { evidenceId: string }[] }>(page, attest, add.jobId);
  const id = added.added[0]!.evidenceId;
  const recorded = await rpc<{ jobId: string }>(page, attest, 'evidence.recordPopulation', {
    id,
    sourceSystem: 'Okta',
    dateColumn,
  });
  await jobResult(page, attest, recorded.jobId);
  return id;
}
