import { createVaultByApi, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { rpc } from './pages/rpc';
import { PeoplePage } from './pages/PeoplePage';
import { Workbench, openDemo } from './pages/Workbench';

test('add a person and make them the current user; the header names them', async ({
  page,
  attest,
}) => {
  await createVaultByApi(page, attest);
  const bench = new Workbench(page);
  await bench.expectOpen('Acme SOC 2 2026');
  await expect(page.getByTestId('current-user')).toContainText('Who are you?');
  await bench.vaultMenu('People');
  const people = new PeoplePage(page);
  await people.expectShown();
  await expect(page.getByTestId('empty-state')).toContainText('No one here yet');
  await expectNoSeriousA11yViolations(page, 'people (empty)');

  await people.add({ name: 'Ana Lima', email: 'ana@acme.test', role: 'CTO', team: 'Engineering' });
  await expect(people.row('Ana Lima')).toBeVisible();
  await expect(people.drawer).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'person drawer');
  await people.drawer.getByRole('button', { name: 'This is me' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Ana Lima');
  await expect(people.drawer.getByText('This is you')).toBeVisible();
  const list = await rpc<{ currentPersonId: string; items: { id: string; name: string }[] }>(
    page,
    attest,
    'people.list',
  );
  expect(list.items.find((p) => p.id === list.currentPersonId)?.name).toBe('Ana Lima');

  // Edits are saved as they are typed.
  await people.drawer.getByLabel('Team').fill('Platform');
  await expect
    .poll(
      async () =>
        (await rpc<{ items: { team: string }[] }>(page, attest, 'people.list')).items[0]?.team,
    )
    .toBe('Platform');
  // The drawer's History: the change just made, newest first, then the person's creation; the
  // link opens the History page filtered to this person.
  const history = people.drawer.getByTestId('record-history-entry');
  await expect(history.first()).toContainText('Changed');
  // The team before the edit, from the person's creation, then the team now.
  await expect(history.first().getByTestId('history-changes')).toHaveText(
    'team: Engineering → Platform',
  );
  await expect(history.last()).toContainText('Created');
  await people.drawer.getByRole('link', { name: /in History/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'One record only' })).toBeVisible();
  await expect(page.getByTestId('history-row').first()).toContainText('Ana Lima');
  await expect(page.getByTestId('history-row').first()).toContainText(
    'team: Engineering → Platform',
  );
  await page.goBack();
  await expect(people.drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(people.drawer).toBeHidden();
  await expect(people.row('Ana Lima')).toContainText('You');
  await expectNoSeriousA11yViolations(page, 'people');
});

test('People from the palette; a bad email is refused under its field', async ({
  page,
  attest,
}) => {
  const bench = await openDemo(page, attest);
  await bench.runFromPalette('people', /^People/);
  const people = new PeoplePage(page);
  await people.expectShown();
  const before = (await rpc<{ items: unknown[] }>(page, attest, 'people.list')).items.length;

  await people.add({ name: 'Jo Park', email: 'not-an-email' });
  const form = page.getByTestId('new-person-form');
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription(/Use an email address/);
  expect((await rpc<{ items: unknown[] }>(page, attest, 'people.list')).items.length).toBe(before);
  // Someone's email again is the same person twice: refused under the field, naming them.
  await form.getByLabel('Email').fill('Grace@northwind-demo.test');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription(
    /Grace Liu already has this email/,
  );
  expect((await rpc<{ items: unknown[] }>(page, attest, 'people.list')).items.length).toBe(before);
  await form.getByLabel('Email').fill('jo@northwind-demo.test');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(await people.findRow('Jo Park')).toBeVisible();
  // Listed with everyone else, drawn or not: read by scrolling the table through.
  expect(await people.names()).toContain('Jo Park');

  // The same name is allowed (two people can share one) but the form says who has it.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const again = page.getByTestId('new-person-form');
  await again.getByLabel('Name').fill('maya  okafor');
  await expect(again.getByTestId('namesake-warning')).toContainText(
    'Maya Okafor (maya@northwind-demo.test · CEO · Leadership) is already in the list',
  );
  await expectNoSeriousA11yViolations(page, 'the new-person form naming a namesake');
  await again.getByLabel('Name').fill('Maya Okafor-Reyes');
  await expect(again.getByTestId('namesake-warning')).toHaveCount(0);
  await again.getByRole('button', { name: 'Cancel' }).click();

  // A person named in the palette opens in the drawer.
  await page.keyboard.press('Escape');
  await bench.runFromPalette('Grace', /^Grace Liu/);
  await expect(people.drawer).toContainText('Grace Liu');
});

test('sorting a People column reorders the rows in Attest’s order', async ({ page, attest }) => {
  const bench = await openDemo(page, attest);
  await bench.vaultMenu('People');
  const people = new PeoplePage(page);
  await people.expectShown();
  const rows = page.getByTestId('person-row');
  const order = async (key: string, dir: 'asc' | 'desc') =>
    (
      await rpc<{ items: { name: string }[] }>(page, attest, 'people.list', {
        sort: { key, dir },
        limit: 1000,
      })
    ).items.map((p) => p.name);
  const team = people.table.getByRole('columnheader', { name: 'Team' });
  await team.getByRole('button').click();
  await expect(team).toHaveAttribute('aria-sort', 'ascending');
  const byTeam = await order('team', 'asc');
  await expect(rows.first()).toContainText(byTeam[0]!);
  await expect(rows.last()).toContainText(byTeam.at(-1)!);
  const name = people.table.getByRole('columnheader', { name: 'Name' });
  await name.getByRole('button').click();
  await name.getByRole('button').click();
  await expect(name).toHaveAttribute('aria-sort', 'descending');
  const byName = await order('name', 'desc');
  expect(byName[0]).not.toBe(byTeam[0]);
  await expect(rows.first()).toContainText(byName[0]!);
  // The search is the server's too: only the matching people stay.
  await page.getByLabel('Search people').fill('leadership');
  await expect(rows.first()).toContainText('Maya Okafor');
});
