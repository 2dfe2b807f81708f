import { EmptyState } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function EmptyFolder(props: { title: string; description: ReactNode }) {
  return (
    <EmptyState
      py="xl"
      icon={<IconFolderOpen size={24} stroke={1.5} />}
      variant="light"
      title={props.title}
      description={props.description}
    />
  );
}
