import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributesInput, setCellInput } from '../../../shared/api/self-tests';
import { evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import { addEvidence, terminationsCsv, withPopulation } from '../../testing/self-test-vaults';
import { tempDir } from '../../testing/tmp';
import { readinessFacts } from '../readiness/facts';
import { newScopedTestVault, newTestVault } from '../../testing/vaults';
import { reviewEvidence, supersedeEvidence } from '../evidence/evidence';
import { assessControl, assessMany } from '../gaps/assessments';
import { coverageView } from '../gaps/coverage';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { listControls, updateControl } from '../scope/controls';
import { controlItgcs, unlinkItgc } from '../scope/reliance';
import type { Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { drawSample, expandSample } from './draw';
import { setAttributes, setCell, updateDeviation } from './grid';
import { resolvePlan } from './plan';
import { importSizeTable } from './size-table';
import { getSelfTestDetail, listDeviations, listSelfTests } from './view';
import { worksheet } from './worksheet';

const cell = (vault: Vault, v: Record<string, unknown>) => setCell(vault, setCellInput.parse(v));

describe('drawing a sample from a population', () => {
  it('the same seed draws the same rows, stored with the test, sized by the table', async () => {
    const { vault, control, populationId } = await withPopulation();
    const plan = resolvePlan(vault, { controlId: control.id }).plan;
    expect(plan).toMatchObject({
      drawFrom: 'population',
      populationId,
      populationSize: 300,
      mode: 'sample',
      size: 25,
      range: { min: 25, max: 60 },
      completenessMissing: false,
    });
    expect(plan.notes.join(' ')).toMatch(/2 rows are dated outside/);

    const a = await drawSample(vault, { controlId: control.id, seed: 'audit-2026' });
    const b = await drawSample(vault, { controlId: control.id, seed: 'audit-2026' });
    expect(a.items).toHaveLength(25);
    expect(b.items.map((i) => i.sourceRow)).toEqual(a.items.map((i) => i.sourceRow));
    expect(a).toMatchObject({
      ref: 'ST-1',
      kind: 'sample',
      method: 'random',
      seed: 'audit-2026',
      drawnBy: expect.any(String),
      populationSize: 300,
      populationChanged: null,
      result: 'Self-test: 0 deviations in 25 items',
      label: 'Management self-test — your auditor selects its own items',
    });
    expect(a.sizeTable.source).toMatch(/AICPA/);
    // The rows themselves are stored, in date order, none dated outside the window.
    const first = a.items[0]!;
    expect(Object.keys(first.data)).toEqual(['Ticket', 'Employee', 'Terminated on']);
    expect(a.items.every((i) => i.date! >= '2026-01-01')).toBe(true);
    const dates = a.items.map((i) => i.date!);
    expect([...dates].sort()).toEqual(dates);
    // Attributes come from the control.
    expect(a.attributes.map((x) => x.text)).toEqual([
      'Access removed within one business day',
      'Ticket approved by the manager',
    ]);
    const other = await drawSample(vault, { controlId: control.id, seed: 'another' });
    expect(other.items.map((i) => i.sourceRow)).not.toEqual(a.items.map((i) => i.sourceRow));
    expect((await verifyVault(vault)).problems).toEqual([]);
  });

  it('systematic selection records its start and spreads across the period', async () => {
    const { vault, control } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id, method: 'systematic', start: 3 });
    expect(t).toMatchObject({ method: 'systematic', start: 3 });
    const months = new Set(t.items.map((i) => i.date!.slice(0, 7)));
    expect(months.size).toBe(6);
    const again = await drawSample(vault, {
      controlId: control.id,
      method: 'systematic',
      start: 3,
    });
    expect(again.items.map((i) => i.sourceRow)).toEqual(t.items.map((i) => i.sourceRow));
    await expect(
      drawSample(vault, { controlId: control.id, method: 'systematic', start: 12 }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('flags a population without completeness evidence', async () => {
    const { vault, control } = await withPopulation({ support: false });
    const t = await drawSample(vault, { controlId: control.id });
    expect(t.completenessMissing).toBe(true);
    expect(resolvePlan(vault, { controlId: control.id }).plan.notes.join(' ')).toMatch(
      /no completeness and accuracy evidence/,
    );
  });

  it('detects a population superseded or changed after sampling', async () => {
    const { dir, vault, control, populationId } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id });
    const newer = await addEvidence(vault, terminationsCsv(dir, 301, 'terminations-v2.csv'));
    supersedeEvidence(vault, populationId, newer, undefined);
    expect(getSelfTestDetail(vault, t.id).populationChanged).toMatch(/superseded by EV-3/);
    // A sample of a population that moved on is not expanded: the new items would not match.
    cell(vault, {
      testId: t.id,
      itemId: t.items[0]!.id,
      attributeId: t.attributes[0]!.id,
      result: 'fail',
    });
    await expect(expandSample(vault, t.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/superseded/),
    });
    // Bytes swapped under the record (what `verify` also reports): the recorded SHA-256 differs.
    vault.db.sqlite
      .prepare("UPDATE evidence SET file_sha256 = 'f00d' WHERE id = ?")
      .run(populationId);
    expect(listSelfTests(vault, control.id)[0]!.populationChanged).toMatch(
      /changed after this sample was drawn/,
    );
  });

  it('tests all of a small population; Type I walks one through', async () => {
    const small = await withPopulation({ inside: 3 });
    // 2–4 items → 2, per the table.
    expect(await drawSample(small.vault, { controlId: small.control.id })).toMatchObject({
      kind: 'sample',
      sampleSize: 2,
    });
    const { vault, control } = await withPopulation({ inside: 2 });
    const t = await drawSample(vault, { controlId: control.id });
    expect(t).toMatchObject({ kind: 'test_all', sampleSize: 2 });

    const dir = tempDir();
    const type1 = await newTestVault(dir, 't1.attest', {
      name: 'Type I',
      client: 'Acme',
      reportType: 'type1',
      asOf: '2026-03-31',
      categories: ['security'],
    });
    applyScope(type1);
    const monthly = listControls(type1, { includeArchived: false, limit: 1000 }).items[0]!;
    updateControl(type1, monthly.id, { frequency: 'monthly', nature: 'manual' });
    const walk = await drawSample(type1, { controlId: monthly.id });
    expect(walk).toMatchObject({ kind: 'walkthrough', sampleSize: 1 });
    expect(walk.items[0]!.data).toEqual({ start: '2025-04-01', end: '2026-03-31' });
  });

  it('draws from occurrence windows, and refuses a per-event control with no population', async () => {
    const dir = tempDir();
    const vault = await newScopedTestVault(dir);
    const [a, b] = listControls(vault, { includeArchived: false, limit: 1000 }).items;
    updateControl(vault, a!.id, { frequency: 'monthly', nature: 'manual' });
    const t = await drawSample(vault, { controlId: a!.id, seed: 's' });
    expect(t).toMatchObject({ drawFrom: 'occurrences', populationSize: 6, sampleSize: 2 });
    updateControl(vault, b!.id, { frequency: 'per_event', nature: 'manual' });
    await expect(drawSample(vault, { controlId: b!.id })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/record the population/),
    });
    // A manual continuous control has no windows either: it asks for a population too.
    updateControl(vault, b!.id, { frequency: 'continuous', nature: 'manual' });
    expect(resolvePlan(vault, { controlId: b!.id }).plan.mode).toBe('needs_population');
    await expect(drawSample(vault, { controlId: b!.id })).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('samples an automated control whose ITGCs are not met, and tests it once without any', async () => {
    const dir = tempDir();
    const vault = await newScopedTestVault(dir);
    const auto = listControls(vault, { includeArchived: false, limit: 1000 }).items.find(
      (c) => c.ref === 'AC-01',
    )!;
    updateControl(vault, auto.id, { frequency: 'daily', nature: 'automated' });
    // The library has it rely on change management and access ITGCs, none met yet: it is
    // sampled over its daily occurrences like a manual control.
    const reliesOn = controlItgcs(vault, auto.id).reliesOn;
    expect(reliesOn.length).toBeGreaterThan(0);
    const failing = resolvePlan(vault, { controlId: auto.id }).plan;
    expect(failing).toMatchObject({ mode: 'sample', size: 20, populationSize: 181 });
    expect(failing.notes.join(' ')).toMatch(/must be sampled like a manual control/);
    // Relying on nothing: one instance, and a note asking for the links.
    for (const r of reliesOn) unlinkItgc(vault, { id: auto.id, reliesOnId: r.id });
    const unlinked = resolvePlan(vault, { controlId: auto.id }).plan;
    expect(unlinked).toMatchObject({ mode: 'automated', size: 1 });
    expect(unlinked.notes.join(' ')).toMatch(/link them to the control/);
  });
});

describe('the grid and its deviations', () => {
  it('a fail becomes a deviation awaiting a response; a response never closes it', async () => {
    const { vault, control } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id, seed: 'g' });
    const [removed, approved] = t.attributes;
    const item = t.items[4]!;
    cell(vault, { testId: t.id, itemId: item.id, attributeId: removed!.id, result: 'pass' });
    const failed = cell(vault, {
      testId: t.id,
      itemId: item.id,
      attributeId: approved!.id,
      result: 'fail',
      note: 'No approval on the ticket',
    });
    expect(failed.deviation).toMatchObject({
      ref: 'DEV-1',
      occurredOn: item.date,
      attribute: 'Ticket approved by the manager',
      failedOf: { failed: 1, of: 1 },
      extent: 'isolated',
      responseMissing: true,
      reportable: true,
    });
    expect(failed.test.result).toBe('Self-test: 1 deviation in 25 items');
    // Readiness asks for management's response to it, and stops asking once it is written.
    const unanswered = (v: Vault) =>
      evaluateReadiness(readinessFacts(v)).findings.filter((f) => f.rule === 'deviation_response');
    expect(unanswered(vault).map((f) => f.target)).toEqual([
      { screen: 'controlTesting', id: control.id },
    ]);
    const answered = updateDeviation(vault, failed.deviation!.id, {
      managementResponse: 'Manager approvals are now enforced by the workflow.',
      rootCause: 'Approval step skippable',
      remediation: 'Workflow fixed',
      remediatedOn: '2026-04-02',
    });
    expect(answered).toMatchObject({ responseMissing: false, reportable: true, withdrawn: null });
    expect(unanswered(vault)).toEqual([]);
    expect(listDeviations(vault, { controlId: control.id })).toHaveLength(1);

    // Changing the failed cell needs a correction; the deviation is withdrawn, never erased.
    expect(() =>
      cell(vault, { testId: t.id, itemId: item.id, attributeId: approved!.id, result: 'pass' }),
    ).toThrow(/never erased/);
    cell(vault, {
      testId: t.id,
      itemId: item.id,
      attributeId: approved!.id,
      result: 'pass',
      correction: 'Approval found in the e-mail thread',
    });
    const kept = listDeviations(vault, { controlId: control.id });
    expect(kept).toHaveLength(1);
    expect(kept[0]!.withdrawn?.reason).toBe('Approval found in the e-mail thread');
    expect((await verifyVault(vault)).problems).toEqual([]);
  });

  it('attributes are editable per test; one with results cannot be removed', async () => {
    const { vault, control } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id });
    const [a1, a2] = t.attributes;
    cell(vault, { testId: t.id, itemId: t.items[0]!.id, attributeId: a1!.id, result: 'na' });
    const edited = setAttributes(
      vault,
      attributesInput.parse({
        id: t.id,
        attributes: [{ id: a1!.id, text: 'Access removed in time' }, { text: 'Leaver form filed' }],
      }),
    );
    expect(edited.attributes.map((a) => a.text)).toEqual([
      'Access removed in time',
      'Leaver form filed',
    ]);
    expect(edited.attributes.some((a) => a.id === a2!.id)).toBe(false);
    expect(() =>
      setAttributes(vault, attributesInput.parse({ id: t.id, attributes: [{ text: 'Only' }] })),
    ).toThrow(/already has results/);
  });

  it('expansion after a deviation keeps every item; refused without one and for low frequency', async () => {
    const { vault, control } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id, seed: 'x' });
    expect(t.expansion.allowed).toBe(false);
    await expect(expandSample(vault, t.id)).rejects.toMatchObject({ code: 'conflict' });
    cell(vault, {
      testId: t.id,
      itemId: t.items[0]!.id,
      attributeId: t.attributes[0]!.id,
      result: 'fail',
    });
    expect(getSelfTestDetail(vault, t.id).expansion).toMatchObject({ allowed: true, to: 40 });
    const grown = await expandSample(vault, t.id);
    expect(grown.items).toHaveLength(40);
    expect(grown.items.slice(0, 25).map((i) => i.id)).toEqual(t.items.map((i) => i.id));
    expect(new Set(grown.items.map((i) => i.sourceIndex)).size).toBe(40);
    expect(grown.items.slice(25).every((i) => i.round === 1)).toBe(true);

    const quarterly = listControls(vault, { includeArchived: false, limit: 1000 }).items[1]!;
    updateControl(vault, quarterly.id, { frequency: 'quarterly', nature: 'manual' });
    const q = await drawSample(vault, { controlId: quarterly.id });
    cell(vault, {
      testId: q.id,
      itemId: q.items[0]!.id,
      attributeId: q.attributes[0]!.id,
      result: 'fail',
    });
    const refused = getSelfTestDetail(vault, q.id).expansion;
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toMatch(/low-frequency/);
  });

  it('a re-test after remediation is a new test over the rest of the period; the old deviation stays', async () => {
    const { vault, control } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id });
    const failed = cell(vault, {
      testId: t.id,
      itemId: t.items[0]!.id,
      attributeId: t.attributes[0]!.id,
      result: 'fail',
    });
    updateDeviation(vault, failed.deviation!.id, { remediatedOn: '2026-04-01' });
    const again = await drawSample(vault, {
      controlId: control.id,
      from: '2026-04-01',
      retestOfId: t.id,
    });
    expect(again.period).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    const tests = listSelfTests(vault, control.id);
    expect(tests.map((x) => [x.ref, x.retestedById, x.deviations])).toEqual([
      ['ST-1', again.id, 1],
      ['ST-2', null, 0],
    ]);
    expect(listDeviations(vault, { controlId: control.id })[0]!.reportable).toBe(true);
  });
});

