import { AppShell, Box, Center, Loader, ScrollArea } from '@mantine/core';
import { type ReactElement, Suspense, lazy, useRef } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useGapsWorkbench } from '../../features/gaps/useGapsWorkbench';
import { useRemediationWorkbench } from '../../features/remediation/useRemediationWorkbench';
import { useRequestsBackground } from '../../features/requests/useRequestsBackground';
import { usePeopleBackground } from '../../features/people/usePeopleBackground';
import { useReadinessBackground } from '../../features/readiness/useReadinessBackground';
import { useTestingBackground } from '../../features/testing/useTestingBackground';
import { usePoliciesBackground } from '../../features/policies/usePoliciesBackground';
import { useScopeBackground } from '../../features/scope/useScopeBackground';
import { Header } from './Header';
import { PAGES, type PageId } from '../routes';
import { Nav } from './Nav';
import { useActionPalette } from './useActionPalette';
import { useStepOpensAtTop } from './useStepOpensAtTop';
import { useWorkbenchPalette } from './useWorkbenchPalette';
import { useCatalogUpdateBackground } from '../../features/scope/catalog-update/useCatalogUpdateBackground';

// Each step's screen is its own chunk, loaded when first opened: the window starts with the
// frame only (S2: one 1.7 MB bundle before).
const DashboardPage = lazy(() =>
  import('../../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const ScopePage = lazy(() =>
  import('../../features/scope/ScopePage').then((m) => ({ default: m.ScopePage })),
);
const GapsPage = lazy(() =>
  import('../../features/gaps/GapsPage').then((m) => ({ default: m.GapsPage })),
);
const RemediationPage = lazy(() =>
  import('../../features/remediation/RemediationPage').then((m) => ({
    default: m.RemediationPage,
  })),
);
const DocumentationPage = lazy(() =>
  import('../../features/documentation/DocumentationPage').then((m) => ({
    default: m.DocumentationPage,
  })),
);
const ReadinessPage = lazy(() =>
  import('../../features/readiness/ReadinessPage').then((m) => ({ default: m.ReadinessPage })),
);
const ExportPage = lazy(() =>
  import('../../features/export/ExportPage').then((m) => ({ default: m.ExportPage })),
);
const PeoplePage = lazy(() =>
  import('../../features/people/PeoplePage').then((m) => ({ default: m.PeoplePage })),
);

const HistoryPage = lazy(() =>
  import('../../features/history/HistoryPage').then((m) => ({ default: m.HistoryPage })),
);

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
  history: <HistoryPage />,
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
  // The policy library: each policy and "New policy from template" in the palette.
  usePoliciesBackground();
  // Readiness: the latest frozen review in the navigation.
  useReadinessBackground();
  // Self-testing: the sample-size table in the palette.
  useTestingBackground();
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
          <Suspense
            fallback={
              <Center py="xl">
                <Loader size="sm" aria-label="Opening the page" />
              </Center>
            }
          >
            <Routes>
              {(Object.keys(PAGES) as PageId[]).map((id) => (
                <Route key={id} path={PAGES[id]} element={PAGE_ELEMENTS[id]} />
              ))}
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
