import { Badge, Checkbox, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  type ControlFieldChange,
  LIBRARY_FIELD_LABELS,
} from '../../../../shared/api/catalog-update';

function Value({ value, field }: { value: ControlFieldChange['current']; field: string }) {
  if (value === null || value === '')
    return (
      <Text size="sm" c="dimmed">
        (none)
      </Text>
    );
  if (Array.isArray(value)) {
    return field === 'criteria' ? (
      <Text size="sm" className="attest-mono">
        {value.join(', ')}
      </Text>
    ) : (
      <List size="sm" spacing={2}>
        {value.map((v) => (
          <List.Item key={v}>{v}</List.Item>
        ))}
      </List>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {value}
    </Text>
  );
}

/** The side that will hold after the update is marked with a bar; the other stays plain. */
const kept = (wins: boolean) => ({
  paddingLeft: 'var(--mantine-spacing-xs)',
  borderLeft: `3px solid ${wins ? 'var(--mantine-color-blue-filled)' : 'transparent'}`,
});

/**
 * One field the catalog revised: the vault's text beside the catalog's. An unedited field simply
 * follows the catalog; an edited one is kept unless the user ticks "use the catalog's text".
 */
export function FieldChange(props: {
  change: ControlFieldChange;
  version: string;
  controlRef: string;
  taken: boolean;
  onTake(take: boolean): void;
}) {
  const { change } = props;
  const label = LIBRARY_FIELD_LABELS[change.field];
  const follows = !change.edited || props.taken;
  return (
    <Stack gap={6} data-testid={`change-${props.controlRef}-${change.field}`}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        {change.edited ? (
          <Badge variant="light" color={props.taken ? 'orange' : 'blue'} radius="sm">
            {props.taken ? 'Your edit will be replaced' : 'Edited here — kept'}
          </Badge>
        ) : (
          <Badge variant="light" color="gray" radius="sm">
            Follows the catalog
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <Stack gap={2} style={kept(!follows)}>
          <Text size="xs" c="dimmed">
            In this vault{follows ? '' : ' — kept'}
          </Text>
          <Value value={change.current} field={change.field} />
        </Stack>
        <Stack gap={2} style={kept(follows)}>
          <Text size="xs" c="dimmed">
            Catalog {props.version}
            {follows ? ' — applied' : ''}
          </Text>
          <Value value={change.library} field={change.field} />
        </Stack>
      </SimpleGrid>
      {change.edited && (
        <Checkbox
          size="xs"
          checked={props.taken}
          onChange={(e) => props.onTake(e.currentTarget.checked)}
          label={`Use the catalog’s ${label.toLowerCase()} for ${props.controlRef}`}
        />
      )}
    </Stack>
  );
}
