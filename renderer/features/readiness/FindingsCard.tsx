import { Anchor, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ReadinessView } from '../../../shared/api/readiness';
import { findingKey } from '../../../shared/domain/readiness/compare';
import { type Finding, SEVERITIES, type Severity } from '../../../shared/domain/readiness/finding';
import {
  RULE_GROUP,
  RULE_GROUPS,
  RULE_GROUP_LABEL,
  type RuleGroup,
} from '../../../shared/domain/readiness/groups';
import { OwnerFilter } from '../../components/OwnerFilter';
import { SectionCard } from '../../components/SectionCard';
import { SEVERITY_LABEL, SeverityBadge } from '../../components/status';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { usePeople } from '../people/people-store';
import { usePolicies } from '../policies/policy-queries';
import { useScopeControls } from '../scope/scope-queries';
import { fixTargetAddress, fixTargetLabel } from './fix-target-link';
import { type FindingFilters, filterFindings, ownerOfFinding } from './readiness-view';

interface Row extends Finding {
  id: string;
  /** What the rule asks ("Every control has an owner"). */
  ruleTitle: string;
}

const COLUMNS: DataColumn<Row>[] = [
  {
    id: 'severity',
    header: 'Severity',
    width: 104,
    cell: (f) => <SeverityBadge severity={f.severity} />,
  },
  {
    id: 'object',
    header: 'About',
    width: 260,
    cell: (f) => (
      <Stack gap={2}>
        <Text size="sm" fw={600} lineClamp={2} data-testid="finding-object">
          {f.object}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={2} data-testid="finding-rule">
          {f.ruleTitle}
        </Text>
      </Stack>
    ),
  },
  {
    id: 'message',
    header: 'What is wrong, and what to do',
    cell: (f) => (
      <Stack gap={2}>
        <Text size="sm">{f.message}</Text>
        <Text size="xs" c="dimmed">
          {f.fix}
        </Text>
      </Stack>
    ),
  },
  {
    id: 'fix',
    header: 'Fix it',
    width: 190,
    interactive: true,
    cell: (f) => (
      <Anchor component={Link} to={fixTargetAddress(f.target)} size="sm" data-testid="fix-link">
        {fixTargetLabel(f.target)} →
      </Anchor>
    ),
  },
];

type SeverityChoice = Severity | 'all';

/**
 * Every finding, blocking first (the domain's order), filtered by severity, area and owner.
 * The demo has hundreds: the shared table draws only the rows in view. Enter opens the screen
 * that fixes the finding under the cursor.
 */
export function FindingsCard({ readiness }: { readiness: ReadinessView }) {
  const navigate = useNavigate();
  const [severity, setSeverity] = useState<SeverityChoice>('all');
  const [group, setGroup] = useState<RuleGroup | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const people = usePeople((v) => v.items);
  const { controls } = useScopeControls();
  const { items: policies } = usePolicies(true);

  const owners = useMemo(
    () => ({
      controls: new Map(controls.map((c) => [c.id, c.ownerId])),
      policies: new Map(policies.map((p) => [p.id, p.ownerId])),
    }),
    [controls, policies],
  );
  const rows = useMemo<Row[]>(() => {
    const filters: FindingFilters = {
      severity: severity === 'all' ? null : severity,
      group,
      owner,
    };
    const titles = new Map(readiness.byRule.map((r) => [r.rule, r.title]));
    const seen = new Map<string, number>();
    return filterFindings(readiness.findings, filters, (f) => ownerOfFinding(f, owners)).map(
      (f) => {
        // One rule may raise two findings about one object: number the second.
        const key = `${findingKey(f)}\u0000${f.message}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        return {
          ...f,
          id: n === 1 ? key : `${key}\u0000${n}`,
          ruleTitle: titles.get(f.rule) ?? f.rule,
        };
      },
    );
  }, [readiness.findings, readiness.byRule, severity, group, owner, owners]);

  const groups = useMemo(
    () => RULE_GROUPS.filter((g) => readiness.findings.some((f) => RULE_GROUP[f.rule] === g)),
    [readiness.findings],
  );

  const total = readiness.findings.length;
  return (
    <SectionCard title="Findings" testId="readiness-findings">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label="Severity"
            value={severity}
            onChange={(v) => setSeverity(v as SeverityChoice)}
            data={[
              { value: 'all', label: `All ${total}` },
              ...SEVERITIES.map((s) => ({
                value: s,
                label: `${SEVERITY_LABEL[s]} ${readiness.counts[s]}`,
              })),
            ]}
          />
          <Select
            size="xs"
            aria-label="Area"
            placeholder="Any area"
            clearable
            data={groups.map((g) => ({ value: g, label: RULE_GROUP_LABEL[g] }))}
            value={group}
            onChange={(v) => setGroup(v as RuleGroup | null)}
            w={220}
          />
          <OwnerFilter
            size="xs"
            people={people}
            value={owner}
            onChange={setOwner}
            noOwnerOption
            w={200}
          />
          {rows.length !== total && (
            <Text size="xs" c="dimmed" data-testid="findings-shown">
              {rows.length} of {total} shown
            </Text>
          )}
        </Group>
        <DataTable
          label="Readiness findings"
          testId="findings-table"
          rows={rows}
          rowId={(r) => r.id}
          columns={COLUMNS}
          rowHeight={64}
          maxHeight="min(60dvh, 640px)"
          rowLabel={(r) => `${SEVERITY_LABEL[r.severity]}: ${r.object} — ${r.message}`}
          rowData={(r) => ({ 'data-severity': r.severity, 'data-rule': r.rule })}
          onOpen={(r) => void navigate(fixTargetAddress(r.target))}
          empty={
            <Text size="sm" c="dimmed" p="md">
              {total === 0
                ? 'No findings: every check the rules make passes as of this date.'
                : 'No finding matches these filters.'}
            </Text>
          }
        />
      </Stack>
    </SectionCard>
  );
}
