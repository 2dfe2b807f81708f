import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { PolicyTemplate } from '../../../shared/domain/policy-template';
import { FREQUENCY_LABELS } from '../../../shared/domain/frequency';
import { timeLimitLabel } from '../../../shared/domain/policy-template';
import { newPolicyInput } from '../../../shared/api/policies';
import { useApi } from '../../api/provider';
import { notifyError, notifySuccess } from '../../app/notify';
import { PersonSelect } from '../../components/PersonSelect';
import { maxLengthOf } from '../../components/form/limits';
import { usePeople } from '../people/people-store';
import { TEMPLATE_GROUPS, templateGroupOf } from './labels';
import { useCatalog, usePolicies } from './policy-queries';
import './policies.css';

type Problem = { variable: string; message: string };

/**
 * A new policy: from a catalog template (grouped and searchable, each showing what it promises
 * and the controls it supports; the engagement's values filled in) or blank. The values Attest
 * could not fill are reported before the policy opens.
 */
export function NewPolicyDialog(props: {
  opened: boolean;
  onClose(): void;
  onCreated(policyId: string): void;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title="New policy"
      size={860}
      data-testid="new-policy-dialog"
    >
      {props.opened && <NewPolicyForm {...props} />}
    </Modal>
  );
}

function NewPolicyForm(props: { onClose(): void; onCreated(policyId: string): void }) {
  const api = useApi();
  const catalog = useCatalog();
  const { items: policies } = usePolicies(true);
  const people = usePeople((s) => s.items);
  const [mode, setMode] = useState<'template' | 'blank'>('template');
  const [search, setSearch] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [reviewMonths, setReviewMonths] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; title: string; problems: Problem[] } | null>(null);

  const written = useMemo(
    () =>
      new Set(
        policies
          .filter((p) => p.status !== 'not_written' && p.templateKey)
          .map((p) => p.templateKey),
      ),
    [policies],
  );
  const templates = useMemo(() => catalog?.policies ?? [], [catalog]);
  const chosen = templates.find((t) => t.key === key) ?? null;
  const groups = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const shown = templates.filter(
      (t) =>
        !needle ||
        t.title.toLowerCase().includes(needle) ||
        t.controls.some((c) => c.toLowerCase().includes(needle)),
    );
    const names = [...TEMPLATE_GROUPS.map(([g]) => g), 'Other'];
    return names
      .map((g) => [g, shown.filter((t) => templateGroupOf(t.key) === g)] as const)
      .filter(([, ts]) => ts.length > 0);
  }, [templates, search]);

  const create = async () => {
    setError(null);
    const months = reviewMonths ?? chosen?.reviewMonths ?? 12;
    if (mode === 'template' && !chosen) return setError('Choose a template.');
    if (mode === 'blank' && !title.trim()) return setError('Give the policy a title.');
    setBusy(true);
    try {
      if (mode === 'template' && chosen) {
        const out = await api.call('policies.createFromTemplate', {
          templateKey: chosen.key,
          ownerId,
          reviewMonths: months,
        });
        notifySuccess(`Wrote a first draft of ${out.policy.title}.`);
        if (out.problems.length === 0) props.onCreated(out.policy.id);
        else setDone({ id: out.policy.id, title: out.policy.title, problems: out.problems });
      } else {
        const out = await api.call('policies.create', {
          title: title.trim(),
          ownerId,
          reviewMonths: months,
          acknowledgeWithinDays: 30,
        });
        notifySuccess(`Started ${out.policy.title}.`);
        props.onCreated(out.policy.id);
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Stack gap="md" data-testid="template-problems">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          <Text size="sm" fw={600} mb={4}>
            {done.title} is written, with{' '}
            {done.problems.length === 1 ? 'one value' : `${done.problems.length} values`} still to
            complete
          </Text>
          <List size="sm" spacing={4}>
            {done.problems.map((p) => (
              <List.Item key={p.variable}>{p.message}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            The text marks each one “[To be completed: …]”; fill them in before approving it.
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button data-autofocus onClick={() => props.onCreated(done.id)}>
            Open the policy
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'template' | 'blank')}
        data={[
          { value: 'template', label: 'From a template' },
          { value: 'blank', label: 'Blank policy' },
        ]}
        w={320}
      />
      {mode === 'template' ? (
        <SimpleGrid cols={2} spacing="md">
          <Stack gap="xs">
            <TextInput
              aria-label="Search templates"
              placeholder="Search templates or a control (AC-06)"
              leftSection={<IconSearch size={15} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              data-autofocus
            />
            <ScrollArea h={380} type="auto" offsetScrollbars>
              <Stack gap="sm" role="listbox" aria-label="Policy templates">
                {groups.map(([group, ts]) => (
                  <Stack gap={2} key={group}>
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                      {group}
                    </Text>
                    {ts.map((t) => (
                      <UnstyledButton
                        key={t.key}
                        role="option"
                        aria-selected={t.key === key}
                        className="attest-template-option"
                        data-active={t.key === key || undefined}
                        disabled={written.has(t.key)}
                        onClick={() => {
                          setKey(t.key);
                          setReviewMonths(t.reviewMonths);
                        }}
                      >
                        <Group justify="space-between" wrap="nowrap" gap="xs">
                          <Text size="sm">{t.title}</Text>
                          {written.has(t.key) && (
                            <Badge size="xs" variant="light" color="gray" tt="none">
                              Written
                            </Badge>
                          )}
                        </Group>
                      </UnstyledButton>
                    ))}
                  </Stack>
                ))}
                {groups.length === 0 && (
                  <Text size="sm" c="dimmed">
                    No template matches “{search}”.
                  </Text>
                )}
              </Stack>
            </ScrollArea>
          </Stack>
          <TemplateDetails template={chosen} />
        </SimpleGrid>
      ) : (
        <TextInput
          label="Title"
          required
          data-autofocus
          value={title}
          maxLength={maxLengthOf(newPolicyInput, 'title') ?? undefined}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
      )}
      <SimpleGrid cols={2} spacing="md">
        <PersonSelect
          label="Owner"
          description="Named in the text; reviews and keeps it current"
          people={people}
          value={ownerId}
          onChange={setOwnerId}
        />
        <NumberInput
          label="Review every (months)"
          description="The next review date follows each approval"
          min={1}
          max={60}
          value={reviewMonths ?? chosen?.reviewMonths ?? 12}
          onChange={(v) => setReviewMonths(typeof v === 'number' ? v : null)}
        />
      </SimpleGrid>
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onClose} disabled={busy}>
          Cancel
        </Button>
        <Button onClick={() => void create()} loading={busy}>
          {mode === 'template' ? 'Create from template' : 'Create blank policy'}
        </Button>
      </Group>
    </Stack>
  );
}

function TemplateDetails({ template: t }: { template: PolicyTemplate | null }) {
  if (!t)
    return (
      <Text size="sm" c="dimmed" pt="xl">
        Choose a template to see what it promises and the controls it supports. Your company’s name,
        the owner and the review cycle are filled in; the rest is yours to adapt.
      </Text>
    );
  return (
    <ScrollArea h={420} type="auto" offsetScrollbars data-testid="template-details">
      <Stack gap="sm">
        <Text fw={600}>{t.title}</Text>
        <Text size="sm" c="dimmed">
          Owned by the {t.ownerRole.toLowerCase()}, reviewed every {t.reviewMonths} months,
          acknowledged within {t.acknowledgeWithinDays} days.
        </Text>
        {t.promises.length === 0 && (
          <Text size="sm" c="dimmed">
            It promises no frequency or time limit that Attest checks against its controls.
          </Text>
        )}
        {t.promises.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              What it promises
            </Text>
            <List size="sm" spacing={4}>
              {t.promises.map((p) => (
                <List.Item key={p.id}>
                  {p.text}{' '}
                  <Text span size="xs" c="dimmed">
                    (
                    {p.kind === 'frequency'
                      ? FREQUENCY_LABELS[p.frequency].toLowerCase()
                      : `within ${timeLimitLabel(p.within.amount, p.within.unit)}`}
                    ; {p.controls.join(', ')})
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Controls it supports
          </Text>
          <Group gap={4}>
            {t.controls.map((c) => (
              <Badge key={c} variant="default" radius="sm" tt="none" className="attest-mono">
                {c}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Stack>
    </ScrollArea>
  );
}
