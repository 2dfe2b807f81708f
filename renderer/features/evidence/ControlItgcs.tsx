import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ControlItgcs as Itgcs } from '../../../shared/api/controls';
import { useApi } from '../../api/provider';
import { useApiQuery } from '../../api/queries';
import { notifyError } from '../../app/notify';
import { ControlsMultiSelect } from '../../components/ControlsMultiSelect';
import { StatusBadge } from '../../components/status';
import { useRequestLinks } from '../requests/request-queries';
import { useOpenId } from '../vault/store';
import { diffIds } from './EvidenceLinks';

const NONE: readonly string[] = [];

/** Why the automated control must be sampled, naming the relied-on controls not met. */
export function mustSampleSentence(itgcs: Itgcs): string | null {
  if (!itgcs.mustSample) return null;
  const unmet = itgcs.reliesOn.filter((r) => r.met === false).map((r) => r.ref);
  return `Must be sampled: ${unmet.join(', ')} ${unmet.length === 1 ? 'is' : 'are'} not met, so an auditor will not rely on this automated control’s configuration alone and will sample it like a manual control.`;
}

/**
 * The IT general controls an automated control relies on (change management, access), each met or not, and
 * whether the control must therefore be sampled. Each change saves at once.
 */
export function ControlItgcs(props: { controlId: string }) {
  const api = useApi();
  const openId = useOpenId();
  const { controls } = useRequestLinks();
  const query = useApiQuery(
    openId,
    'controls.itgcs',
    { id: props.controlId },
    {
      enabled: !!openId,
    },
  );
  const itgcs = query.data;
  const stored = itgcs?.reliesOn.map((r) => r.id) ?? NONE;
  // The choice shows at once; the answer re-read after each change confirms it (or, on a
  // refusal, puts back what is stored). Only a change of what is stored resets it.
  const storedKey = stored.join();
  const [shown, setShown] = useState<readonly string[]>(stored);
  const [seen, setSeen] = useState(storedKey);
  if (seen !== storedKey) {
    setSeen(storedKey);
    setShown(stored);
  }
  if (!itgcs) return null;

  const save = async (next: string[]) => {
    const { added, removed } = diffIds(shown, next);
    setShown(next);
    try {
      for (const reliesOnId of added)
        await api.call('controls.linkItgc', { id: props.controlId, reliesOnId });
      for (const reliesOnId of removed)
        await api.call('controls.unlinkItgc', { id: props.controlId, reliesOnId });
    } catch (e) {
      setShown(stored);
      notifyError(e);
    }
  };
  const sentence = mustSampleSentence(itgcs);

  return (
    <Stack gap="xs" data-testid="control-itgcs" data-state={itgcs.state}>
      <ControlsMultiSelect
        label="Relies on (IT general controls)"
        description="The change-management and access controls its configuration depends on"
        controls={controls.filter((c) => c.id !== props.controlId)}
        value={[...shown]}
        onChange={(ids) => void save(ids)}
        comboboxProps={{ withinPortal: true }}
      />
      {itgcs.reliesOn.length > 0 && (
        <Group gap={6}>
          {itgcs.reliesOn.map((r) => (
            <StatusBadge key={r.id} tone={r.met ? 'met' : r.met === null ? 'neutral' : 'missing'}>
              {`${r.ref} ${r.met ? 'met' : r.met === null ? 'archived' : 'not met'}`}
            </StatusBadge>
          ))}
        </Group>
      )}
      {sentence ? (
        <Text size="sm" fw={500} data-testid="must-sample">
          {sentence}
        </Text>
      ) : itgcs.state === 'effective' ? (
        <Text size="xs" c="dimmed">
          Every control it relies on is met: one instance in the period, with its configuration’s
          change history, evidences it.
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          Link the controls it relies on: if any of them is not met, it must be sampled.
        </Text>
      )}
    </Stack>
  );
}
