import { Badge, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PackageContents } from '../../../shared/api/methods/auditor';
import { PageHeader } from '../../components/PageHeader';
import type { DataColumn } from '../../components/table/DataTable';
import { formatDate } from '../../components/format';
import { useAuditContents, useAuditDraft } from './auditor-queries';
import { AuditPanel } from './AuditPanel';
import { BrowseTable } from './BrowseTable';
import { NewRequestButton } from './NewRequestDialog';
import { STATUS_LABELS, indexDraft } from './draft-view';
import { useAuditPanel } from './use-audit-panel';

type Request = PackageContents['requests'][number];
type Criterion = PackageContents['criteria'][number];
type Control = PackageContents['controls'][number];

const mono = (text: string) => (
  <Text span size="sm" className="attest-mono">
    {text}
  </Text>
);
const count = (n: number) => (
  <Text span size="sm" c={n === 0 ? 'dimmed' : undefined}>
    {n}
  </Text>
);
const refs = (list: readonly string[]) => (
  <Text span size="xs" className="attest-mono" c="dimmed" lineClamp={1}>
    {list.join(', ') || '—'}
  </Text>
);

/** The package's contents once read; until then a loader, and a read error said in words. */
function WithContents(props: { children(contents: PackageContents): ReactNode }) {
  const { data, error } = useAuditContents();
  if (error)
    return (
      <Text c="red" size="sm" role="alert">
        {error.message}
      </Text>
    );
  if (!data) return <Loader size="sm" aria-label="Reading the package" />;
  return <>{props.children(data)}</>;
}

export function RequestsBrowse() {
  const panel = useAuditPanel();
  const draft = useAuditDraft().data;
  const status = indexDraft(draft?.items ?? []).status;
  const columns: DataColumn<Request>[] = [
    { id: 'ref', header: 'Request', width: 120, cell: (r) => mono(r.ref) },
    {
      id: 'title',
      header: 'Title',
      cell: (r) => <Text size="sm">{r.title || r.description}</Text>,
    },
    {
      id: 'due',
      header: 'Due',
      width: 120,
      cell: (r) => (r.dueOn ? formatDate(r.dueOn) : '—'),
    },
    { id: 'evidence', header: 'Evidence', width: 90, cell: (r) => count(r.evidence.length) },
    {
      id: 'status',
      header: 'Your status',
      width: 120,
      cell: (r) => {
        const s = status.get(r.ref);
        return s ? (
          <Badge variant="light" color={s === 'accepted' ? 'teal' : 'yellow'} radius="sm">
            {STATUS_LABELS[s]}
          </Badge>
        ) : (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        );
      },
    },
  ];
  return (
    <>
      <PageHeader
        title="By request"
        purpose="Your request list as the consultant answered it: open a request to see its evidence, comment on it, or mark it accepted or for follow-up."
        action={<NewRequestButton />}
      />
      <WithContents>
        {(c) => (
          <BrowseTable
            label="Requests"
            testId="audit-requests"
            rows={c.requests}
            rowId={(r) => r.ref}
            rowLabel={(r) => `${r.ref} ${r.title}`}
            searchText={(r) => `${r.ref} ${r.title} ${r.description} ${r.controls.join(' ')}`}
            columns={columns}
            noun={['request', 'requests']}
            onOpen={(r) => panel.open('request', r.ref)}
            activeId={panel.shown?.kind === 'request' ? panel.shown.id : null}
            empty="This package holds no request list: browse it by criterion or by control, or add a new request."
          />
        )}
      </WithContents>
      <AuditPanel />
    </>
  );
}

export function CriteriaBrowse() {
  const panel = useAuditPanel();
  const columns: DataColumn<Criterion>[] = [
    { id: 'id', header: 'Criterion', width: 110, cell: (r) => mono(r.id) },
    { id: 'title', header: 'Title', cell: (r) => <Text size="sm">{r.title}</Text> },
    { id: 'controls', header: 'Controls', width: 90, cell: (r) => count(r.controls.length) },
    { id: 'evidence', header: 'Evidence', width: 90, cell: (r) => count(r.evidence.length) },
  ];
  return (
    <>
      <PageHeader
        title="By criterion"
        purpose="The trust services criteria in scope, each with the controls that serve it and their evidence."
      />
      <WithContents>
        {(c) => (
          <BrowseTable
            label="Criteria"
            testId="audit-criteria"
            rows={c.criteria}
            rowId={(r) => r.id}
            rowLabel={(r) => `${r.id} ${r.title}`}
            searchText={(r) => `${r.id} ${r.title} ${r.controls.join(' ')}`}
            columns={columns}
            noun={['criterion', 'criteria']}
            onOpen={(r) => panel.open('criterion', r.id)}
            activeId={panel.shown?.kind === 'criterion' ? panel.shown.id : null}
            empty="No criterion is named in this package."
          />
        )}
      </WithContents>
      <AuditPanel />
    </>
  );
}

export function ControlsBrowse() {
  const panel = useAuditPanel();
  const columns: DataColumn<Control>[] = [
    { id: 'ref', header: 'Control', width: 100, cell: (r) => mono(r.ref) },
    { id: 'title', header: 'Title', cell: (r) => <Text size="sm">{r.title}</Text> },
    { id: 'owner', header: 'Owner', width: 160, cell: (r) => r.owner ?? '—' },
    { id: 'frequency', header: 'Frequency', width: 120, cell: (r) => r.frequency ?? '—' },
    { id: 'criteria', header: 'Criteria', width: 150, cell: (r) => refs(r.criteria) },
    { id: 'evidence', header: 'Evidence', width: 90, cell: (r) => count(r.evidence.length) },
  ];
  return (
    <>
      <PageHeader
        title="By control"
        purpose="The controls in scope, with their owner, how often they operate and the evidence of each."
      />
      <WithContents>
        {(c) => (
          <BrowseTable
            label="Controls"
            testId="audit-controls"
            rows={c.controls}
            rowId={(r) => r.ref}
            rowLabel={(r) => `${r.ref} ${r.title}`}
            searchText={(r) => `${r.ref} ${r.title} ${r.owner ?? ''} ${r.criteria.join(' ')}`}
            columns={columns}
            noun={['control', 'controls']}
            onOpen={(r) => panel.open('control', r.ref)}
            activeId={panel.shown?.kind === 'control' ? panel.shown.id : null}
            empty="No control is named in this package."
          />
        )}
      </WithContents>
      <AuditPanel />
    </>
  );
}
