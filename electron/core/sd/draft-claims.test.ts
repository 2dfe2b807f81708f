import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cuecInput, subserviceInput } from '../../../shared/api/sd';
import { AttestError } from '../../../shared/api/errors';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { assessControl } from '../gaps/assessments';
import { applyScope } from '../scope/apply-scope';
import { listControls } from '../scope/controls';
import { setNotRelevant } from '../scope/criteria';
import { updateEngagementDetails } from '../scope/engagement';
import { closeVault, type Vault } from '../vault/session';
import { saveCuec } from './cuecs';
import { getSystemDescription } from './description';
import { getDraft } from './draft';
import { exportDocument } from './export';
import { confirmNone } from './confirmed-none';
import { saveSubservice } from './subservices';

/**
 * An auditor's rule for the drafts: a section nobody answered is a visible gap and a completeness
 * finding, never a sentence; a control the assessment does not show in place is never presented
 * as in place.
 */

async function scopedVault(): Promise<Vault> {
  const vault = await newScopedTestVault(tempDir());
  return vault;
}

const controlOf = (vault: Vault, ref: string) =>
  listControls(vault, { includeArchived: false, limit: 1000 }).items.find((c) => c.ref === ref)!;

const sectionOf = (vault: Vault, section: string) =>
  getSystemDescription(vault, false).completeness.sections.find((s) => s.section === section)!;

