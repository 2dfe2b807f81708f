import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { linkTo } from '../../app/routes';
import { formatDate, plural } from '../../components/format';
import { useSelfTests } from './testing-queries';

/**
 * A control's latest self-test in one line, for the screens that show the control (Gap
 * analysis): "Self-tested 12 May 2026 by Ana, 25 items, 1 deviation", linked to its Testing tab.
 */
export function SelfTestLine({ controlId }: { controlId: string }) {
  const { tests, loaded } = useSelfTests(controlId);
  const last = tests.at(-1);
  if (!loaded) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="self-test-line">
      {last
        ? `Self-tested ${formatDate(last.drawnAt.slice(0, 10))} by ${last.drawnBy}, ${plural(last.sampleSize, 'item')}, ${plural(last.deviations, 'deviation')}. `
        : 'Not self-tested yet. '}
      <Anchor
        underline="always"
        component={Link}
        to={linkTo('controlTesting', controlId)}
        size="xs"
      >
        {last ? 'Open the test' : 'Rehearse the auditor’s test'}
      </Anchor>
    </Text>
  );
}
