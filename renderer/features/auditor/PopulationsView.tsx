import { Badge, Button, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListCheck, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PackagePopulation, PopulationRows } from '../../../shared/api/methods/auditor';
import { MAX_PICKED_ROWS } from '../../../shared/domain/auditor/response';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';
import { formatDateRange, plural } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { NOTHING_SELECTED, type Selection } from '../../components/table/selection';
import { AuditPanel } from './AuditPanel';
import { useAuditContents, useAuditDraft } from './auditor-queries';
import { indexDraft } from './draft-view';
import { PickDialog } from './PickDialog';
import { usePopulationRows } from './population-rows';
import { useAuditPanel } from './use-audit-panel';

type Row = PopulationRows['rows'][number];

function PopulationRowsTable(props: { population: PackagePopulation }) {
  const { population } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const query = usePopulationRows(population.id, debounced);
  const [selection, setSelection] = useState<Selection>(NOTHING_SELECTED);
  const [picking, setPicking] = useState(false);
  const picked = indexDraft(useAuditDraft().data?.items ?? []).picked.get(population.id);
  const pages = query.data?.pages;
  const first = pages?.[0];
  const rows = useMemo(() => pages?.flatMap((p) => p.rows) ?? [], [pages]);
  const ticked = selection.kind === 'some' ? [...selection.ids] : [];

  const columns = useMemo<DataColumn<Row>[]>(() => {
    const cols: DataColumn<Row>[] = [
      {
        id: 'key',
        header: 'Row',
        width: 80,
        cell: (r) => (
          <Text span size="xs" className="attest-mono" c="dimmed">
            {r.key}
          </Text>
        ),
      },
      ...(first?.columns ?? []).map((name, i): DataColumn<Row> => ({
        id: `c${i}`,
        header: name,
        cell: (r) => (
          <Text span size="sm" lineClamp={1}>
            {r.cells[i] ?? ''}
          </Text>
        ),
      })),
      {
        id: 'flags',
        header: '',
        label: 'Notes',
        width: 150,
        cell: (r) => (
          <Group gap={4} wrap="nowrap">
            {picked?.has(r.key) && (
              <Badge size="sm" variant="light" color="teal" radius="sm">
                Picked
              </Badge>
            )}
            {r.outsideWindow && (
              <Badge size="sm" variant="light" color="red" radius="sm">
                Outside window
              </Badge>
            )}
          </Group>
        ),
      },
    ];
    return cols;
  }, [first?.columns, picked]);

  return (
    <Stack gap="sm">
      <TextInput
        aria-label="Search the rows"
        placeholder="Search the rows…"
        leftSection={<IconSearch size={15} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      {query.error ? (
        <Text c="red" size="sm" role="alert">
          {query.error.message}
        </Text>
      ) : !first ? (
        <Loader size="sm" aria-label="Reading the population" />
      ) : (
        <DataTable
          label={`Rows of ${population.title}`}
          testId="population-rows"
          rows={rows}
          rowId={(r) => r.key}
          rowLabel={(r) => `${r.key} ${r.cells.slice(0, 3).join(' ')}`}
          rowData={(r) => ({ 'data-outside': r.outsideWindow || undefined })}
          columns={columns}
          // Only loaded rows can be ticked: a pick names the rows the auditor saw.
          total={rows.length}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
          resetKey={debounced}
          selection={{
            value: selection,
            onChange: (next) => setSelection(next.kind === 'some' ? next : NOTHING_SELECTED),
            noun: ['row', 'rows'],
            actions: (
              <Button
                size="compact-sm"
                leftSection={<IconListCheck size={14} aria-hidden />}
                disabled={ticked.length > MAX_PICKED_ROWS}
                onClick={() => setPicking(true)}
              >
                Pick {plural(ticked.length, 'item')}…
              </Button>
            ),
          }}
          empty={debounced ? `No rows match “${debounced}”.` : 'This population has no rows.'}
          footer={
            <Text size="xs" c="dimmed" px="md" py={6}>
              {rows.length < first.total
                ? `${rows.length} of ${plural(first.total, 'row')} loaded — scroll for more`
                : plural(first.total, 'row')}
              {first.dateColumn ? ` · dated by “${first.dateColumn}”` : ''}
            </Text>
          }
        />
      )}
      <PickDialog
        opened={picking}
        population={population}
        rowKeys={ticked}
        onClose={() => setPicking(false)}
        onPicked={() => {
          setPicking(false);
          setSelection(NOTHING_SELECTED);
        }}
      />
    </Stack>
  );
}

/**
 * The populations in the package: pick one, read its rows, tick the ones to test and send them
 * to the consultant as a sample pick with the attribute to show for each.
 */
export function PopulationsView() {
  const contents = useAuditContents().data;
  const panel = useAuditPanel();
  // In the address, so a population's evidence panel can link here and a reload keeps it.
  const [params, setParams] = useSearchParams();
  const chosen = params.get('population');
  const setChosen = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('population', id);
      else next.delete('population');
      return next;
    });
  const populations = contents?.populations ?? [];
  const population = populations.find((p) => p.id === chosen) ?? populations[0] ?? null;
  return (
    <>
      <PageHeader
        title="Populations"
        purpose="The complete lists a control's occurrences are drawn from. Tick the rows you want to test and pick them: the consultant then provides evidence for each."
      />
      {!contents ? (
        <Loader size="sm" aria-label="Reading the package" />
      ) : !population ? (
        <StepEmpty
          icon={<IconListCheck size={28} stroke={1.5} />}
          title="No populations in this package"
          description="The consultant exported no population. Ask for one with a new request (By request → New request…) if you need to select items yourself."
        />
      ) : (
        <Stack gap="md">
          <Group align="flex-end" gap="lg">
            <Select
              label="Population"
              data={populations.map((p) => ({ value: p.id, label: `${p.id} — ${p.title}` }))}
              value={population.id}
              onChange={(v) => setChosen(v)}
              allowDeselect={false}
              w={420}
            />
          </Group>
          <Facts
            items={[
              {
                label: 'Rows',
                value: population.rows === null ? 'Not readable as a table' : population.rows,
              },
              ...(population.window
                ? [
                    {
                      label: 'Window',
                      value: formatDateRange(population.window.start, population.window.end),
                    },
                  ]
                : []),
              {
                label: 'Completeness',
                value:
                  population.support.length === 0 ? (
                    <Text span size="sm" c="red">
                      No completeness evidence in the package
                    </Text>
                  ) : (
                    <Group gap={8}>
                      {population.support.map((id) => (
                        <Button
                          key={id}
                          variant="subtle"
                          size="compact-sm"
                          className="attest-mono"
                          onClick={() => panel.open('evidence', id)}
                        >
                          {id}
                        </Button>
                      ))}
                    </Group>
                  ),
              },
            ]}
          />
          <PopulationRowsTable key={population.id} population={population} />
        </Stack>
      )}
      <AuditPanel />
    </>
  );
}
