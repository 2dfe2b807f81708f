// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Figure } from './Figure';

const render = (props: Parameters<typeof Figure>[0]) =>
  renderToStaticMarkup(
    <MantineProvider>
      <Figure {...props} />
    </MantineProvider>,
  );

describe('Figure', () => {
  it('shows the number over its label, with the test ids the screens and specs use', () => {
    const html = render({ value: 3, label: 'Overdue', testId: 'root', valueTestId: 'number' });
    expect(html).toMatch(/data-testid="root"[^>]*data-value="3"/);
    expect(html).toMatch(/data-testid="number"[^>]*>3</);
    expect(html.indexOf('>3<')).toBeLessThan(html.indexOf('>Overdue<'));
  });

  it('marks an alerting count in the error colour only when it is above zero', () => {
    const error = 'var(--mantine-color-error)';
    expect(render({ value: 2, label: 'Overdue', alert: true })).toContain(error);
    expect(render({ value: 0, label: 'Overdue', alert: true })).not.toContain(error);
    expect(render({ value: 2, label: 'Open' })).not.toContain(error);
  });
});
