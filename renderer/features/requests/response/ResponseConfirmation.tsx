import {
  ActionIcon,
  Alert,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconInfoCircle,
  IconShieldCheck,
} from '@tabler/icons-react';
import type { ResponsePreview } from '../../../../shared/api/auditor-response';
import { unsignedLabel } from '../../../../shared/domain/auditor/response';
import { Facts } from '../../../components/Facts';
import { groupHash, plural, shortHash } from '../../../components/format';

/** The auditor key's fingerprint in full, to read out or paste when confirming it. */
export function KeyFingerprint({ value }: { value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text
        size="sm"
        className="attest-mono"
        data-testid="response-fingerprint"
        style={{ overflowWrap: 'anywhere' }}
      >
        {groupHash(value)}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the fingerprint'}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label="Copy the fingerprint"
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** Who vouches for the response: the key to confirm, or a plain warning that nobody does. */
export function ResponseSigner({ preview }: { preview: ResponsePreview }) {
  if (preview.fingerprint === null) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={`Not signed: from an unsigned response naming ${preview.auditor.firm}`}
        data-testid="response-unsigned"
      >
        <Text size="sm">
          Nothing shows who wrote this file or that it is unchanged. Its comments and statuses will
          be marked “{preview.auditor.name}, {unsignedLabel(preview.auditor.firm)}”. Import it only
          if you know where it came from, or ask the auditor for a signed one.
        </Text>
      </Alert>
    );
  }
  return (
    <Paper withBorder radius="md" p="md" data-testid="response-signed">
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap">
          <IconShieldCheck size={18} aria-hidden color="var(--mantine-color-teal-text)" />
          <Text size="sm" fw={600}>
            Signed by the auditor’s key
          </Text>
        </Group>
        <KeyFingerprint value={preview.fingerprint} />
        <Text size="sm" fw={600}>
          Confirm this fingerprint with the auditor by another channel
        </Text>
        <Text size="sm" c="dimmed">
          A call or a separate message, not the e-mail that brought the file. The signature proves
          the response is unchanged since someone holding this key signed it, not who that is.
        </Text>
      </Stack>
    </Paper>
  );
}

const TILES: { key: keyof ResponsePreview['counts']; label: string; hint: string }[] = [
  { key: 'status', label: 'Statuses', hint: 'accepted or follow-up, set' },
  { key: 'comment', label: 'Comments', hint: 'added to follow-up threads' },
  { key: 'request', label: 'New requests', hint: 'added as AUD-…' },
  { key: 'sample', label: 'Sample picks', hint: 'one new request each' },
];

/** What the import will do, by kind, before anything changes. */
function ResponseCounts({ counts }: { counts: ResponsePreview['counts'] }) {
  return (
    <SimpleGrid cols={4} spacing="sm" data-testid="response-counts">
      {TILES.map((t) => (
        <Paper key={t.key} withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.05em' }}>
            {t.label}
          </Text>
          <Text
            fz={26}
            fw={650}
            lh={1.2}
            className="attest-count"
            data-testid={`response-count-${t.key}`}
          >
            {counts[t.key]}
          </Text>
          <Text size="xs" c="dimmed">
            {t.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The confirmation: who it is from, whether signed, and what it will do. Nothing has changed. */
export function ResponseConfirmation(props: { preview: ResponsePreview; fileName: string }) {
  const p = props.preview;
  return (
    <Stack gap="md" data-testid="response-confirmation">
      <Facts
        items={[
          { label: 'From', value: <span data-testid="response-auditor">{p.auditor.name}</span> },
          { label: 'Firm', value: p.auditor.firm },
          {
            label: 'E-mail',
            value: p.auditor.email || (
              <Text span size="sm" c="dimmed">
                Not given
              </Text>
            ),
          },
          {
            label: 'Engagement',
            value: (
              <span>
                {p.engagement || '—'}{' '}
                <Text span size="xs" c="dimmed">
                  (as the response names it; package {shortHash(p.manifestSha256)}, exported from
                  this vault)
                </Text>
              </span>
            ),
          },
          { label: 'File', value: props.fileName },
        ]}
      />
      <ResponseSigner preview={p} />
      {p.alreadyImported ? (
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle size={18} aria-hidden />}
          title="Nothing new: this response was imported before"
          data-testid="response-nothing-new"
        >
          <Text size="sm">
            All {plural(p.itemsAlreadyImported, 'item')} are in the vault already. Importing it
            again changes nothing.
          </Text>
        </Alert>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Importing it will add {plural(p.itemsNew, 'item')} from the auditor:
          </Text>
          <ResponseCounts counts={p.counts} />
          <Text size="xs" c="dimmed" data-testid="response-already">
            {p.itemsAlreadyImported > 0
              ? `${plural(p.itemsAlreadyImported, 'item')} imported before will be skipped. `
              : ''}
            Nothing else changes: your statuses, owners and threads stay as they are, and the
            auditor’s statuses never count towards readiness.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
