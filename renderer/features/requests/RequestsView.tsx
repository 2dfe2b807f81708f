import { Button, Center, EmptyState, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconListSearch } from '@tabler/icons-react';
import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditRequest } from '../../../shared/api/requests';
import { notifyError } from '../../app/notify';
import { personName, usePeople } from '../people/people-store';
import { RequestDrawer } from './drawer/RequestDrawer';
import { useImportDialog } from './import/import-dialog';
import { useAllRequests, useAllRequestsError, useRequestPages } from './request-queries';
import { RequestFilters } from './table/RequestFilters';
import { RequestTable } from './table/RequestTable';
import { useRequestTable } from './table/request-table-store';
import { activeFilterCount } from './table/table-query';

/** The auditor's request list: filters that stay put, the table, and a request's drawer. */
export function RequestsView() {
  const { items: all, loaded } = useAllRequests();
  const table = useRequestTable();
  const people = usePeople((s) => s.items);
  const [params, setParams] = useSearchParams();
  const openId = params.get('request');
  // The server filters and sorts: a new filter or order reads the list afresh.
  const [filters] = useDebouncedValue(table.filters, 200);
  const { pages, loadMore, rows, total } = useRequestPages(filters, table.sort);
  const { data, hasNextPage, isFetchingNextPage } = pages;

  const allError = useAllRequestsError();
  const pageError = pages.error;
  useEffect(() => {
    if (allError) notifyError(allError);
  }, [allError]);
  useEffect(() => {
    if (pageError) notifyError(pageError);
  }, [pageError]);

  const ownerName = useCallback((r: AuditRequest) => personName(people, r.ownerId), [people]);

  const open = useCallback((id: string) => setParams({ request: id }), [setParams]);
  const close = useCallback(() => setParams({}), [setParams]);

  if (!loaded) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading the auditor’s requests" />
      </Center>
    );
  }
  if (all.length === 0) {
    return (
      <>
        <EmptyRequests />
        <RequestDrawer id={openId} onClose={close} />
      </>
    );
  }
  return (
    <Stack gap="sm">
      <RequestFilters all={all} />
      {!data ? (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading the requests" />
        </Center>
      ) : rows.length === 0 ? (
        <Paper withBorder radius="lg" py="xl" px="md" data-testid="no-matches">
          <Stack align="center" gap="xs">
            <IconListSearch size={24} stroke={1.5} aria-hidden />
            <Text size="sm">No request matches these filters.</Text>
            {activeFilterCount(table.filters) > 0 && (
              <Button size="xs" variant="subtle" onClick={table.clearFilters}>
                Clear filters
              </Button>
            )}
          </Stack>
        </Paper>
      ) : (
        <RequestTable
          rows={rows}
          total={total}
          overall={all.length}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={() => void loadMore()}
          sort={table.sort}
          onSort={table.setSort}
          selectedId={openId}
          onOpen={open}
          ownerName={ownerName}
          resetKey={`${table.sort.key}:${table.sort.dir}:${JSON.stringify(filters)}`}
        />
      )}
      <RequestDrawer id={openId} onClose={close} />
    </Stack>
  );
}

/** Nothing imported yet: what belongs here, and the action that fills it. */
function EmptyRequests() {
  const openImport = useImportDialog((s) => s.open);
  return (
    <Paper withBorder py={56} px="xl" data-testid="empty-state">
      <EmptyState
        icon={<IconFileImport size={26} stroke={1.5} />}
        variant="light"
        title="No requests from the auditor yet"
        description="When the auditor sends their request list (the PBC list), import it here as CSV or Excel. Each request keeps the auditor’s own number and columns; you add owners, due dates and a follow-up thread, then export it back."
        maw={540}
        mx="auto"
      >
        <EmptyState.Actions>
          <Button leftSection={<IconFileImport size={16} />} onClick={openImport}>
            Import the request list
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
