import { type Locator, type Page, expect } from '@playwright/test';
import { readAllRows, scrollToRow } from './virtual-table';

/** Remediation: proposals, the board, the table, the task drawer and the export. */
export class Remediation {
  readonly proposals: Locator;
  readonly board: Locator;
  readonly table: Locator;
  /** The table's scrolling box: only the rows in view are drawn. */
  readonly viewport: Locator;
  readonly drawer: Locator;
  /** "Accept all N" or "Accept selected (N)", and the confirmation it opens. */
  readonly acceptButton: Locator;
  readonly acceptDialog: Locator;

  constructor(readonly page: Page) {
    this.proposals = page.getByTestId('proposals');
    this.board = page.getByTestId('task-board');
    this.table = page.getByTestId('task-table');
    this.viewport = page.getByTestId('task-table-viewport');
    this.drawer = page.getByTestId('task-drawer').getByRole('dialog');
    this.acceptButton = page.getByTestId('accept-proposals');
    this.acceptDialog = page.getByRole('dialog', { name: /^Add \d+ tasks? to the plan\?$/ });
  }

  /** Unfolds the proposed tasks (folded under the plan when there are many). */
  async openProposals() {
    const toggle = this.proposals.getByRole('button', { name: /proposed tasks? from gaps/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Ticks a proposal for "Accept selected". */
  async select(title: string) {
    await this.proposals.getByRole('checkbox', { name: `Select ${title}` }).check();
  }

  async show(view: 'Board' | 'Table') {
    await this.page
      .getByRole('radiogroup', { name: 'View' })
      .locator('label')
      .filter({ hasText: view })
      .click();
  }

  column(status: 'todo' | 'in_progress' | 'blocked' | 'done'): Locator {
    return this.board.locator(`[data-column="${status}"]`);
  }

  card(ref: string): Locator {
    return this.board.locator(`[data-task-ref="${ref}"]`);
  }

  row(ref: string): Locator {
    return this.table.locator(`tr[data-task-ref="${ref}"]`);
  }

  /** A task's row in the table, scrolled to (the table draws only the rows in view). */
  async findRow(ref: string): Promise<Locator> {
    return scrollToRow(this.viewport, this.row(ref));
  }

  /** The reference of every task the table lists, in its order (scrolled through). */
  async tableRefs(): Promise<string[]> {
    await expect(this.table).not.toHaveAttribute('aria-busy', 'true');
    return (await readAllRows(this.viewport, 'data-task-ref')).values;
  }

  proposal(ref: string): Locator {
    return this.proposals.locator(`[data-proposal="${ref}"]`);
  }

  async expectInColumn(ref: string, status: 'todo' | 'in_progress' | 'blocked' | 'done') {
    await expect(this.column(status).locator(`[data-task-ref="${ref}"]`)).toBeVisible();
  }
}
