import { Button } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../app/notify';

/**
 * Puts an archived record back as it was (archive is never delete), from a table row: the click
 * does not open the row, and the button stays busy until the record is back.
 */
export function RestoreButton(props: {
  /** What is restored, for the accessible name: "Restore <what>". */
  what: string;
  /** Said once it is back, e.g. "T-004 is back in the plan." */
  done: string;
  restore(): Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="compact-xs"
      variant="light"
      leftSection={<IconRestore size={14} />}
      loading={busy}
      aria-label={`Restore ${props.what}`}
      onClick={async (e) => {
        e.stopPropagation();
        setBusy(true);
        try {
          await props.restore();
          notifySuccess(props.done);
        } catch (err) {
          notifyError(err);
          setBusy(false);
        }
      }}
    >
      Restore
    </Button>
  );
}
