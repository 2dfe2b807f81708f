import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/provider';
import { DemoVaultDialog } from '../features/vault/DemoVaultDialog';
import { NewVaultDialog } from '../features/vault/NewVaultDialog';
import { OpenVaultDialog } from '../features/vault/OpenVaultDialog';
import { BackupsDialog } from '../features/vault/BackupsDialog';
import { CompactDialog } from '../features/vault/CompactDialog';
import { RollForwardDialog } from '../features/vault/RollForwardDialog';
import { HostStoppedDialog } from '../features/vault/HostStoppedDialog';
import { SaveCopyDialog } from '../features/vault/SaveCopyDialog';
import { StartScreen } from '../features/vault/StartScreen';
import { AuditorWorkbench } from '../features/auditor/AuditorWorkbench';
import { OpenPackageDialog } from '../features/auditor/OpenPackageDialog';
import { useAuditorPackage } from '../features/auditor/auditor-queries';
import { useAuditorBackground } from '../features/auditor/useAuditorBackground';
import { useVaultSession } from '../features/vault/session';
import { currentOpenId, useVault } from '../features/vault/store';
import { cachedVaultInfo } from '../features/vault/vault-info';
import { useRecentPalette } from '../features/vault/useRecentPalette';
import { HelpOverlay } from './HelpOverlay';
import { Palette } from './Palette';
import { PAGES, linkTo } from './routes';
import { notifyError } from './notify';
import { type ShortcutAction, useGlobalShortcuts } from './shortcuts';
import { Workbench } from './shell/Workbench';
import { stepById } from './steps';
import { useGlobalPalette } from './useGlobalPalette';
import { useUi } from './ui-store';

/** Reads where Attest stands, follows vault changes, and shows the start screen or workbench. */
export function App() {
  const status = useVault((s) => s.status);
  const openId = useVault((s) => s.app?.openId ?? null);
  const navigate = useNavigate();
  const previous = useRef(status);
  useGlobalPalette();
  useRecentPalette();
  useAuditorBackground();
  const auditing = useAuditorPackage();
  const pkg = status === 'closed' ? (auditing.data ?? null) : null;

  const client = useApi();
  const queries = useQueryClient();
  const session = useVaultSession();
  useEffect(() => {
    session.sync().catch(notifyError);
    const offChanged = client.subscribe('vault.changed', (change) => {
      session.onChanged(change).catch(notifyError);
    });
    // Whatever happened while the event stream was not listening, catch up with it.
    const offReconnect = client.onReconnect(() => {
      session.sync().catch(notifyError);
    });
    return () => {
      offChanged();
      offReconnect();
    };
  }, [client, session]);

  // A vault that has just been opened starts where its work is: the scoping wizard until the
  // scope is first confirmed (a new vault has nothing else to show), else its Dashboard.
  useEffect(() => {
    if (previous.current === 'closed' && status === 'open') {
      const info = cachedVaultInfo(queries, currentOpenId());
      const scoped = Boolean(info?.engagement.scopeConfirmedAt);
      navigate(scoped ? PAGES.dashboard : linkTo('scopeEdit'));
    }
    previous.current = status;
  }, [status, navigate, queries]);

  const onShortcut = useCallback(
    (action: ShortcutAction) => {
      if (action.type === 'help') useUi.getState().setHelpOpen(true);
      else if (useVault.getState().status === 'open') navigate(stepById(action.step).path);
    },
    [navigate],
  );
  useGlobalShortcuts(onShortcut);

  return (
    <>
      {status === 'starting' ? (
        <Center h="100%">
          <Loader aria-label="Starting Attest" />
        </Center>
      ) : status === 'open' ? (
        // Keyed by the opening: another vault opened over this one keeps the address (the screen
        // the user was on) but starts every screen afresh, so nothing chosen in the first vault
        // (a filter, a sort, an open row) is carried into the second.
        <Workbench key={openId} />
      ) : pkg ? (
        <AuditorWorkbench pkg={pkg} />
      ) : auditing.isPending ? (
        <Center h="100%">
          <Loader aria-label="Starting Attest" />
        </Center>
      ) : (
        <StartScreen />
      )}
      <NewVaultDialog />
      <DemoVaultDialog />
      <OpenVaultDialog />
      <OpenPackageDialog />
      <SaveCopyDialog />
      <CompactDialog />
      <RollForwardDialog />
      <BackupsDialog />
      <HostStoppedDialog />
      <HelpOverlay />
      <Palette />
    </>
  );
}
