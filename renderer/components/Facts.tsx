import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A definition list of facts: label on the left, value on the right. */
export function Facts(props: { items: { label: string; value: ReactNode }[] }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
        columnGap: 'var(--mantine-spacing-lg)',
        rowGap: 'var(--mantine-spacing-xs)',
        alignItems: 'baseline',
      }}
    >
      {props.items.map((item) => (
        <Box key={item.label} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Box component="dd" m={0} fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {item.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
