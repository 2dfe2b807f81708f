import { Button, Group, Modal, Stepper } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconFileImport } from '@tabler/icons-react';
import { useMemo } from 'react';
import { plural } from '../../../components/format';
import { personName, usePeople } from '../../people/people-store';
import { controlRefs, useRequestLinks } from '../request-queries';
import { ChooseFileStep } from './ChooseFileStep';
import { ImportResult } from './ImportResult';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import type { PreviewContext } from './preview-values';
import { useImportWizard } from './useImportWizard';
import './import.css';

/**
 * Importing the auditor's request list, in four steps: choose the file, match its columns,
 * check the preview, import. A newer version of the list goes through the same steps; the
 * preview then counts what it updates.
 */
export function ImportWizard(props: { opened: boolean; onClose(): void }) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title="Import the auditor’s request list"
      size={1080}
      data-testid="import-wizard"
      closeOnClickOutside={false}
      classNames={{ content: 'attest-wizard-content', body: 'attest-wizard-body' }}
    >
      {props.opened && <WizardBody onClose={props.onClose} />}
    </Modal>
  );
}

const STEPS = ['Choose the file', 'Match the columns', 'Check the preview', 'Import'];

function usePreviewContext(): PreviewContext {
  const people = usePeople((s) => s.items);
  const { controls } = useRequestLinks();
  return useMemo(
    () => ({
      personName: (id) => personName(people, id),
      controlRefs: (ids) => controlRefs(controls, ids),
    }),
    [people, controls],
  );
}

function WizardBody({ onClose }: { onClose(): void }) {
  const wizard = useImportWizard();
  const ctx = usePreviewContext();
  const changes = wizard.preview ? wizard.preview.counts.new + wizard.preview.counts.updated : 0;
  const running = wizard.step === 3 && wizard.busy;

  return (
    <>
      <Stepper active={wizard.step} size="sm" mb="md" allowNextStepsSelect={false}>
        {STEPS.map((label) => (
          <Stepper.Step key={label} label={label} allowStepSelect={false} />
        ))}
      </Stepper>
      {/* Only the step scrolls: the steps above and the buttons below stay in view. */}
      <div
        key={wizard.step}
        className="attest-wizard-scroll"
        tabIndex={0}
        role="region"
        aria-label={STEPS[wizard.step]}
        data-testid="wizard-step"
      >
        {wizard.step === 0 && <ChooseFileStep wizard={wizard} />}
        {wizard.step === 1 && wizard.preview && <MappingStep wizard={wizard} ctx={ctx} />}
        {wizard.step === 2 && wizard.preview && <PreviewStep wizard={wizard} ctx={ctx} />}
        {wizard.step === 3 && <ImportResult wizard={wizard} />}
      </div>
      <Group justify="space-between" pt="md" className="attest-wizard-footer">
        {wizard.step === 1 || wizard.step === 2 ? (
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            onClick={wizard.back}
            disabled={wizard.busy}
          >
            {wizard.step === 1 ? 'Another file' : 'Back to the columns'}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="xs">
          {wizard.step < 3 && (
            <Button variant="subtle" color="gray" onClick={onClose} disabled={wizard.busy}>
              Cancel
            </Button>
          )}
          {wizard.step === 1 && (
            <Button
              onClick={() => void wizard.toPreview()}
              loading={wizard.busy}
              disabled={!wizard.choices.includes('ref')}
              rightSection={<IconArrowRight size={16} />}
            >
              Preview the import
            </Button>
          )}
          {wizard.step === 2 && (
            <Button
              onClick={() => void wizard.runImport()}
              leftSection={<IconFileImport size={16} />}
              data-testid="run-import"
            >
              {changes > 0 ? `Import ${plural(changes, 'request')}` : 'Import (nothing changes)'}
            </Button>
          )}
          {wizard.step === 3 && !running && (
            <>
              <Button variant="default" onClick={wizard.startOver}>
                Import another file
              </Button>
              <Button onClick={onClose} data-autofocus>
                Show the requests
              </Button>
            </>
          )}
        </Group>
      </Group>
    </>
  );
}
