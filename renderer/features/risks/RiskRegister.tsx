import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useNotifyReadError } from '../../app/use-read-error';
import { SectionCard } from '../../components/SectionCard';
import { nextSort } from '../../components/table/sort';
import { plural } from '../../components/format';
import { RiskAssessedOn } from './RiskAssessedOn';
import { RiskDrawer } from './RiskDrawer';
import { type MatrixCell, RiskMatrix } from './RiskMatrix';
import { StarterRisks } from './StarterRisks';
import { RiskTable } from './RiskTable';
import { type RiskSort, type RiskSortKey, useRiskPages, useRisks } from './risk-queries';

/** Highest residual first: what is left to worry about once controls work. */
const DEFAULT_SORT: RiskSort = { key: 'residual', dir: 'desc' };

/**
 * The risk register: when it was assessed, then the register itself (the main content, first),
 * the suggested risks (folded when many) and the matrices, whose cells filter the register.
 */
export function RiskRegister() {
  const { risks, archived, error } = useRisks();
  const [params, setParams] = useSearchParams();
  const [cell, setCell] = useState<MatrixCell | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [sort, setSort] = useState<RiskSort>(DEFAULT_SORT);
  // The matrix counts the register only: a chosen cell leaves archived risks out.
  const includeArchived = showArchived && !cell;
  const { pages, loadMore, rows: shown, total } = useRiskPages({ sort, cell, includeArchived });
  const { data, hasNextPage, isFetchingNextPage } = pages;
  useNotifyReadError(error ?? pages.error);
  const register = useRef<HTMLDivElement>(null);
  // The matrices sit below the register: a chosen cell brings the filtered register into view.
  const chooseCell = (next: MatrixCell | null) => {
    setCell(next);
    if (next) register.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const open = params.get('risk');
  const drawerRisk = open === 'new' ? null : (risks.find((r) => r.id === open) ?? undefined);

  return (
    <Stack gap="lg">
      <RiskAssessedOn />
      <div ref={register} style={{ scrollMarginTop: 72 }}>
        <SectionCard
          title="Register"
          testId="risk-register"
          action={
            <Group gap="md">
              <Switch
                label={archived.length > 0 ? `Show archived (${archived.length})` : 'Show archived'}
                checked={showArchived}
                onChange={(e) => setShowArchived(e.currentTarget.checked)}
                size="sm"
              />
              <Text size="sm" c="dimmed">
                {plural(risks.length, 'risk')}
              </Text>
            </Group>
          }
        >
          <Stack gap="sm">
            {cell && (
              <Group gap="xs">
                <Text size="sm">
                  Showing {plural(total, 'risk')} with {cell.kind} likelihood {cell.likelihood} and
                  impact {cell.impact}.
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconX size={14} />}
                  onClick={() => setCell(null)}
                >
                  Show all
                </Button>
              </Group>
            )}
            <RiskTable
              risks={shown}
              total={total}
              hasMore={hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={() => void loadMore()}
              sort={sort}
              onSort={(key: RiskSortKey) => setSort((s) => nextSort(s, key))}
              activeId={open}
              onOpen={(id) => setParams({ view: 'risks', risk: id })}
              resetKey={`${sort.key}:${sort.dir}:${includeArchived}:${JSON.stringify(cell)}`}
              loaded={data !== undefined}
            />
          </Stack>
        </SectionCard>
      </div>
      <StarterRisks />
      <SectionCard title="Risk matrix" testId="risk-matrix-card">
        <RiskMatrix risks={risks} selected={cell} onSelect={chooseCell} />
      </SectionCard>
      <RiskDrawer risk={drawerRisk} onClose={() => setParams({ view: 'risks' })} />
    </Stack>
  );
}
