import { Paper, Table, Text } from '@mantine/core';
import { type KeyboardEvent, useRef, useState } from 'react';
import type { Risk } from '../../../shared/api/risks';
import { formatDate } from '../../components/format';
import { useGaps } from '../gaps/gaps-store';
import { personName, usePeople } from '../gaps/people-store';
import { RiskScore } from './RiskScore';
import { RISK_CATEGORY_LABEL, TREATMENT_LABEL } from './risk-labels';

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

/** The register: one row per risk, highest residual first; Enter or a click opens it. */
export function RiskTable(props: { risks: readonly Risk[]; onOpen(id: string): void }) {
  const people = usePeople((s) => s.people);
  const controls = useGaps((s) => s.controls);
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const refOf = (id: string) => controls.find((c) => c.id === id)?.ref ?? null;

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(props.risks.length - 1, index));
    setActive(i);
    body.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent, index: number, id: string) => {
    if (e.key === 'ArrowDown' || e.key === 'j') focusRow(index + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') focusRow(index - 1);
    else if (e.key === 'Enter') props.onOpen(id);
    else return;
    e.preventDefault();
  };

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'clip' }}>
      <Table highlightOnHover verticalSpacing={8} fz="sm" data-testid="risk-table">
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
        <Table.Tbody ref={body}>
          {props.risks.map((r, i) => {
            const refs = r.controlIds.map(refOf).filter((x): x is string => x !== null);
            return (
              <Table.Tr
                key={r.id}
                data-index={i}
                data-risk={r.title}
                tabIndex={i === active ? 0 : -1}
                onFocus={() => setActive(i)}
                onKeyDown={(e) => onKey(e, i, r.id)}
                onClick={() => props.onOpen(r.id)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {r.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {RISK_CATEGORY_LABEL[r.category]}
                  </Text>
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
