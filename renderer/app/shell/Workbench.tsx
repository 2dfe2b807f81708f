import { AppShell, Box, ScrollArea } from '@mantine/core';
import { type ReactElement, useRef } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { DashboardPage } from '../../features/dashboard/DashboardPage';
import { DocumentationPage } from '../../features/documentation/DocumentationPage';
import { ExportPage } from '../../features/export/ExportPage';
import { GapsPage } from '../../features/gaps/GapsPage';
import { useGapsWorkbench } from '../../features/gaps/useGapsWorkbench';
import { ReadinessPage } from '../../features/readiness/ReadinessPage';
import { RemediationPage } from '../../features/remediation/RemediationPage';
import { useRemediationWorkbench } from '../../features/remediation/useRemediationWorkbench';
import { useRequestsBackground } from '../../features/requests/useRequestsBackground';
import { PeoplePage } from '../../features/people/PeoplePage';
import { usePeopleBackground } from '../../features/people/usePeopleBackground';
import { ScopePage } from '../../features/scope/ScopePage';
import { useScopeBackground } from '../../features/scope/useScopeBackground';
import { Header } from './Header';
import { PAGES, type PageId } from '../routes';
import { Nav } from './Nav';
import { useActionPalette } from './useActionPalette';
import { useStepOpensAtTop } from './useStepOpensAtTop';
import { useWorkbenchPalette } from './useWorkbenchPalette';
import { useCatalogUpdateBackground } from '../../features/scope/catalog-update/useCatalogUpdateBackground';

/** The screen of each routed page (routes.ts lists the pages; the compiler, that none is left out). */
const PAGE_ELEMENTS: Record<PageId, ReactElement> = {
  dashboard: <DashboardPage />,
  scope: <ScopePage />,
  gaps: <GapsPage />,
  remediation: <RemediationPage />,
  documentation: <DocumentationPage />,
  readiness: <ReadinessPage />,
  export: <ExportPage />,
  people: <PeoplePage />,
};

/** The frame around an open vault: header, step navigation, and the page. */
export function Workbench() {
  useWorkbenchPalette();
  useActionPalette();
  // Gap analysis and remediation: their palette entries and navigation status.
  useGapsWorkbench();
  useRemediationWorkbench();
  // Scope and people: criteria, controls and people in the palette; the Scope step's status.
  useScopeBackground();
  useCatalogUpdateBackground();
  usePeopleBackground();
  // The auditor's requests: in the palette, and the Documentation step's status.
  useRequestsBackground();
  const main = useRef<HTMLElement>(null);
  useStepOpensAtTop(main);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 0 }} padding={0} withBorder>
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Steps">
        <AppShell.Section grow component={ScrollArea} type="never">
          <Nav />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className="attest-canvas" ref={main}>
        <Box px={32} py="xl" maw={1240}>
          <Routes>
            {(Object.keys(PAGES) as PageId[]).map((id) => (
              <Route key={id} path={PAGES[id]} element={PAGE_ELEMENTS[id]} />
            ))}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
