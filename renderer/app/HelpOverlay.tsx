import { Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { shortcutHelp } from './shortcuts';
import { useUi } from './ui-store';

/** The `?` overlay: every keyboard shortcut, grouped. */
export function HelpOverlay() {
  const open = useUi((s) => s.helpOpen);
  const setOpen = useUi((s) => s.setHelpOpen);
  return (
    <Modal
      opened={open}
      onClose={() => setOpen(false)}
      title="Keyboard shortcuts"
      size="xl"
      data-testid="help-overlay"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        {shortcutHelp().map((group) => (
          <Stack key={group.title} gap="xs">
            <Title order={2} size="h4" c="dimmed" tt="uppercase" fw={600} fz="xs">
              {group.title}
            </Title>
            <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0}>
              <Table.Tbody>
                {group.items.map((item) => (
                  <Table.Tr key={item.label}>
                    <Table.Td>
                      <Text size="sm">{item.label}</Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        {item.keys.map((combo, i) => (
                          <Fragment key={combo.join('+')}>
                            {i > 0 && (
                              <Text span size="xs" c="dimmed">
                                or
                              </Text>
                            )}
                            <Group gap={3} wrap="nowrap">
                              {combo.map((k) => (
                                <Kbd key={k} size="xs">
                                  {k}
                                </Kbd>
                              ))}
                            </Group>
                          </Fragment>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="lg">
        Press G, then the letter, one after the other. Shortcuts are paused while you type in a
        field.
      </Text>
    </Modal>
  );
}
