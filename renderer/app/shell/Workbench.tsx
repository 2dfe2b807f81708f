import { AppShell, Box, ScrollArea } from '@mantine/core';
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
import { Nav } from './Nav';
import { useWorkbenchPalette } from './useWorkbenchPalette';
import { useCatalogUpdateBackground } from '../../features/scope/catalog-update/useCatalogUpdateBackground';

/** The frame around an open vault: header, step navigation, and the page. */
export function Workbench() {
  useWorkbenchPalette();
  // Gap analysis and remediation: their palette entries and navigation status.
  useGapsWorkbench();
  useRemediationWorkbench();
  // Scope and people: criteria, controls and people in the palette; the Scope step's status.
  useScopeBackground();
  useCatalogUpdateBackground();
  usePeopleBackground();
  // The auditor's requests: in the palette, and the Documentation step's status.
  useRequestsBackground();
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
      <AppShell.Main className="attest-canvas">
        <Box px={32} py="xl" maw={1240}>
          <Routes>
            <Route path="/" element={<DashboardPage />} />
            <Route path="/scope" element={<ScopePage />} />
            <Route path="/gaps" element={<GapsPage />} />
            <Route path="/remediation" element={<RemediationPage />} />
            <Route path="/documentation" element={<DocumentationPage />} />
            <Route path="/readiness" element={<ReadinessPage />} />
            <Route path="/export" element={<ExportPage />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
