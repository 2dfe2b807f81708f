import { Tabs } from '@mantine/core';
import { IconBook2, IconFileText, IconFlask, IconListCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { EvidenceView } from '../evidence/EvidenceView';
import { PoliciesView } from '../policies/PoliciesView';
import { ExportRequestsMenu } from '../requests/ExportRequestsMenu';
import { ImportMenu } from '../requests/ImportMenu';
import { ImportWizard } from '../requests/import/ImportWizard';
import { useImportDialog } from '../requests/import/import-dialog';
import { ImportResponseDialog } from '../requests/response/ImportResponseDialog';
import { useResponseDialog } from '../requests/response/response-dialog';
import { RequestsView } from '../requests/RequestsView';
import { useAllRequests } from '../requests/request-queries';
import { TestingView } from '../testing/TestingView';

/*
 * This step holds what the auditor asks for (their PBC list) and what answers it: the policies
 * and the evidence, and the management self-tests that rehearse the auditor's. One tab each, by the `tab` query parameter (routes.ts links into each).
 */

const TABS = ['requests', 'policies', 'evidence', 'testing'] as const;
type Tab = (typeof TABS)[number];
const tabOf = (value: string | null): Tab => TABS.find((t) => t === value) ?? 'requests';

export function DocumentationPage() {
  const step = stepById('documentation');
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const count = useAllRequests((s) => s.items.length);
  const importOpen = useImportDialog((s) => s.opened);
  const closeImport = useImportDialog((s) => s.close);
  const responseOpen = useResponseDialog((s) => s.opened);
  const closeResponse = useResponseDialog((s) => s.close);

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
              <ImportMenu />
            </>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(tabOf(v) === 'requests' ? {} : { tab: tabOf(v) })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="requests" leftSection={<IconListCheck size={15} aria-hidden />}>
            Auditor requests (PBC)
          </Tabs.Tab>
          <Tabs.Tab value="policies" leftSection={<IconBook2 size={15} aria-hidden />}>
            Policies
          </Tabs.Tab>
          <Tabs.Tab value="evidence" leftSection={<IconFileText size={15} aria-hidden />}>
            Evidence
          </Tabs.Tab>
          <Tabs.Tab value="testing" leftSection={<IconFlask size={15} aria-hidden />}>
            Testing
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests">
          <RequestsView />
        </Tabs.Panel>
        <Tabs.Panel value="policies">
          <PoliciesView />
        </Tabs.Panel>
        <Tabs.Panel value="evidence">
          <EvidenceView />
        </Tabs.Panel>
        <Tabs.Panel value="testing">
          <TestingView />
        </Tabs.Panel>
      </Tabs>
      <ImportWizard opened={importOpen} onClose={closeImport} />
      <ImportResponseDialog opened={responseOpen} onClose={closeResponse} />
    </>
  );
}
