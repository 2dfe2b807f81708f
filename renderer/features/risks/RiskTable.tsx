import { Group, Paper, Table, Text } from '@mantine/core';
import type { Risk } from '../../../shared/api/risks';
import { formatDate } from '../../components/format';
import { RestoreButton } from '../../components/RestoreButton';
import { StatusBadge } from '../../components/status';
import '../../components/tables.css';
import { useRowKeyboard } from '../../components/useRowKeyboard';
import { useGaps } from '../gaps/gaps-store';
import { personName, usePeople } from '../people/people-store';
import { RiskScore } from './RiskScore';
import { RISK_CATEGORY_LABEL, TREATMENT_LABEL } from './risk-labels';
import { useRiskActions } from './risk-queries';

const SHOWN_REFS = 3;

/** "AC-01 AC-02 HR-10 +1": references never broken at their hyphen. */
function RefList(props: { refs: string[]; shown: number }) {
  const extra = props.refs.length - props.shown;
  return (
    <span title={props.refs.join(', ')}>
      {props.refs.slice(0, props.shown).map((ref) => (
        <span key={ref} style={{ whiteSpace: 'nowrap', marginRight: 6 }}>
          {ref}
        </span>
      ))}
      {extra > 0 && <span style={{ whiteSpace: 'nowrap' }}>+{extra}</span>}
    </span>
  );
}

/**
 * The register: one row per risk, highest residual first; Enter or a click opens it. Archived
 * risks (listed on request) are marked and offer Restore instead of opening.
 */
export function RiskTable(props: { risks: readonly Risk[]; onOpen(id: string): void }) {
  const people = usePeople((s) => s.items);
  const controls = useGaps((s) => s.controls);
  const { restore: restoreRisk } = useRiskActions();
  const refOf = (id: string) => controls.find((c) => c.id === id)?.ref ?? null;

  const { bodyProps, rowProps } = useRowKeyboard(props.risks.length, (i) => {
    if (!props.risks[i]!.archived) props.onOpen(props.risks[i]!.id);
  });

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
      <Table className="attest-table" verticalSpacing={8} fz="sm" data-testid="risk-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Risk</Table.Th>
            <Table.Th w={150}>Inherent</Table.Th>
            <Table.Th w={90}>Treatment</Table.Th>
            <Table.Th w={150}>Residual</Table.Th>
            <Table.Th w={130}>Owner</Table.Th>
            <Table.Th w={140}>Controls</Table.Th>
            <Table.Th w={110}>Review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody {...bodyProps}>
          {props.risks.map((r, i) => {
            const refs = r.controlIds.map(refOf).filter((x): x is string => x !== null);
            return (
              <Table.Tr
                key={r.id}
                {...rowProps(i)}
                data-risk={r.title}
                data-archived={r.archived || undefined}
                c={r.archived ? 'dimmed' : undefined}
              >
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {r.title}
                  </Text>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {RISK_CATEGORY_LABEL[r.category]}
                    </Text>
                    {r.archived && <StatusBadge tone="neutral">Archived</StatusBadge>}
                    {r.archived && (
                      <RestoreButton
                        what={r.title}
                        done="Risk restored to the register."
                        restore={() => restoreRisk(r.id)}
                      />
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <RiskScore likelihood={r.likelihood} impact={r.impact} />
                </Table.Td>
                <Table.Td>{TREATMENT_LABEL[r.treatment]}</Table.Td>
                <Table.Td>
                  <RiskScore likelihood={r.residualLikelihood} impact={r.residualImpact} />
                </Table.Td>
                <Table.Td c={r.ownerId ? undefined : 'dimmed'}>
                  {personName(people, r.ownerId) ?? 'No owner'}
                </Table.Td>
                <Table.Td className="attest-mono" fz="xs">
                  {refs.length === 0 ? '—' : <RefList refs={refs} shown={SHOWN_REFS} />}
                </Table.Td>
                <Table.Td c={r.reviewOn ? undefined : 'dimmed'}>
                  {r.reviewOn ? formatDate(r.reviewOn) : 'Not set'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {props.risks.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="xl">
          No risks here yet. Add one, or review the suggested risks above.
        </Text>
      )}
    </Paper>
  );
}
