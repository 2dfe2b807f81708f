import { describe, expect, it } from 'vitest';
import { buildAssertionDraft } from './system-description-assertion';
import { type DocBlock, toMarkdown } from './system-description-doc';
import { buildDescriptionDraft } from './system-description-draft';
import type { DraftInput } from './system-description-draft-input';
import { sampleDraftInput } from './system-description-sample';

const typeOne = (overrides: Partial<DraftInput> = {}): DraftInput => {
  const base = sampleDraftInput();
  return sampleDraftInput({
    engagement: { ...base.engagement, reportType: 'type1', asOf: '2026-03-31', period: null },
    changes: [],
    ...overrides,
  });
};
const md = (blocks: DocBlock[]) => toMarkdown(blocks);
const headings = (blocks: DocBlock[]) =>
  blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);

describe('the system description draft', () => {
  it('follows DC 1–9 for Type II and leaves out DC 9 for Type I', () => {
    const type2 = buildDescriptionDraft(sampleDraftInput());
    expect(
      headings(type2).filter(
        (h) =>
          !/^(Infrastructure|Software|People|Procedures|Data|Service commitments|System requirements|System boundaries|Amazon Web Services|Controls referred to above)$/.test(
            h,
          ),
      ),
    ).toEqual([
      'Description of the Northwind Analytics Ltd (sample) system',
      'Services provided',
      'Principal service commitments and system requirements',
      'Components of the system',
      'System incidents',
      'Applicable trust services criteria and related controls',
      'Complementary user entity controls',
      'Subservice organisations',
      'Criteria not relevant to the system',
      'Significant changes during the period',
    ]);
    const type1 = buildDescriptionDraft(typeOne());
    expect(headings(type1)).not.toContain('Significant changes during the period');
    expect(md(type1)).toContain('as of 31 March 2026');
  });

  it('opens with a notice that it is a draft for management', () => {
    const [, notice] = buildDescriptionDraft(sampleDraftInput());
    expect(notice).toMatchObject({ kind: 'paragraph' });
    expect((notice as { text: string }).text).toMatch(
      /^DRAFT FOR MANAGEMENT REVIEW\. Attest prepared this draft on 6 July 2026/,
    );
  });

  it('describes a carve-out with its criteria, CSOCs and monitoring control', () => {
    const text = md(buildDescriptionDraft(sampleDraftInput()));
    expect(text).toContain(
      'Northwind Analytics Ltd (sample) presents Amazon Web Services using the carve-out method. The controls operated by Amazon Web Services are not part of this description and were not within the scope of the examination.',
    );
    expect(text).toContain('Criteria supported by Amazon Web Services’ controls: CC6.4 and A1.2.');
    expect(text).toContain(
      '| Physical access to data centres is restricted to authorised staff and monitored | CC6.4 |',
    );
    expect(text).toContain('through control VEN-03 (Yearly review of key vendors’ audit reports)');
    expect(text).toContain(
      '| CC6.4 | Physical access | No control mapped yet; carve-out: Amazon Web Services |',
    );
    expect(text).toContain(
      '| Customers configure and review their own IAM users and policies | AC-01 |',
    );
  });

  it('describes an inclusive organisation as within the examination', () => {
    const base = sampleDraftInput();
    const inclusive = sampleDraftInput({
      subservices: [{ ...base.subservices[0]!, method: 'inclusive', csocs: [] }],
    });
    const text = md(buildDescriptionDraft(inclusive));
    expect(text).toContain(
      'using the inclusive method: the relevant controls of Amazon Web Services are included in this description and were within the scope of the examination. They address CC6.4 and A1.2.',
    );
    expect(text).not.toContain('presents Amazon Web Services using the carve-out method');
    expect(text).not.toContain('carve-out: Amazon');
  });

  it('lists incidents, or states a dated none, or leaves a placeholder', () => {
    const listed = md(buildDescriptionDraft(sampleDraftInput()));
    expect(listed).toContain(
      '| 14 March 2026 | Dashboard outage. A failed database failover made dashboards unavailable for 3 hours 10 minutes |',
    );

    const none = md(
      buildDescriptionDraft(
        sampleDraftInput({ incidents: [], none: { incidents: '2026-07-02', changes: null } }),
      ),
    );
    expect(none).toContain(
      'Management identified no incidents that resulted from controls that were not suitably designed or did not operate effectively, or that caused a significant failure to achieve one or more of the service commitments and system requirements during the period from 1 January 2026 to 30 June 2026. Management confirmed this on 2 July 2026.',
    );

    // Confirmed part-way through the period: it says so instead of claiming the whole period.
    const partial = md(
      buildDescriptionDraft(
        sampleDraftInput({ incidents: [], none: { incidents: '2026-04-30', changes: null } }),
      ),
    );
    expect(partial).toContain('between 1 January 2026 and 30 April 2026.');
    expect(partial).toContain(
      '[To be completed: confirm the same for the time up to 30 June 2026]',
    );

    const missing = md(buildDescriptionDraft(sampleDraftInput({ incidents: [] })));
    expect(missing).toContain(
      '[To be completed: list each incident with its nature, timing, effect and disposition',
    );

    const typeOneNone = md(
      buildDescriptionDraft(
        typeOne({ incidents: [], none: { incidents: '2026-03-31', changes: null } }),
      ),
    );
    expect(typeOneNone).toContain(
      'as of 31 March 2026. Management confirmed this on 31 March 2026.',
    );
  });

  it('states a dated none for significant changes (Type II)', () => {
    const text = md(
      buildDescriptionDraft(
        sampleDraftInput({ changes: [], none: { incidents: null, changes: '2026-07-01' } }),
      ),
    );
    expect(text).toContain(
      'Management identified no significant changes to the system or to its controls during the period from 1 January 2026 to 30 June 2026. Management confirmed this on 1 July 2026.',
    );
  });

  it('puts a placeholder wherever an answer is missing', () => {
    const empty = sampleDraftInput({
      texts: { services: '', commitments: '', systemRequirements: '', boundaries: '' },
      engagement: { ...sampleDraftInput().engagement, services: '' },
      components: [],
      criteria: [],
      controls: [],
    });
    const text = md(buildDescriptionDraft(empty));
    for (const gap of [
      'describe the services the system provides',
      'state the principal service commitments',
      'state the system requirements',
      'describe the software of the system',
      'say where the system begins and ends',
      'confirm the scope so the applicable criteria can be listed',
    ])
      expect(text).toContain(`[To be completed: ${gap}]`);
  });

  it('explains criteria that are not relevant, with their reasons', () => {
    const text = md(buildDescriptionDraft(sampleDraftInput()));
    expect(text).toContain(
      '| CC6.7 Restricting data movement | No removable media or physical transfers are part of the system |',
    );
    expect(text).toContain('| CC6.7 | Restricting data movement | Not relevant |');
  });
});

