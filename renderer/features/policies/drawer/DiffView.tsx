import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Output } from '../../../../shared/api/index';
import type { PolicyVersionSummary } from '../../../../shared/api/policies';
import { useApiQuery } from '../../../api/queries';
import { formatDate } from '../../../components/format';
import { useOpenId } from '../../vault/store';
import { type Line, type Shown, foldUnchanged, removedFirst } from './diff-fold';

type Diff = Output<'policies.diff'>;

const label = (v: PolicyVersionSummary) =>
  `Version ${v.number} · ${v.approvedOn ? `approved ${formatDate(v.approvedOn)}` : 'draft'}`;

/** A readable redline between any two versions: lines added, removed, and words changed. */
export function VersionDiff(props: { versions: PolicyVersionSummary[] }) {
  const { versions } = props;
  const [fromId, setFromId] = useState<string | null>(versions[1]?.id ?? null);
  const [toId, setToId] = useState<string | null>(versions[0]?.id ?? null);
  const openId = useOpenId();
  const ready = !!fromId && !!toId && fromId !== toId;
  const diff = useApiQuery(
    openId,
    'policies.diff',
    { fromVersionId: fromId ?? '', toVersionId: toId ?? '' },
    { enabled: ready && !!openId },
  ).data;
  const data = versions.map((v) => ({ value: v.id, label: label(v) }));
  if (versions.length < 2)
    return (
      <Text size="sm" c="dimmed">
        A comparison needs two versions: edit the approved one to start the next.
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="policy-diff">
      <Group gap="sm" align="flex-end">
        <Select label="Compare" data={data} value={fromId} onChange={setFromId} w={260} />
        <Select label="with" data={data} value={toId} onChange={setToId} w={260} />
        {diff && ready && (
          <Text size="sm" c="dimmed" pb={6} data-testid="diff-counts">
            {diff.changed} changed, {diff.added} added, {diff.removed} removed
          </Text>
        )}
      </Group>
      {!ready ? (
        <Text size="sm" c="dimmed">
          Choose two different versions.
        </Text>
      ) : diff ? (
        <DiffLines diff={diff} />
      ) : null}
    </Stack>
  );
}

function DiffLines({ diff }: { diff: Diff }) {
  const [all, setAll] = useState(false);
  const shown = useMemo<Shown[]>(
    () => (all ? diff.lines.map((line) => ({ line })) : foldUnchanged(diff.lines)),
    [diff, all],
  );
  if (diff.changed + diff.added + diff.removed === 0)
    return (
      <Text size="sm" c="dimmed">
        The two versions have the same text.
      </Text>
    );
  return (
    <Paper withBorder p={4} className="attest-diff" aria-label="Differences">
      {shown.map((s, i) =>
        'folded' in s ? (
          <Button
            key={s.key}
            variant="subtle"
            size="compact-xs"
            color="gray"
            onClick={() => setAll(true)}
          >
            {s.folded} unchanged {s.folded === 1 ? 'line' : 'lines'} · show all
          </Button>
        ) : (
          <DiffRow key={i} line={s.line} />
        ),
      )}
    </Paper>
  );
}

const SIGN = { same: ' ', removed: '−', added: '+', changed: '~' } as const;

function DiffRow({ line }: { line: Line }) {
  const oldNo = 'oldLine' in line ? line.oldLine : '';
  const newNo = 'newLine' in line ? line.newLine : '';
  return (
    <div className="attest-diff-line" data-kind={line.kind} data-testid="diff-line">
      <span className="attest-diff-num">{oldNo}</span>
      <span className="attest-diff-num">{newNo}</span>
      <span aria-label={line.kind === 'same' ? undefined : line.kind}>{SIGN[line.kind]}</span>
      <span>
        {line.kind === 'changed'
          ? removedFirst(line.words).map((w, i) =>
              w.kind === 'added' ? (
                <ins key={i}>{w.text}</ins>
              ) : w.kind === 'removed' ? (
                <del key={i}>{w.text}</del>
              ) : (
                <span key={i}>{w.text}</span>
              ),
            )
          : line.text || ' '}
      </span>
    </div>
  );
}
