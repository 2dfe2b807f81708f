import { ActionIcon, Anchor, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';

/**
 * A link's web address, opened in the system browser through the one external-open path (which
 * hands over only https addresses, DESIGN §8: an http one is shown to copy instead), with a copy
 * button. Read-only: the evidence drawer adds its own field to edit it.
 */
export function LinkAddress({ url }: { url: string }) {
  const api = useApi();
  const https = /^https:\/\//i.test(url);
  return (
    <Group gap="xs" wrap="nowrap">
      {https ? (
        <Anchor
          href={url}
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
          onClick={(e) => {
            e.preventDefault();
            api.host.openExternal(url).catch(notifyError);
          }}
        >
          {url} <IconExternalLink size={12} aria-label="opens in your browser" />
        </Anchor>
      ) : (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {url}{' '}
          <Text span size="xs" c="dimmed">
            (not https: copy it to open it)
          </Text>
        </Text>
      )}
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the address'}>
            <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label="Copy the address">
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
