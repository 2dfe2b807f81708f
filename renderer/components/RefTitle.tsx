import { Badge, Group, Text } from '@mantine/core';

/** A drawer's heading for a referenced object: its reference (CC6.1, AC-04) and its title. */
export function RefTitle(props: { reference: string; title: string }) {
  return (
    <Group component="span" gap="sm" wrap="nowrap">
      <Badge
        component="span"
        variant="light"
        color="gray"
        radius="sm"
        size="lg"
        tt="none"
        className="attest-mono"
      >
        {props.reference}
      </Badge>
      <Text span fw={600} size="lg" lineClamp={1}>
        {props.title}
      </Text>
    </Group>
  );
}
