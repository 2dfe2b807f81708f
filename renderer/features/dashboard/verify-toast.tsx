import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import type { VerifyReport } from '../../../shared/api/vault';
import { PAGES } from '../../app/routes';
import { plural } from '../../components/format';

/**
 * "Verify vault" runs where the user is (the Dashboard, the Vault menu or the palette): nobody
 * is moved to another screen, so one toast says it is running and then gives the verdict. The
 * Integrity card on the Dashboard keeps the full report.
 */
export const VERIFY_TOAST = 'verify-toast';

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

export function showVerifyRunning(): void {
  notifications.show({
    id: VERIFY_TOAST,
    loading: true,
    title: 'Verifying the vault…',
    message: 'Checking the audit chain, every record and every stored file. Nothing is changed.',
    autoClose: false,
    withCloseButton: false,
    'data-testid': VERIFY_TOAST,
  });
}

export function showVerifyVerdict(report: VerifyReport): void {
  const verdict = verifyVerdict(report);
  notifications.update({
    id: VERIFY_TOAST,
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
    'data-testid': VERIFY_TOAST,
  });
}

/** Cancelled, failed (said already by its own notice) or about a vault no longer open. */
export function hideVerifyToast(): void {
  notifications.hide(VERIFY_TOAST);
}
