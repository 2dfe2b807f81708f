import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { groupHash } from '../../components/format';

/**
 * A fingerprint to compare by eye or read aloud: in full, in groups of four, monospace, with a
 * copy button (the shortened form elsewhere in the app is not enough to compare keys).
 */
export function FullFingerprint(props: { value: string; label?: string; testId?: string }) {
  const label = props.label ?? 'Key fingerprint';
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Text
        size="sm"
        className="attest-mono"
        data-testid={props.testId ?? 'package-fingerprint'}
        aria-label={`${label}: ${props.value}`}
        style={{ overflowWrap: 'anywhere' }}
      >
        {groupHash(props.value)}
      </Text>
      <CopyButton value={props.value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={`Copy ${label.toLowerCase()}`}
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
