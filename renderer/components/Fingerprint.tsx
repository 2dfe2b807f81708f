import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { groupHash, shortHash } from './format';

/** A long hash: shortened, monospace, the full value on hover, and a copy button. */
export function Fingerprint(props: { value: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip
        label={<span className="attest-mono">{groupHash(props.value)}</span>}
        multiline
        w={360}
      >
        <Text
          component="span"
          size="sm"
          className="attest-mono"
          tabIndex={0}
          aria-label={`${props.label}: ${props.value}`}
          data-testid="fingerprint"
        >
          {shortHash(props.value)}
        </Text>
      </Tooltip>
      <CopyButton value={props.value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${props.label.toLowerCase()}`}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={`Copy ${props.label.toLowerCase()}`}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
