import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconChevronDown, IconFileCheck, IconFileImport } from '@tabler/icons-react';
import { useImportDialog } from './import/import-dialog';
import { useResponseDialog } from './response/response-dialog';

/**
 * The page's primary action, importing the request list, with the auditor's response beside it
 * in the same split button: both bring the auditor's words in, and the header has room for one.
 */
export function ImportMenu() {
  const openImport = useImportDialog((s) => s.open);
  const openResponse = useResponseDialog((s) => s.open);
  return (
    <Group gap={0} wrap="nowrap">
      <Button
        leftSection={<IconFileImport size={16} />}
        onClick={openImport}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        Import request list
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon
            variant="filled"
            size={36}
            aria-label="More to import"
            style={{
              borderTopLeftRadius: 0,
              borderBottomLeftRadius: 0,
              borderLeft: '1px solid var(--mantine-color-body)',
            }}
          >
            <IconChevronDown size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileImport size={16} />} onClick={openImport}>
            Import request list…
          </Menu.Item>
          <Menu.Item leftSection={<IconFileCheck size={16} />} onClick={openResponse}>
            Import auditor’s response…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
