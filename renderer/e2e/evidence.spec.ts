import { deflateSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { linkTo } from '../app/routes';
import { type AttestServer, expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { EvidencePage } from './pages/EvidencePage';
import { importRequestList, rpc } from './pages/rpc';
import { fillDate } from './pages/dates';
import { openDemo } from './pages/Workbench';

/*
 * The evidence vault in the UI (D1): files dropped on the Evidence tab become items; one is
 * linked to a control, dated and previewed; a CSV with no rows is recorded as a population and
 * the screen says what an auditor will do with it; a review by the control's own owner is
 * refused and another person's is recorded; the control's occurrence timeline fills in; a link
 * and a note are added beside the files and linked to the control.
 * SCREENSHOTS=1 also photographs the tab and the drawer in both themes.
 */

const SHOTS = '/tmp/attest-shots/evidence';

/** A small PNG (a solid colour): real image bytes, so the preview must load it. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const raw = Buffer.concat(Array(height).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface DemoControl {
  id: string;
  ref: string;
  title: string;
  frequency: string;
  nature: string;
  ownerId: string | null;
  performerId: string | null;
}

/**
 * A quarterly manual control with an owner and no evidence yet (the demo evidences only its
 * implemented controls): its Q1 window is closed and empty at 15 May.
 */
async function quarterlyControl(page: Page, attest: AttestServer) {
  const controls = await rpc<{ items: DemoControl[] }>(page, attest, 'controls.list', {
    limit: 1000,
  });
  const candidates = controls.items.filter(
    (c) => c.frequency === 'quarterly' && c.nature !== 'automated' && c.ownerId !== null,
  );
  let control: DemoControl | undefined;
  for (const c of candidates) {
    const linked = await rpc<{ total: number }>(page, attest, 'evidence.list', {
      controlId: c.id,
    });
    if (linked.total === 0) {
      control = c;
      break;
    }
  }
  if (!control) throw new Error('The demo has no quarterly manual control with an owner');
  const people = await rpc<{ items: { id: string; name: string }[] }>(page, attest, 'people.list');
  const owner = people.items.find((p) => p.id === control.ownerId)!;
  const other = people.items.find((p) => p.id !== control.ownerId && p.id !== control.performerId)!;
  return { control, owner, other };
}

async function shoot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.screenshot({ path: `${SHOTS}/${scheme}-${name}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('drop files, link, preview, population of zero rows, review, occurrences fill in', async ({
  page,
  attest,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openDemo(page, attest);
  const { control, owner, other } = await quarterlyControl(page, attest);

  // The control's Q1 window is closed without evidence before anything is added.
  await page.goto(`${attest.origin}/#${linkTo('scopeControl', control.id)}`);
  const timeline = page.getByTestId('occurrence-timeline');
  await expect(timeline.getByTestId('occurrence-window').first()).toHaveAttribute(
    'data-status',
    'missing',
  );

  const evidence = new EvidencePage(page);
  await evidence.open(attest);
  // The demo's own reviewed items are listed; new files are the ones waiting for review.
  const demoItems = (await rpc<{ total: number }>(page, attest, 'evidence.list')).total;
  expect(demoItems).toBeGreaterThan(0);
  await expect(evidence.table.getByTestId('evidence-row').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'evidence (demo)');

  await evidence.drop([
    { name: 'mfa-settings.png', mimeType: 'image/png', buffer: png(320, 180, [20, 140, 120]) },
    {
      name: 'terminations-h1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('employee,terminated_on\r\n'),
    },
    {
      name: 'access-review-notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Quarterly access review: 42 accounts, 3 removed.\n'),
    },
  ]);
  await evidence.page.getByPlaceholder('Reviewed or not').click();
  await page.getByRole('option', { name: 'Not reviewed' }).click();
  await expect(evidence.table.getByTestId('evidence-row')).toHaveCount(3);
  const listed = await rpc<{ total: number; items: { id: string; title: string }[] }>(
    page,
    attest,
    'evidence.list',
  );
  expect(listed.total).toBe(demoItems + 3);
  await shoot(page, 'tab');

  // The image: previewed through the blob route, dated, linked to the control.
  await evidence.openRow('mfa-settings');
  const drawer = evidence.drawer;
  const image = drawer.getByRole('img', { name: 'Preview of mfa-settings.png' });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBe(320);
  await fillDate(drawer.getByLabel('Date performed'), '2026-02-10');
  await evidence.choose(
    drawer.getByLabel('Controls', { exact: true }),
    control.ref,
    new RegExp(control.ref),
  );
  await expect
    .poll(async () => {
      const items = (
        await rpc<{ items: { controlIds: string[]; performedOn: string | null }[] }>(
          page,
          attest,
          'evidence.list',
          { controlId: control.id },
        )
      ).items;
      return items.map((e) => e.performedOn);
    })
    .toEqual(['2026-02-10']);

  // A review by the control's own owner is refused, with the reason; another's is recorded.
  const review = drawer.getByTestId('evidence-review');
  await evidence.choose(
    review.getByLabel('Reviewer', { exact: true }),
    owner.name,
    new RegExp(owner.name),
  );
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(review.getByTestId('review-warning')).toBeVisible();
  await evidence.choose(
    review.getByLabel('Reviewer', { exact: true }),
    other.name,
    new RegExp(other.name),
  );
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(review.getByTestId('reviewed-by')).toContainText(other.name);
  await expectNoSeriousA11yViolations(page, 'evidence drawer');
  await shoot(page, 'drawer-image');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The CSV with a header and no rows: a population of zero, and what an auditor does with it.
  await evidence.openRow('terminations-h1');
  const form = drawer.getByTestId('population-form');
  await form.getByLabel('Drawn from').fill('Workday');
  await form.getByLabel('Date column').fill('terminated_on');
  await form.getByRole('button', { name: 'Record as a population' }).click();
  const zero = drawer.getByTestId('population-zero');
  await expect(zero).toContainText('not operated and therefore not tested');
  await expect(zero).toContainText('not the same as operating effectively');
  await expect(drawer.getByTestId('population-summary')).toContainText('Rows');
  await shoot(page, 'drawer-population');
  await page.keyboard.press('Escape');

  // The control's timeline: Q1 is met by the item performed on 10 February.
  await page.goto(`${attest.origin}/#${linkTo('scopeControl', control.id)}`);
  const q1 = page.getByTestId('occurrence-window').first();
  await expect(q1).toHaveAttribute('data-status', 'met');
  await expect(page.getByTestId('control-evidence').getByTestId('linked-evidence')).toContainText(
    'mfa-settings',
  );
  await page.getByTestId('control-evidence').scrollIntoViewIfNeeded();
  await shoot(page, 'control-drawer');

  // Evidence in the palette, found by the server's search.
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Search screens and actions' }).fill('access review');
  await page.getByRole('button', { name: /access-review-notes/ }).click();
  await expect(evidence.drawer.getByTestId('evidence-preview-text')).toContainText('42 accounts');

  // Linked to an auditor's request, it shows in that request's drawer.
  const request = await importOneRequest(page, attest);
  await evidence.choose(
    evidence.drawer.getByLabel('Auditor requests', { exact: true }),
    request.ref,
    new RegExp(request.ref),
  );
  await expect
    .poll(
      async () =>
        (await rpc<{ total: number }>(page, attest, 'evidence.list', { requestId: request.id }))
          .total,
    )
    .toBe(1);
  await page.goto(`${attest.origin}/#${linkTo('request', request.id)}`);
  await expect(page.getByTestId('request-evidence')).toContainText('access-review-notes');

  // A link and a note beside the files: added from the tab, linked to the control, listed.
  await evidence.open(attest);
  await page.getByRole('button', { name: 'Add link…' }).click();
  const dialog = page.getByTestId('add-written-evidence').getByRole('dialog');
  await dialog.getByLabel('Web address').fill('javascript:alert(1)');
  await expect(dialog).toContainText('Only web addresses');
  await dialog.getByLabel('Web address').fill('https://tickets.example.com/browse/SEC-42');
  await dialog.getByLabel('Title').fill('Offboarding ticket SEC-42');
  await dialog.getByRole('button', { name: 'Add link' }).click();
  await expect(evidence.drawer.getByTestId('evidence-link')).toContainText(
    'https://tickets.example.com/browse/SEC-42',
  );
  await evidence.choose(
    evidence.drawer.getByLabel('Controls', { exact: true }),
    control.ref,
    new RegExp(control.ref),
  );
  // The first Escape closes the select's list, the second the drawer.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(evidence.drawer).toBeHidden();
  await page.getByRole('button', { name: 'Add note…' }).click();
  await dialog.getByLabel('Title').fill('Inquiry with the CTO');
  await dialog.getByLabel('Note').fill('# Inquiry\n\nDeploys need **two** approvals.');
  await dialog.getByRole('button', { name: 'Add note' }).click();
  const note = evidence.drawer.getByTestId('evidence-note');
  await expect(note.locator('strong')).toHaveText('two');
  await evidence.choose(
    evidence.drawer.getByLabel('Controls', { exact: true }),
    control.ref,
    new RegExp(control.ref),
  );
  await page.keyboard.press('Escape');
  await shoot(page, 'drawer-note');
  await page.keyboard.press('Escape');
  await expect
    .poll(async () =>
      (
        await rpc<{ items: { kind: string; title: string }[] }>(page, attest, 'evidence.list', {
          controlId: control.id,
        })
      ).items
        .map((e) => `${e.kind}:${e.title}`)
        .sort(),
    )
    .toEqual(['file:mfa-settings', 'link:Offboarding ticket SEC-42', 'note:Inquiry with the CTO']);
  // The table filtered by type (in SQL): the link, then the note.
  await page.getByPlaceholder('Any type').click();
  await page.getByRole('option', { name: 'Link', exact: true }).click();
  await expect(evidence.table.getByTestId('evidence-row')).toHaveCount(1);
  await expect(evidence.row('Offboarding ticket SEC-42')).toBeVisible();
  await page.getByPlaceholder('Any type').click();
  await page.getByRole('option', { name: 'Note', exact: true }).click();
  await expect(evidence.row('Inquiry with the CTO')).toBeVisible();
  await expect(evidence.table.getByTestId('evidence-row')).toHaveCount(1);
});

/** A one-line request list, imported through the contract as the import wizard would. */
async function importOneRequest(page: Page, attest: AttestServer) {
  await importRequestList(
    page,
    attest,
    'PBC #,Item Requested\r\nPBC-101,Quarterly access reviews\r\n',
  );
  const list = await rpc<{ items: { id: string; ref: string }[] }>(page, attest, 'requests.list');
  return list.items.find((r) => r.ref === 'PBC-101')!;
}
