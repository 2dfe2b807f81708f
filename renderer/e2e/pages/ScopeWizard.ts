import { type Locator, type Page, expect } from '@playwright/test';
import { goHash } from './hash';

export const WIZARD_STEP_LABELS = [
  'Engagement',
  'Report type',
  'Categories',
  'System description',
  'Incidents and changes',
  'Review and confirm',
  'Subservice organisations',
  'Customer controls',
  'Criteria not relevant',
] as const;

/** The scoping wizard on the Scope page. */
export class ScopeWizard {
  readonly stepper: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly saveState: Locator;

  constructor(readonly page: Page) {
    this.stepper = page.getByLabel('Scoping steps');
    this.next = page.getByRole('button', { name: /^Next: / });
    this.back = page.getByRole('button', { name: 'Back', exact: true });
    this.saveState = page.getByTestId('wizard-save-state');
  }

  /** Opens the wizard directly at a step (1-based), as the "Edit scope" link does. */
  async open(step?: number) {
    await goHash(this.page, `/scope?edit=1${step ? `&step=${step}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Scope' })).toBeVisible();
  }

  async expectStep(n: number) {
    await expect(this.page.getByTestId('wizard-question')).toHaveText(`Question ${n} of 9`);
  }

  field(label: string | RegExp): Locator {
    return this.page.getByRole('main').getByLabel(label);
  }

  async expectSaved() {
    await expect(this.saveState).toHaveText('All changes saved');
  }

  /** The questions the step list ticks as answered, by label. */
  async answered(): Promise<string[]> {
    return this.stepper
      .locator('[data-answered="true"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-step-id') ?? ''));
  }

  async goNext(toStep: number) {
    await this.next.click();
    await this.expectStep(toStep);
  }

  /** The error Mantine links to a field with aria-describedby. */
  async expectFieldError(field: Locator, message: string | RegExp) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(
      message instanceof RegExp ? message : new RegExp(escape(message)),
    );
  }

  /** Picks options of a Mantine (multi-)select: types each text, clicks the option it names. */
  async choose(field: Locator, ...typed: string[]) {
    for (const text of typed) {
      await field.click();
      await field.fill(text);
      await this.page
        .getByRole('option', { name: new RegExp(`^${escape(text)}`) })
        .first()
        .click();
    }
    // A multi-select stays open after a pick; close it (a closed one would pass Esc to the drawer).
    if (await this.page.locator('[role="listbox"]:visible').count()) {
      await this.page.keyboard.press('Escape');
    }
  }
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
