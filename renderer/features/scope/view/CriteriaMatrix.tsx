import { Badge, Group, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { StatusBadge } from '../../../components/status';
import '../../../components/tables.css';
import { useScopeControls, useScopeCriteria, useSystemDescription } from '../scope-queries';
import { MAPPING, carvedOutMap, matrixGroups } from './matrix';
import { useScopeView } from './view-store';

/** Rows: in-scope criteria by group; cells: the controls mapped to each. */
export function CriteriaMatrix(props: {
  selected: string | null;
  onCriterion(id: string): void;
  onControl(id: string): void;
}) {
  const { criteria } = useScopeCriteria();
  const { controls } = useScopeControls();
  const subservices = useSystemDescription()?.subservices;
  const filters = useScopeView((s) => s.matrix);
  const groups = useMemo(
    () => matrixGroups(criteria, controls, carvedOutMap(subservices ?? []), filters),
    [criteria, controls, subservices, filters],
  );

  if (groups.length === 0) {
    return (
      <Paper withBorder p="xl" radius="lg">
        <Text size="sm" c="dimmed" ta="center">
          {filters.unmappedOnly
            ? 'Every criterion shown has a control mapped to it.'
            : 'No criterion matches these filters.'}
        </Text>
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
      <Table
        className="attest-table"
        stickyHeader
        stickyHeaderOffset={56}
        data-testid="criteria-matrix"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="38%">Criterion</Table.Th>
            <Table.Th w={120}>Mapping</Table.Th>
            <Table.Th>Controls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Fragment key={g.groupId}>
              <Table.Tr className="attest-group-row">
                <Table.Td colSpan={3}>
                  {g.groupId} · {g.groupTitle}
                </Table.Td>
              </Table.Tr>
              {g.rows.map((row) => {
                const c = row.criterion;
                return (
                  <Table.Tr
                    key={c.id}
                    data-selected={props.selected === c.id}
                    data-testid="matrix-row"
                    data-criterion={c.id}
                  >
                    <Table.Td>
                      <UnstyledButton
                        onClick={() => props.onCriterion(c.id)}
                        aria-label={`${c.id} ${c.title}`}
                        style={{ display: 'block' }}
                      >
                        <Group gap={8} wrap="nowrap" align="baseline">
                          <Text
                            size="sm"
                            fw={600}
                            className="attest-mono"
                            w={52}
                            style={{ flexShrink: 0 }}
                          >
                            {c.id}
                          </Text>
                          <Text size="sm">{c.title}</Text>
                        </Group>
                      </UnstyledButton>
                      {row.carvedOutTo.length > 0 && (
                        <Text size="xs" c="dimmed" ml={60}>
                          Carved out · {row.carvedOutTo.join(', ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge tone={MAPPING[row.status].tone}>
                        {MAPPING[row.status].label}
                      </StatusBadge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {row.controls.map((ctl) => (
                          <Badge
                            key={ctl.id}
                            component="button"
                            type="button"
                            variant="default"
                            radius="sm"
                            size="md"
                            tt="none"
                            fw={500}
                            className="attest-mono attest-chip"
                            title={ctl.title}
                            aria-label={`${ctl.ref} ${ctl.title}`}
                            onClick={() => props.onControl(ctl.id)}
                          >
                            {ctl.ref}
                          </Badge>
                        ))}
                        {row.controls.length === 0 && (
                          <Text size="xs" c="dimmed">
                            {row.status === 'not_relevant' ? c.notRelevantReason : '—'}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
