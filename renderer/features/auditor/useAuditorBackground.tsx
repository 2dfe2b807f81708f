import { useQueryClient } from '@tanstack/react-query';
import { IconPackageImport } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useApi } from '../../api/provider';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { forgetPackageReads, useOpenAuditPackage } from './auditor-queries';
import { AUDIT_PATHS } from './audit-routes';
import { adoptOpenJob, chooseAuditPackage } from './open-package';

/**
 * What auditor mode needs whichever screen shows: "Open audit package…" in the palette; a package
 * opened by the desktop menu (its job, started in the main process, is followed here like one
 * started from this window); the first view of a package just opened; and nothing read of one
 * package shown for the next.
 */
export function useAuditorBackground(): void {
  const client = useApi();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pkg = useOpenAuditPackage();

  useEffect(() => {
    const off = client.subscribe('job.state', (s) => {
      if (s.kind === 'auditor.openPackage' && s.state === 'queued')
        void adoptOpenJob(client, queries, s.jobId);
    });
    return off;
  }, [client, queries]);

  // Another package (opened in another window, or by the menu) takes the previous one's reads.
  const manifest = pkg?.manifestSha256 ?? null;
  const shown = useRef(manifest);
  useEffect(() => {
    // (Not when the first answer arrives after a reload: nothing was read of another package.)
    if (shown.current !== null && manifest !== shown.current) forgetPackageReads(queries);
    shown.current = manifest;
  }, [manifest, queries]);

  // A package just opened starts at its check; a reload keeps the view it showed. One closed
  // elsewhere (the desktop menu) leaves its screens for the start screen.
  const openedPath = pkg?.path ?? null;
  const previous = useRef<string | null>(openedPath);
  useEffect(() => {
    if (openedPath && openedPath !== previous.current && !pathname.startsWith('/audit'))
      navigate(AUDIT_PATHS.overview);
    else if (!openedPath && previous.current && pathname.startsWith('/audit')) navigate('/');
    previous.current = openedPath;
  }, [openedPath, pathname, navigate]);

  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'auditor:open',
        group: 'Vault',
        label: 'Open audit package…',
        description: 'Check an audit package (.zip) and browse it read-only',
        keywords: ['auditor', 'zip', 'verify', 'package'],
        icon: <IconPackageImport size={18} stroke={1.6} aria-hidden />,
        run: () => void chooseAuditPackage(client, queries),
      },
    ],
    [client, queries],
  );
  usePaletteEntries('auditor', entries);
}
