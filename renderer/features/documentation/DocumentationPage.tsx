import { Button, Tabs } from '@mantine/core';
import { IconFileImport, IconFileText, IconListCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';
import { ExportRequestsMenu } from '../requests/ExportRequestsMenu';
import { ImportWizard } from '../requests/import/ImportWizard';
import { useImportDialog } from '../requests/import/import-dialog';
import { RequestsView } from '../requests/RequestsView';
import { useAllRequests } from '../requests/request-queries';

/*
 * For now this step holds what the auditor asks for (their PBC list); policies and evidence,
 * which answer those requests, join it later. Said as it is (the step's purpose, in steps.ts),
 * not shown as a screen that isn't.
 */

type Tab = 'requests' | 'evidence';

export function DocumentationPage() {
  const step = stepById('documentation');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'evidence' ? 'evidence' : 'requests';
  const count = useAllRequests((s) => s.items.length);
  const importOpen = useImportDialog((s) => s.opened);
  const openImport = useImportDialog((s) => s.open);
  const closeImport = useImportDialog((s) => s.close);

  return (
    <>
      <PageHeader
        title={step.label}
        purpose={step.purpose}
        step={step.number}
        action={
          tab === 'requests' && (
            <>
              <ExportRequestsMenu disabled={count === 0} />
              <Button leftSection={<IconFileImport size={16} />} onClick={openImport}>
                Import request list
              </Button>
            </>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'evidence' ? { tab: 'evidence' } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="requests" leftSection={<IconListCheck size={15} aria-hidden />}>
            Auditor requests (PBC)
          </Tabs.Tab>
          <Tabs.Tab value="evidence" leftSection={<IconFileText size={15} aria-hidden />}>
            Policies and evidence
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests">
          <RequestsView />
        </Tabs.Panel>
        <Tabs.Panel value="evidence">
          <StepEmpty
            icon={<IconFileText size={26} stroke={1.5} />}
            title="Policies and evidence arrive in a later version"
            description="Policies written from templates, and the evidence that shows each control operating, will be kept here and linked to the auditor’s requests. Until then, track what the auditor asked for under “Auditor requests”."
            compact
          />
        </Tabs.Panel>
      </Tabs>
      <ImportWizard opened={importOpen} onClose={closeImport} />
    </>
  );
}
