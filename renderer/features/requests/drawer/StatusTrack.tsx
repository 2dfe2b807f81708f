import { Box, Text } from '@mantine/core';
import { REQUEST_STATUSES, type RequestStatus } from '../../../../shared/domain/requests';
import { REQUEST_STATUS_LABELS } from '../labels';
import './drawer.css';

/**
 * Our side of a request as a track of its five steps: done and current filled, the current one
 * named in bold. A list (not buttons): the moves are the buttons below it.
 */
export function StatusTrack({ status }: { status: RequestStatus }) {
  const current = REQUEST_STATUSES.indexOf(status);
  return (
    <Box component="ol" className="attest-status-track" aria-label="Where this request stands">
      {REQUEST_STATUSES.map((s, i) => (
        <li
          key={s}
          data-done={i < current || undefined}
          data-current={i === current || undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="attest-status-track-bar" aria-hidden />
          <Text
            span
            size="xs"
            fw={i === current ? 700 : 500}
            c={i > current ? 'dimmed' : undefined}
          >
            {REQUEST_STATUS_LABELS[s]}
          </Text>
        </li>
      ))}
    </Box>
  );
}
