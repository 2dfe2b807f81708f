import { AppShell, Box, ScrollArea } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { DashboardPage } from '../../features/dashboard/DashboardPage';
import { DocumentationPage } from '../../features/documentation/DocumentationPage';
import { ExportPage } from '../../features/export/ExportPage';
import { GapsPage } from '../../features/gaps/GapsPage';
import { ReadinessPage } from '../../features/readiness/ReadinessPage';
import { RemediationPage } from '../../features/remediation/RemediationPage';
import { ScopePage } from '../../features/scope/ScopePage';
import { Header } from './Header';
import { Nav } from './Nav';
import { useWorkbenchPalette } from './useWorkbenchPalette';

/** The frame around an open vault: header, step navigation, and the page. */
export function Workbench() {
  useWorkbenchPalette();
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
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
