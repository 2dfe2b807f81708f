import { Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PeopleSortKey, Person } from '../../../shared/api/people';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';
import { plural } from '../../components/format';
import { type SortState, nextSort } from '../../components/table/sort';
import { PersonDrawer } from './PersonDrawer';
import { PeopleTable } from './PeopleTable';
import { usePeople, usePeoplePages, usePutPerson } from './people-store';

const BY_NAME: SortState<PeopleSortKey> = { key: 'name', dir: 'asc' };

/** The people directory: who owns, performs and reviews the work, and who is using Attest. */
export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const { items, currentPersonId, loaded } = usePeople();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [sort, setSort] = useState(BY_NAME);
  // A pause in typing asks the server, not every key.
  const [needle] = useDebouncedValue(search, 200);
  const { pages, loadMore, rows, total, stale } = usePeoplePages(needle, showArchived, sort);
  const { data, hasNextPage, isFetchingNextPage, error } = pages;
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);
  const target = params.get('person');
  const api = useApi();
  const put = usePutPerson();

  // The whole directory (read for the pickers anyway) gives the counts; the table pages its own.
  const archivedCount = items.filter((p) => p.archived).length;

  const open = useCallback(
    (id: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('person', id);
        else next.delete('person');
        return next;
      }),
    [setParams],
  );

  const openPerson = useCallback((p: Person) => open(p.id), [open]);
  const makeCurrent = useCallback(
    (p: Person) =>
      void api
        .call('people.setCurrent', { id: p.id })
        .then(() => notifySuccess(`You are ${p.name} from now on.`), notifyError),
    [api],
  );
  const archive = useCallback(
    (p: Person, archived: boolean) =>
      void api.call('people.archive', { id: p.id, archived }).then((saved) => {
        put(saved);
        notifySuccess(archived ? `Archived ${p.name}.` : `Restored ${p.name}.`);
      }, notifyError),
    [api, put],
  );

  const active = items.length - archivedCount;
  return (
    <>
      <PageHeader
        title="People"
        purpose="Everyone who owns, performs or reviews a control, and who you are: the audit log records your name against every change."
        action={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => open('new')}>
            Add person
          </Button>
        }
      />
      {loaded && items.length === 0 ? (
        <StepEmpty
          icon={<IconUsers size={22} stroke={1.5} />}
          title="No one here yet"
          description="Add the people who own, perform and review controls — usually a handful of leads. Then choose which of them you are."
        />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="md" wrap="nowrap">
              <TextInput
                aria-label="Search people"
                placeholder="Search name, email, role or team"
                leftSection={<IconSearch size={15} aria-hidden />}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                w={300}
              />
              {archivedCount > 0 && (
                <Switch
                  label={`Show archived (${archivedCount})`}
                  checked={showArchived}
                  onChange={(e) => setShowArchived(e.currentTarget.checked)}
                />
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {plural(active, 'person', 'people')}
            </Text>
          </Group>
          <PeopleTable
            people={rows}
            sort={sort}
            onSort={(key) => setSort((s) => nextSort(s, key))}
            total={total}
            stale={stale}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={() => void loadMore()}
            resetKey={`${sort.key}:${sort.dir}:${showArchived}:${needle}`}
            currentPersonId={currentPersonId}
            selectedId={target}
            onOpen={openPerson}
            onMakeCurrent={makeCurrent}
            onArchive={archive}
            empty={data ? `No one matches “${needle}”.` : undefined}
          />
        </Stack>
      )}
      <PersonDrawer target={target} onClose={() => open(null)} onCreated={(p) => open(p.id)} />
    </>
  );
}
