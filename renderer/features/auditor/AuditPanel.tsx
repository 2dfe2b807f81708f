import { Anchor, Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PackageContents, PackageEvidence } from '../../../shared/api/methods/auditor';
import { packageFileUrl } from '../../api/download';
import { Facts } from '../../components/Facts';
import { Fingerprint } from '../../components/Fingerprint';
import { SideDrawer } from '../../components/SideDrawer';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { formatBytes, formatDate } from '../../components/format';
import { FilePreview } from '../evidence/EvidencePreview';
import { LinkAddress } from '../evidence/LinkAddress';
import { AUDIT_PATHS, type AuditRecord } from './audit-routes';
import { useAuditContents, useAuditDraft } from './auditor-queries';
import { Comments } from './CommentBox';
import { indexDraft } from './draft-view';
import { StatusChoice } from './StatusChoice';
import { useAuditPanel } from './use-audit-panel';

type Open = (kind: AuditRecord, id: string) => void;

/** References that open their record in the panel (a control named by a request, …). */
function RefLinks(props: { kind: AuditRecord; ids: readonly string[]; open: Open }) {
  if (props.ids.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={8}>
      {props.ids.map((id) => (
        <Anchor
          key={id}
          component="button"
          type="button"
          size="sm"
          className="attest-mono"
          onClick={() => props.open(props.kind, id)}
        >
          {id}
        </Anchor>
      ))}
    </Group>
  );
}

const EVIDENCE_COLUMNS: DataColumn<PackageEvidence>[] = [
  {
    id: 'id',
    header: 'Item',
    width: 96,
    cell: (e) => (
      <Text span size="sm" fw={600} className="attest-mono">
        {e.id}
      </Text>
    ),
  },
  {
    id: 'title',
    header: 'Title',
    cell: (e) => (
      <Text size="sm" lineClamp={2}>
        {e.title}
      </Text>
    ),
  },
  {
    id: 'size',
    header: 'Size',
    width: 90,
    align: 'right',
    cell: (e) => (
      <Text span size="xs" c="dimmed">
        {e.file ? formatBytes(e.file.size) : 'link'}
      </Text>
    ),
  },
];

/** The evidence answering a record; a row (click or Enter) opens it in the panel with its preview. */
function EvidenceList(props: { ids: readonly string[]; contents: PackageContents; open: Open }) {
  const byId = new Map(props.contents.evidence.map((e) => [e.id, e]));
  const items = props.ids.map((id) => byId.get(id)).filter((e): e is PackageEvidence => !!e);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Evidence
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No evidence in the package answers this.
        </Text>
      ) : (
        <DataTable
          label="Evidence"
          testId="audit-evidence-list"
          rows={items}
          rowId={(e) => e.id}
          columns={EVIDENCE_COLUMNS}
          rowLabel={(e) => `${e.id} ${e.title}`}
          onOpen={(e) => props.open('evidence', e.id)}
          rowHeight={41}
          maxHeight="320px"
        />
      )}
    </Stack>
  );
}

function Heading(props: { reference: string; title: string; badge?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" c="dimmed" className="attest-mono">
          {props.reference}
        </Text>
        {props.badge}
      </Group>
      <Title order={2} size="h4">
        {props.title}
      </Title>
    </Stack>
  );
}

const NOT_FOUND = (what: string) => (
  <Text size="sm" c="dimmed">
    {what} is not in this package.
  </Text>
);

/**
 * The side panel of auditor mode: the request, criterion, control or evidence item named in the
 * address, with everything it links to one click away, and the auditor's status and comments.
 */
