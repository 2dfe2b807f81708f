import { Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceDetail } from '../../../shared/api/evidence';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import type { LinkOption } from '../requests/request-queries';

/**
 * For each linked automated control, whether the item is that control's configuration change
 * history rather than an instance of it (D1 item 4). Only automated controls are offered: a
 * manual control's evidence is its instances, and the core refuses the mark for one.
 */
export function EvidenceChangeHistory(props: {
  item: EvidenceDetail;
  controls: readonly LinkOption[];
}) {
  const { item } = props;
  const api = useApi();
  // Shown at once; the item re-read after the change confirms it (or puts back what is stored).
  const [shown, setShown] = useState(item.changeHistoryFor);
  const storedKey = item.changeHistoryFor.join();
  const [seen, setSeen] = useState(storedKey);
  if (seen !== storedKey) {
    setSeen(storedKey);
    setShown(item.changeHistoryFor);
  }
  const automated = props.controls.filter((c) => c.automated && item.controlIds.includes(c.id));
  if (automated.length === 0) return null;

  const toggle = async (id: string, on: boolean) => {
    const next = on ? [...shown, id] : shown.filter((x) => x !== id);
    setShown(next);
    try {
      await api.call('evidence.update', { id: item.id, patch: { changeHistoryFor: next } });
    } catch (e) {
      setShown(item.changeHistoryFor);
      notifyError(e);
    }
  };

  return (
    <Stack gap={6} data-testid="evidence-change-history">
      <div>
        <Text size="sm" fw={500}>
          Configuration change history
        </Text>
        <Text size="xs" c="dimmed">
          Tick a control when this item is the log of changes to its configuration over the period,
          not an instance of it. An automated control relied on for its configuration needs one.
        </Text>
      </div>
      {automated.map((c) => (
        <Checkbox
          key={c.id}
          size="sm"
          label={`${c.ref} ${c.title}`}
          checked={shown.includes(c.id)}
          onChange={(e) => void toggle(c.id, e.currentTarget.checked)}
          data-control-ref={c.ref}
        />
      ))}
    </Stack>
  );
}
