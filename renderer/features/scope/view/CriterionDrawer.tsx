import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconLink, IconPlus, IconUnlink } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Control, VaultCriterion } from '../../../../shared/api/controls';
import { CATEGORY_LABELS } from '../../../../shared/domain/engagement';
import { toApiCallError } from '../../../api';
import { notifyError, notifySuccess } from '../../../app/notify';
import { StatusBadge } from '../../../components/status';
import { scopeLinks } from '../scope-paths';
import { stepIndexOf } from '../wizard/wizard-steps';
import { useUpdateControl } from '../control-actions';
import { useScopeControls, useScopeCriteria, useSystemDescription } from '../scope-queries';
import { criteriaWith, criteriaWithout, unmappedControls } from './criterion-mapping';
import { MAPPING, carvedOutMap, mappingStatus } from './matrix';
import { RefTitle } from '../../../components/RefTitle';
import { SideDrawer } from '../../../components/SideDrawer';
import { HistorySection } from '../../history/RecordHistory';

/** A stable empty list (the carve-outs are worked out from it). */
const NO_SUBSERVICES: never[] = [];

function Block(props: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h4">
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

/** A refusal of a mapping change, worded for the control it concerns. */
interface MappingError {
  ref: string;
  message: string;
}

/**
 * The controls mapped to a criterion, and the two ways to change that without leaving the
 * drawer: map an existing active control to it, or unmap one (a control keeps at least one
 * in-scope criterion: Attest refuses otherwise, and the refusal is shown here).
 */
function MappedControls(props: {
  criterion: VaultCriterion;
  mapped: Control[];
  onControl(id: string): void;
  onNewControl(criterionId: string): void;
}) {
  const { criterion, mapped } = props;
  const { controls } = useScopeControls();
  const updateControl = useUpdateControl();
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<MappingError | null>(null);
  const candidates = useMemo(
    () =>
      unmappedControls(controls, criterion.id).map((c) => ({
        value: c.id,
        label: `${c.ref} ${c.title}`,
      })),
    [controls, criterion.id],
  );

  const change = async (control: Control, criteria: string[], done: string) => {
    setBusy(control.id);
    setError(null);
    try {
      await updateControl(control.id, { criteria });
      notifySuccess(done);
      return true;
    } catch (e) {
      const err = toApiCallError(e);
      if (err.code !== 'validation') {
        notifyError(err);
        return false;
      }
      // The field-level message (patch.criteria) says what the user can act on.
      const issue = err.issues.find((i) => i.path.at(-1) === 'criteria') ?? err.issues[0];
      setError({ ref: control.ref, message: issue?.message ?? err.message });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const map = async (e: FormEvent) => {
    e.preventDefault();
    const control = controls.find((c) => c.id === choice);
    if (!control) return;
    const ok = await change(
      control,
      criteriaWith(control, criterion.id),
      `Mapped ${control.ref} to ${criterion.id}.`,
    );
    if (ok) setChoice(null);
  };

  const unmap = (control: Control) =>
    void change(
      control,
      criteriaWithout(control, criterion.id),
      `Unmapped ${control.ref} from ${criterion.id}.`,
    );

  return (
    <Block title={`Mapped controls (${mapped.length})`}>
      <form onSubmit={(e) => void map(e)} data-testid="map-control-form">
        <Group gap="xs" align="flex-end" wrap="nowrap" mt={4}>
          <Select
            label="Map an existing control"
            placeholder={
              candidates.length ? 'Search by reference or title' : 'Every control is mapped'
            }
            data={candidates}
            value={choice}
            onChange={setChoice}
            searchable
            clearable
            disabled={candidates.length === 0}
            nothingFoundMessage="No control matches"
            maxDropdownHeight={280}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            type="submit"
            variant="default"
            leftSection={<IconLink size={16} aria-hidden />}
            disabled={choice === null}
            loading={busy !== null && busy === choice}
          >
            Map
          </Button>
        </Group>
      </form>
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => props.onNewControl(criterion.id)}
        >
          Add a custom control for {criterion.id}
        </Button>
      </Group>
      {error && (
        <Alert
          color="red"
          variant="light"
          title={`${error.ref} was not changed`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setError(null)}
          data-testid="mapping-error"
        >
          {error.message}
        </Alert>
      )}
      {mapped.length === 0 ? (
        <Text size="sm" c="dimmed">
          No control serves this criterion yet. Map an existing control to it, or add one.
        </Text>
      ) : (
        <Stack gap={0} data-testid="mapped-controls">
          {mapped.map((c) => (
            <Group key={c.id} gap={4} wrap="nowrap" className="attest-row">
              <UnstyledButton
                onClick={() => props.onControl(c.id)}
                px={6}
                py={6}
                style={{ flex: 1, minWidth: 0 }}
              >
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" fw={600} className="attest-mono" w={64} style={{ flexShrink: 0 }}>
                    {c.ref}
                  </Text>
                  <Text size="sm">{c.title}</Text>
                </Group>
              </UnstyledButton>
              <Tooltip label={`Unmap from ${criterion.id}`} withinPortal>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Unmap ${c.ref} from ${criterion.id}`}
                  loading={busy === c.id}
                  onClick={() => unmap(c)}
                >
                  <IconUnlink size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
    </Block>
  );
}

/** A criterion: what it asks in practice, typical controls and evidence, and what is mapped. */
export function CriterionDrawer(props: {
  id: string | null;
  onClose(): void;
  onControl(id: string): void;
  onNewControl(criterionId: string): void;
}) {
  const { criteria } = useScopeCriteria();
  const criterion = criteria.find((c) => c.id === props.id) ?? null;
  const { controls } = useScopeControls();
  const subservices = useSystemDescription()?.subservices ?? NO_SUBSERVICES;
  const mapped = criterion
    ? controls.filter((c) => !c.archived && criterion.controlIds.includes(c.id))
    : [];
  const carvedTo = criterion ? (carvedOutMap(subservices).get(criterion.id) ?? []) : [];
  const status = criterion ? MAPPING[mappingStatus(criterion)] : null;

  return (
    <SideDrawer
      opened={criterion !== null}
      onClose={props.onClose}
      size={560}
      title={
        criterion ? <RefTitle reference={criterion.id} title={criterion.title} /> : 'Criterion'
      }
    >
      {criterion && status && (
        <Stack gap="lg" data-testid="criterion-detail">
          <Group gap="xs">
            <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
            <Text size="xs" c="dimmed">
              {CATEGORY_LABELS[criterion.category]} · {criterion.groupId} {criterion.groupTitle}
              {criterion.cosoPrinciple ? ` · COSO principle ${criterion.cosoPrinciple}` : ''}
            </Text>
          </Group>
          <Text size="sm">{criterion.guidance.asks}</Text>
          {criterion.notRelevantReason && (
            <Block title="Not relevant">
              <Text size="sm">{criterion.notRelevantReason}</Text>
              <Anchor
                component={Link}
                to={scopeLinks.wizard(stepIndexOf('not-relevant'))}
                size="xs"
              >
                Change this in the scoping wizard
              </Anchor>
            </Block>
          )}
          {carvedTo.length > 0 && (
            <Text size="sm" c="dimmed">
              Carved out to {carvedTo.join(' and ')}: met through their controls and your monitoring
              of them.
            </Text>
          )}
          <MappedControls
            key={criterion.id}
            criterion={criterion}
            mapped={mapped}
            onControl={props.onControl}
            onNewControl={props.onNewControl}
          />
          <Block title="Controls that usually meet it">
            <List size="sm" spacing={4}>
              {criterion.guidance.typicalControls.map((t) => (
                <List.Item key={t}>{t}</List.Item>
              ))}
            </List>
          </Block>
          <Block title="What good evidence looks like">
            <List size="sm" spacing={4}>
              {criterion.guidance.typicalEvidence.map((t) => (
                <List.Item key={t}>{t}</List.Item>
              ))}
            </List>
          </Block>
          {/* Its scoping and mapping changes: the criterion's own entries and its links'. */}
          <HistorySection id={criterion.id} />
        </Stack>
      )}
    </SideDrawer>
  );
}