/** The Markdown between a `## title` heading and the next level-2 heading. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  expect(start, `section “${title}”`).toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start + title.length + 4);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

const CLAIMS = [
  /does not rely on subservice organisations/i,
  /has not identified any controls that user entities/i,
  /every applicable criterion is relevant/i,
];

describe('a draft with nothing answered', () => {
  it('shows a gap for subservice organisations, CUECs and not-relevant criteria, and claims none of them', async () => {
    const vault = await scopedVault();
    const markdown = getDraft(vault, 'description').markdown;
    for (const claim of CLAIMS) expect(markdown).not.toMatch(claim);
    expect(section(markdown, 'Subservice organisations')).toContain('[To be completed:');
    expect(section(markdown, 'Complementary user entity controls')).toContain('[To be completed:');
    expect(section(markdown, 'Criteria not relevant to the system')).toContain('[To be completed:');

    for (const name of ['subservices', 'cuecs', 'notRelevant']) {
      const s = sectionOf(vault, name);
      expect(s.status, name).toBe('incomplete');
      expect(s.problems.length, name).toBeGreaterThan(0);
    }
    expect(getSystemDescription(vault, false).completeness.complete).toBe(false);
    closeVault(vault);
  });

  it('shows the same gaps in the PDF and the DOCX', async () => {
    const vault = await scopedVault();
    const dir = tempDir();
    const pdf = await exportDocument(vault, 'description', 'pdf');
    const pdfPath = join(dir, 'd.pdf');
    await pdf.write(pdfPath);
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    const docx = await exportDocument(vault, 'description', 'docx');
    const docxPath = join(dir, 'd.docx');
    await docx.write(docxPath);
    const docxXml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], {
      encoding: 'utf8',
    });
    for (const text of [pdfText, docxXml]) {
      for (const claim of CLAIMS) expect(text).not.toMatch(claim);
      expect(text).toContain('state that it relies on none');
      expect(text).toContain('state that there are none');
    }
    closeVault(vault);
  });
});

describe('explicit answers', () => {
  it('become sentences and answer the completeness check', async () => {
    const vault = await scopedVault();
    confirmNone(vault, 'subservices', true);
    confirmNone(vault, 'cuecs', true);
    confirmNone(vault, 'notRelevant', true);
    const markdown = getDraft(vault, 'description').markdown;
    expect(section(markdown, 'Subservice organisations')).toMatch(CLAIMS[0]!);
    expect(section(markdown, 'Complementary user entity controls')).toMatch(CLAIMS[1]!);
    expect(section(markdown, 'Criteria not relevant to the system')).toMatch(CLAIMS[2]!);
    for (const name of ['subservices', 'cuecs', 'notRelevant'])
      expect(sectionOf(vault, name)).toMatchObject({ status: 'complete', problems: [] });
    expect(getSystemDescription(vault, false).confirmedNone).toEqual({
      subservices: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      cuecs: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      notRelevant: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    // Withdrawn, the claim goes and the gap comes back.
    confirmNone(vault, 'subservices', false);
    expect(getDraft(vault, 'description').markdown).not.toMatch(CLAIMS[0]!);
    expect(sectionOf(vault, 'subservices').status).toBe('incomplete');
    closeVault(vault);
  });

  it('are refused while records say otherwise, and a new record withdraws them', async () => {
    const vault = await scopedVault();
    confirmNone(vault, 'cuecs', true);
    saveCuec(vault, cuecInput.parse({ description: 'Customers use MFA', criteria: ['CC6.1'] }));
    // Adding a CUEC makes "there are none" untrue: it is withdrawn with the addition.
    expect(getSystemDescription(vault, false).confirmedNone.cuecs).toBeNull();
    expect(() => confirmNone(vault, 'cuecs', true)).toThrow(AttestError);

    confirmNone(vault, 'subservices', true);
    saveSubservice(
      vault,
      subserviceInput.parse({
        name: 'CloudHost',
        method: 'carve_out',
        criteria: ['CC6.4'],
        monitoringControlId: controlOf(vault, 'VEN-03').id,
      }),
    );
    expect(getSystemDescription(vault, false).confirmedNone.subservices).toBeNull();
    expect(() => confirmNone(vault, 'subservices', true)).toThrow(/listed/);

    // Marking a criterion not relevant, or bringing new criteria into scope, ends "every one applies".
    confirmNone(vault, 'notRelevant', true);
    setNotRelevant(vault, 'A1.3', 'No recovery testing is part of this system');
    expect(getSystemDescription(vault, false).confirmedNone.notRelevant).toBeNull();
    setNotRelevant(vault, 'A1.3', null);
    confirmNone(vault, 'notRelevant', true);
    updateEngagementDetails(vault, { categories: ['availability', 'confidentiality'] });
    applyScope(vault);
    expect(getSystemDescription(vault, false).confirmedNone.notRelevant).toBeNull();
    closeVault(vault);
  });
});

describe('controls in the draft', () => {
  it('are described, and one not shown in place by the assessment is flagged, not claimed', async () => {
    const vault = await scopedVault();
    const done = controlOf(vault, 'VEN-03');
    const missing = controlOf(vault, 'AC-01');
    assessControl(vault, { controlId: done.id, status: 'implemented' });
    assessControl(vault, { controlId: missing.id, status: 'not_implemented' });

    const markdown = getDraft(vault, 'description').markdown;
    const rows = markdown.split('\n');
    const rowOf = (ref: string) => rows.find((r) => r.startsWith(`| ${ref} |`))!;
    // DC 5: each control is described, not only named.
    expect(rowOf(done.ref)).toContain(done.description.slice(0, 40));
    expect(rowOf(done.ref)).not.toContain('[To be completed:');
    expect(rowOf(missing.ref)).toMatch(/\[To be completed: assessed as not implemented/);
    // A control nobody assessed is not presented as in place either.
    const unassessed = listControls(vault, { includeArchived: false, limit: 1000 }).items.find(
      (c) => c.id !== done.id && c.id !== missing.id,
    )!;
    expect(rowOf(unassessed.ref)).toMatch(/\[To be completed: not assessed yet/);

    const assertion = getDraft(vault, 'assertion').markdown;
    expect(assertion).toMatch(/\[To be completed:[^\]]*not implemented: AC-01/);
    expect(assertion).not.toMatch(/\[To be completed:[^\]]*VEN-03/);
    closeVault(vault);
  });
});
