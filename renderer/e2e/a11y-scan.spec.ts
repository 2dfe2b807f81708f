import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

// The scan every spec relies on runs axe-core directly (fixtures.ts): it must still fail, naming
// the rule and the element, when a screen has a serious problem.
test('the accessibility scan fails on planted violations and names them', async ({ page }) => {
  await expectNoSeriousA11yViolations(page, 'the start screen');
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'planted-nameless';
    const faint = document.createElement('p');
    faint.id = 'planted-faint';
    faint.textContent = 'Barely readable';
    faint.style.cssText = 'color: #ddd; background: #fff';
    document.body.append(button, faint);
  });
  const scan = expectNoSeriousA11yViolations(page, 'a screen with planted violations');
  await expect(scan).rejects.toThrow(/button-name \(critical\)[^]*#planted-nameless/);
  await expect(
    expectNoSeriousA11yViolations(page, 'a screen with planted violations'),
  ).rejects.toThrow(/color-contrast \(serious\)[^]*#planted-faint/);
});
