import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { EvidenceDetail } from '../../../shared/api/evidence';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { formatDate } from '../../components/format';
import { useVaultQuery } from '../vault/use-vault-query';

/**
 * The item's history: what it replaced, what replaced it, and marking it replaced by a newer
 * item (found by the server's search). The older item stays, marked.
 */
export function EvidenceSupersede(props: { item: EvidenceDetail; onOpen(id: string): void }) {
  const { item, onOpen } = props;
  const api = useApi();
  const [search, setSearch] = useState('');
  const [byId, setById] = useState<string | null>(null);
  const [query] = useDebouncedValue(search.trim(), 200);
  const found = useVaultQuery(
    'evidence.search',
    { query, limit: 20 },
    { enabled: query.length >= 2 },
  );
  const options = (found.data?.items ?? [])
    .filter((r) => r.id !== item.id)
    .map((r) => ({ value: r.id, label: `${r.ref} ${r.title}` }));

  const supersede = async () => {
    if (!byId) return;
    try {
      await api.call('evidence.supersede', { id: item.id, byId });
      notifySuccess(`${item.ref} is marked as superseded. It stays in the vault, marked.`);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="xs" data-testid="evidence-history">
      {item.supersedes.map((s) => (
        <Text key={s.id} size="sm">
          Replaces{' '}
          <Anchor component="button" size="sm" onClick={() => onOpen(s.id)}>
            {s.ref} {s.title}
          </Anchor>
        </Text>
      ))}
      {item.supersededById ? (
        <Text size="sm">
          Superseded{item.supersededOn ? ` on ${formatDate(item.supersededOn)}` : ''} by{' '}
          <Anchor component="button" size="sm" onClick={() => onOpen(item.supersededById!)}>
            the newer item
          </Anchor>
          .
        </Text>
      ) : (
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <Select
            label="Replaced by a newer item"
            placeholder="Search evidence by reference or words"
            searchable
            clearable
            style={{ flex: 1 }}
            searchValue={search}
            onSearchChange={setSearch}
            data={options}
            value={byId}
            onChange={setById}
            filter={({ options: o }) => o}
            nothingFoundMessage={query.length >= 2 ? 'Nothing found' : 'Type to search'}
            comboboxProps={{ withinPortal: true }}
          />
          <Button variant="default" disabled={!byId} onClick={() => void supersede()}>
            Mark as superseded
          </Button>
        </Group>
      )}
    </Stack>
  );
}