describe('the management assertion draft', () => {
  it('Type II: design and operating effectiveness throughout the period', () => {
    const text = md(buildAssertionDraft(sampleDraftInput()));
    expect(text).toContain('# Assertion of the management of Northwind Analytics Ltd (sample)');
    expect(text).toContain('DRAFT FOR MANAGEMENT REVIEW.');
    expect(text).toContain(
      'throughout the period from 1 January 2026 to 30 June 2026, and for the design and operation of the controls',
    );
    expect(text).toContain(
      'The description covers these services: Northwind Insights, a hosted product-analytics platform.',
    );
    expect(text).toContain('trust services criteria for Security and Availability');
    expect(text).toContain(
      '- the controls set out in the description operated effectively throughout the period from 1 January 2026 to 30 June 2026',
    );
  });

  it('names the services from the description’s own answer when the engagement has none', () => {
    const base = sampleDraftInput();
    const text = md(
      buildAssertionDraft(
        sampleDraftInput({
          engagement: { ...base.engagement, services: '' },
          texts: {
            ...base.texts,
            services: '- Hosted analytics\n- Data export API\n\nMore detail.',
          },
        }),
      ),
    );
    expect(text).toContain(
      'The description covers these services: Hosted analytics; Data export API.',
    );
    expect(text).not.toContain('To be completed');
  });

  it('Type I: design only, as of the date', () => {
    const text = md(buildAssertionDraft(typeOne()));
    expect(text).toContain('as of 31 March 2026, and for the design of the controls it sets out.');
    expect(text).toContain('were suitably designed as of 31 March 2026');
    expect(text).not.toContain('operated effectively throughout');
    expect(text).not.toContain('design and operation');
  });

  it('names carved-out organisations and the complementary controls the statements rely on', () => {
    const text = md(buildAssertionDraft(sampleDraftInput()));
    expect(text).toContain(
      'relies on Amazon Web Services as a subservice organisation. The description presents it using the carve-out method',
    );
    expect(text).toContain(
      'the complementary controls assumed of subservice organisations and user entities',
    );
    const plain = md(buildAssertionDraft(sampleDraftInput({ subservices: [], cuecs: [] })));
    expect(plain).not.toContain('carve-out');
    expect(plain).not.toContain('complementary');
  });

  it('ends with a signature block for management', () => {
    const blocks = buildAssertionDraft(sampleDraftInput());
    expect(blocks.slice(-5).map((b) => (b as { text: string }).text)).toEqual([
      'On behalf of the management of Northwind Analytics Ltd (sample):',
      'Name: ______________________________',
      'Title: ______________________________',
      'Signature: ______________________________',
      'Date: ______________________________',
    ]);
  });
});
