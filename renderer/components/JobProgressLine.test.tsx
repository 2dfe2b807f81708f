// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/api/jobs';
import { JobProgressLine } from './JobProgressLine';

const render = (progress: JobProgress | null) =>
  renderToStaticMarkup(
    <MantineProvider>
      <JobProgressLine
        label="Writing the readiness report"
        progress={progress}
        onCancel={() => {}}
      />
    </MantineProvider>,
  );

describe('JobProgressLine', () => {
  it('says what the job is doing where files and bytes say nothing', () => {
    const html = render({ step: 'Laying out page 7: Criteria and controls' });
    expect(html).toContain('Writing the readiness report');
    expect(html).toContain('Laying out page 7: Criteria and controls');
  });

  it('puts the step before files and bytes, and shows a bar only with a byte total', () => {
    const html = render({
      step: 'Copying evidence',
      filesDone: 2,
      filesTotal: 5,
      bytesDone: 1024,
      bytesTotal: 4096,
    });
    expect(html).toMatch(/Copying evidence · 2 of 5 files · [\d.]+ KB of [\d.]+ KB/);
    expect(html).toContain('mantine-Progress-root');
    expect(render({ step: 'Reading the vault' })).not.toContain('mantine-Progress-root');
  });
});