describe('deviations feed the criteria', () => {
  it('isolated → met with exceptions; systematic → not met', async () => {
    const { vault, control, populationId } = await withPopulation();
    const criterion = control.criteria[0]!;
    const others = listControls(vault, { includeArchived: false, limit: 1000 })
      .items.filter((c) => c.id !== control.id && c.criteria.includes(criterion))
      .map((c) => c.id);
    if (others.length > 0) assessMany(vault, others, 'not_applicable', 'Not this test');
    assessControl(vault, { controlId: control.id, status: 'implemented' });
    const reviewer = createPerson(vault, { name: 'Rita Reviewer' });
    reviewEvidence(vault, populationId, reviewer.id, '2026-03-02');
    const status = () => coverageView(vault).criteria.find((c) => c.id === criterion)!;
    expect(status()).toMatchObject({ status: 'met', exceptions: [] });

    const t = await drawSample(vault, { controlId: control.id });
    const failed = cell(vault, {
      testId: t.id,
      itemId: t.items[0]!.id,
      attributeId: t.attributes[0]!.id,
      result: 'fail',
    });
    expect(status()).toMatchObject({ status: 'met', exceptions: [control.id] });
    expect(status().reason).toMatch(/^Met with exceptions/);
    updateDeviation(vault, failed.deviation!.id, { extent: 'systematic' });
    expect(status().status).toBe('mapped');
    expect(status().reason).toMatch(/systematic deviations/);
  });
});

