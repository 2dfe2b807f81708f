import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/**
 * Something allowed but worth a second look (an unusual period, a late start, text older than the
 * answers): the status palette's yellow, with the warning icon, never blocking.
 */
export function WarningAlert(props: Omit<AlertProps, 'color' | 'variant' | 'icon'>) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      {...props}
    />
  );
}