export function AuditPanel() {
  const { shown, open, close } = useAuditPanel();
  const contents = useAuditContents().data;
  const draft = indexDraft(useAuditDraft().data?.items ?? []);
  let body: ReactNode = null;
  let label = '';
  if (shown && contents) {
    const { kind, id } = shown;
    if (kind === 'request') {
      const r = contents.requests.find((x) => x.ref === id);
      label = `Request ${id}`;
      body = !r ? (
        NOT_FOUND(`Request ${id}`)
      ) : (
        <Stack gap="md">
          <Heading reference={r.ref} title={r.title || r.description} />
          {r.description && r.description !== r.title && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.description}
            </Text>
          )}
          <Facts
            items={[
              { label: 'Due', value: r.dueOn ? formatDate(r.dueOn) : '—' },
              ...(r.type ? [{ label: 'Type', value: r.type }] : []),
              {
                label: 'Controls',
                value: <RefLinks kind="control" ids={r.controls} open={open} />,
              },
              {
                label: 'Criteria',
                value: <RefLinks kind="criterion" ids={r.criteria} open={open} />,
              },
            ]}
          />
          <EvidenceList ids={r.evidence} contents={contents} open={open} />
          <Divider />
          <StatusChoice requestRef={r.ref} value={draft.status.get(r.ref) ?? null} />
          <Comments
            on={{ requestRef: r.ref }}
            what={r.ref}
            comments={draft.requestComments.get(r.ref) ?? []}
          />
        </Stack>
      );
    } else if (kind === 'criterion') {
      const c = contents.criteria.find((x) => x.id === id);
      label = `Criterion ${id}`;
      body = !c ? (
        NOT_FOUND(`Criterion ${id}`)
      ) : (
        <Stack gap="md">
          <Heading reference={c.id} title={c.title} />
          <Facts
            items={[
              {
                label: 'Controls',
                value: <RefLinks kind="control" ids={c.controls} open={open} />,
              },
            ]}
          />
          <EvidenceList ids={c.evidence} contents={contents} open={open} />
        </Stack>
      );
    } else if (kind === 'control') {
      const c = contents.controls.find((x) => x.ref === id);
      label = `Control ${id}`;
      body = !c ? (
        NOT_FOUND(`Control ${id}`)
      ) : (
        <Stack gap="md">
          <Heading reference={c.ref} title={c.title} />
          <Facts
            items={[
              { label: 'Owner', value: c.owner ?? '—' },
              { label: 'Frequency', value: c.frequency ?? '—' },
              {
                label: 'Criteria',
                value: <RefLinks kind="criterion" ids={c.criteria} open={open} />,
              },
            ]}
          />
          <EvidenceList ids={c.evidence} contents={contents} open={open} />
        </Stack>
      );
    } else {
      const e = contents.evidence.find((x) => x.id === id);
      label = `Evidence ${id}`;
      body = !e ? (
        NOT_FOUND(`Evidence ${id}`)
      ) : (
        <Stack gap="md">
          <Heading
            reference={e.id}
            title={e.title}
            badge={
              e.kind !== 'evidence' ? (
                <Badge variant="light" color="gray" radius="sm">
                  {e.kind === 'population' ? 'Population' : 'Completeness support'}
                </Badge>
              ) : undefined
            }
          />
          {e.kind === 'population' && (
            <Anchor
              component={Link}
              to={`${AUDIT_PATHS.populations}?population=${encodeURIComponent(e.id)}`}
              size="sm"
            >
              Browse its rows and pick items to test
            </Anchor>
          )}
          {e.file && (
            <FilePreview
              file={{
                name: e.file.path.split('/').pop() ?? e.file.path,
                size: e.file.size,
                sha256: e.file.sha256,
                url: packageFileUrl(e.file.path),
                downloadUrl: packageFileUrl(e.file.path, { download: true }),
              }}
            />
          )}
          <Facts
            items={[
              ...(e.file
                ? [
                    {
                      label: 'In the package',
                      value: (
                        <Text span size="sm" className="attest-mono">
                          {e.file.path}
                        </Text>
                      ),
                    },
                    {
                      label: 'SHA-256',
                      value: <Fingerprint value={e.file.sha256} label="SHA-256" />,
                    },
                  ]
                : [
                    {
                      label: 'Link',
                      value: (
                        <Stack gap={4}>
                          <LinkAddress url={e.url ?? ''} />
                          <Text size="xs" c="dimmed">
                            A link is not in the package: what it shows now may differ from what the
                            consultant saw.
                          </Text>
                        </Stack>
                      ),
                    },
                  ]),
              ...(e.covers ? [{ label: 'Covers', value: e.covers }] : []),
              {
                label: 'Controls',
                value: <RefLinks kind="control" ids={e.controls} open={open} />,
              },
              {
                label: 'Requests',
                value: <RefLinks kind="request" ids={e.requests} open={open} />,
              },
            ]}
          />
          <Comments
            on={{ evidenceId: e.id }}
            what={e.id}
            comments={draft.evidenceComments.get(e.id) ?? []}
          />
        </Stack>
      );
    }
  }
  return (
    <SideDrawer
      opened={shown !== null}
      onClose={close}
      title={label}
      size="lg"
      data-testid="audit-panel"
    >
      {body}
    </SideDrawer>
  );
}