describe('the sample-size table', () => {
  it("the auditor's table sizes the next draw; a bad one changes nothing", async () => {
    const { vault, control } = await withPopulation();
    const { DEFAULT_SAMPLE_SIZE_TABLE } = await import('../../../shared/domain/sample-size');
    const theirs = {
      ...DEFAULT_SAMPLE_SIZE_TABLE,
      name: 'Example LLP',
      source: 'Example LLP methodology',
      perEvent: [{ upTo: null, min: 30, max: 30 }],
    };
    expect(importSizeTable(vault, JSON.stringify(theirs))).toMatchObject({
      isDefault: false,
      name: 'Example LLP',
    });
    expect(() => importSizeTable(vault, '{"name":"x"}')).toThrow(/not in the expected format/);
    const t = await drawSample(vault, { controlId: control.id });
    expect(t.items).toHaveLength(30);
    expect(t.sizeTable).toEqual({ name: 'Example LLP', source: 'Example LLP methodology' });
    expect(importSizeTable(vault, null).isDefault).toBe(true);
    expect((await verifyVault(vault)).problems).toEqual([]);
  });
});

describe('the worksheet', () => {
  it('is an XLSX with the drawing facts, the grid and the deviations, formula text kept as text', async () => {
    const { dir, vault, control, populationId } = await withPopulation();
    const t = await drawSample(vault, { controlId: control.id, seed: 'w' });
    cell(vault, {
      testId: t.id,
      itemId: t.items[2]!.id,
      attributeId: t.attributes[1]!.id,
      result: 'fail',
      note: '=HYPERLINK("http://x")',
    });
    const doc = worksheet(vault, t.id);
    expect(doc.fileName).toMatch(/^Self-test_.*_ST-1_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = join(dir, doc.fileName);
    await doc.write(path);
    const script = `
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
shared = z.read('xl/sharedStrings.xml').decode()
sheets = [n for n in names if re.match(r'xl/worksheets/sheet\\d+\\.xml', n)]
print(len(sheets))
print('ST-1' in shared, 'w' in shared, 'Management self-test' in shared, 'DEV-1' in shared)
print('HYPERLINK' in shared, any('<f>' in z.read(s).decode() for s in sheets))
`;
    const out = execFileSync('python3', ['-c', script, path]).toString().trim().split('\n');
    expect(out).toEqual(['3', 'True True True True', 'True False']);
    const evidenceRef = vault.db.sqlite
      .prepare('SELECT ref FROM evidence WHERE id = ?')
      .pluck()
      .get(populationId);
    const shared = execFileSync('python3', [
      '-c',
      "import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode())",
      path,
    ]).toString();
    expect(shared).toContain(`Population ${evidenceRef as string}`);
    expect(shared).toContain('Self-test: 1 deviation in 25 items');
  });
});
