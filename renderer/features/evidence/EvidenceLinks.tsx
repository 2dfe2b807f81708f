import { MultiSelect, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { EvidenceDetail } from '../../../shared/api/evidence';
import { useApi } from '../../api/provider';
import { notifyError, notifyWarning } from '../../app/notify';
import { ControlsMultiSelect } from '../../components/ControlsMultiSelect';
import { useAllRequests, useRequestLinks } from '../requests/request-queries';
import { EvidenceChangeHistory } from './EvidenceChangeHistory';

/** What changed between two lists of ids: added and removed. */
export function diffIds(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((id) => !before.includes(id)),
    removed: before.filter((id) => !after.includes(id)),
  };
}

/** The controls and auditor requests an item is evidence for; each change saves at once. */
export function EvidenceLinks({ item }: { item: EvidenceDetail }) {
  const api = useApi();
  const { controls } = useRequestLinks();
  const requests = useAllRequests((s) => s.items);
  const requestData = useMemo(
    () => requests.map((r) => ({ value: r.id, label: `${r.ref} ${r.description.slice(0, 80)}` })),
    [requests],
  );

  // The choice shows at once; the item re-read after the change confirms it (or, on a refusal,
  // puts back what is stored).
  const [shown, setShown] = useState({ controlIds: item.controlIds, requestIds: item.requestIds });
  const storedKey = `${item.controlIds.join()}|${item.requestIds.join()}`;
  // What is stored changed (not every re-read of the same item): show it.
  const [seen, setSeen] = useState(storedKey);
  if (seen !== storedKey) {
    setSeen(storedKey);
    setShown({ controlIds: item.controlIds, requestIds: item.requestIds });
  }

  const save = async (kind: 'controlIds' | 'requestIds', next: string[]) => {
    const { added, removed } = diffIds(shown[kind], next);
    setShown((s) => ({ ...s, [kind]: next }));
    try {
      if (added.length) {
        const linked = await api.call('evidence.link', {
          id: item.id,
          controlIds: [],
          requestIds: [],
          [kind]: added,
        });
        // Linking a control its reviewer performs or owns withdraws the review (Attest says why
        // on the review itself; here, that it happened).
        if (item.reviewerId && linked.reviewerId === null) {
          notifyWarning(
            'The review was withdrawn: the reviewer performs or owns a control now linked, so their review would not count.',
          );
        }
      }
      if (removed.length)
        await api.call('evidence.unlink', {
          id: item.id,
          controlIds: [],
          requestIds: [],
          [kind]: removed,
        });
    } catch (e) {
      setShown({ controlIds: item.controlIds, requestIds: item.requestIds });
      notifyError(e);
    }
  };

  return (
    <Stack gap="md" data-testid="evidence-links">
      <ControlsMultiSelect
        label="Controls"
        description="The controls this shows operating"
        controls={controls}
        value={shown.controlIds}
        onChange={(ids) => void save('controlIds', ids)}
        comboboxProps={{ withinPortal: true }}
      />
      <EvidenceChangeHistory item={item} controls={controls} />
      <MultiSelect
        label="Auditor requests"
        description="The requests on the auditor’s list it answers"
        searchable
        clearable
        hidePickedOptions
        placeholder={shown.requestIds.length ? undefined : 'Search requests'}
        data={requestData}
        value={shown.requestIds}
        onChange={(ids) => void save('requestIds', ids)}
        comboboxProps={{ withinPortal: true }}
        nothingFoundMessage="No request by that reference"
      />
    </Stack>
  );
}
