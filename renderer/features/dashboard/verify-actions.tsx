import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import type { VerifyReport } from '../../../shared/api/vault';
import { PAGES } from '../../app/routes';
import { plural } from '../../components/format';
import { useVault } from '../vault/store';
import { useVerify } from './verify-store';

const TOAST = 'verify-toast';

/** The verdict in a sentence, for the toast (the Dashboard's Integrity card has the detail). */
export function verifyVerdict(report: VerifyReport): { title: string; message: string } {
  if (report.ok) {
    return {
      title: 'The vault is sound',
      message: `Checked ${plural(report.checked.rows, 'record')} and ${plural(report.checked.blobs, 'stored file')}; nothing changed outside Attest.`,
    };
  }
  return {
    title: `${plural(report.problems.length, 'problem')} found`,
    message: 'Something in this vault changed outside Attest.',
  };
}

/**
 * Starts "Verify vault" for the open vault, from wherever the user is (the Dashboard, the Vault
 * menu or the palette): nobody is moved to another screen. A toast says it is running and then
 * gives the verdict; the Integrity card on the Dashboard keeps the full report.
 */
export function runVerify(): void {
  const path = useVault.getState().info?.path;
  if (!path || useVerify.getState().running) return;
  notifications.show({
    id: TOAST,
    loading: true,
    title: 'Verifying the vault…',
    message: 'Checking the audit chain, every record and every stored file. Nothing is changed.',
    autoClose: false,
    withCloseButton: false,
    'data-testid': TOAST,
  });
  void useVerify
    .getState()
    .run(path)
    .then(() => {
      const { report, vaultPath } = useVerify.getState();
      // Cancelled or failed: that has been said already.
      if (!report || vaultPath !== path) {
        notifications.hide(TOAST);
        return;
      }
      const verdict = verifyVerdict(report);
      notifications.update({
        id: TOAST,
        loading: false,
        color: report.ok ? 'teal' : 'red',
        icon: report.ok ? (
          <IconShieldCheck size={18} aria-hidden />
        ) : (
          <IconAlertTriangle size={18} aria-hidden />
        ),
        title: verdict.title,
        message: (
          <Text size="sm">
            {verdict.message}{' '}
            {!report.ok && (
              <Anchor href={`#${PAGES.dashboard}`} size="sm">
                See the problems on the Dashboard
              </Anchor>
            )}
          </Text>
        ),
        autoClose: report.ok ? 6000 : false,
        withCloseButton: true,
        'data-testid': TOAST,
      });
    });
}
