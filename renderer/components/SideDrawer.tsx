import { Drawer, type DrawerProps } from '@mantine/core';

/**
 * Detail beside a table or board (a record, a task, a risk): on the right, under a light veil
 * so the list stays readable beside the panel and the user keeps their place, with a named
 * close button. Esc closes it and gives focus back to what opened it.
 */
export function SideDrawer(props: DrawerProps) {
  return (
    <Drawer
      position="right"
      overlayProps={{ backgroundOpacity: 0.12 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      {...props}
    />
  );
}
