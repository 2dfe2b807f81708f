import {
  Accordion,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { CatalogUpdatePlan, CatalogUpdateResult } from '../../../../shared/api/catalog-update';
import { notifyError, notifySuccess } from '../../../app/notify';
import { plural } from '../../../components/format';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import {
  countChanges,
  useApplyCatalogUpdate,
  useCatalogPlan,
  useCatalogReview,
} from './catalog-update-store';
import { FieldChange } from './FieldChange';

type Added = CatalogUpdatePlan['controls']['added'][number];
type RoleChange = CatalogUpdatePlan['controls']['roles'][number];

/** A section's list scrolls inside its own box past this, so the sections after it stay near. */
const SECTION_HEIGHT = '320px';

const mono = (text: string) => (
  <Text span size="sm" className="attest-mono">
    {text}
  </Text>
);

const ADDED_COLUMNS: DataColumn<Added>[] = [
  { id: 'ref', header: 'Control', width: 100, cell: (c) => mono(c.ref) },
  { id: 'title', header: 'Title', cell: (c) => c.title },
  {
    id: 'criteria',
    header: 'Criteria',
    width: 200,
    cell: (c) => (
      <Text span size="sm" c="dimmed" className="attest-mono">
        {c.criteria.join(', ')}
      </Text>
    ),
  },
];

const ROLE_COLUMNS: DataColumn<RoleChange>[] = [
  { id: 'ref', header: 'Control', width: 100, cell: (r) => mono(r.ref) },
  { id: 'criterion', header: 'Criterion', width: 100, cell: (r) => mono(r.criterionId) },
  {
    id: 'change',
    header: 'Change',
    cell: (r) =>
      r.edited
        ? `Stays as you set it (the library says ${r.role})`
        : r.role === 'key'
          ? 'Becomes key'
          : 'Becomes supporting',
  },
];

/** Reviews everything a newer catalog changes in the vault; applies it only on "Apply update". */
export function CatalogUpdateModal() {
  const plan = useCatalogPlan();
  const reviewing = useCatalogReview((s) => s.reviewing);
  const closeReview = useCatalogReview((s) => s.closeReview);
  const show = reviewing && plan?.status === 'update_available';
  return (
    <Modal
      opened={show}
      onClose={closeReview}
      size="xl"
      title={plan ? `Catalog update ${plan.vaultVersion} → ${plan.buildVersion}` : ''}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {show && plan && <Review plan={plan} onCancel={closeReview} />}
    </Modal>
  );
}

function Review({ plan, onCancel }: { plan: CatalogUpdatePlan; onCancel(): void }) {
  const taken = useCatalogReview((s) => s.taken);
  const toggle = useCatalogReview((s) => s.toggle);
  const apply = useApplyCatalogUpdate();
  const [busy, setBusy] = useState(false);
  const n = countChanges(plan);

  async function onApply() {
    setBusy(true);
    try {
      notifySuccess(summary(await apply(plan)));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="lg">
      <Text size="sm">
        Review what the newer catalog changes. Text you edited in this vault is kept unless you
        choose the catalog’s; everything else follows the catalog. Assessments, evidence and people
        on every control stay as they are.
      </Text>
      <SimpleGrid cols={5} spacing="md" data-testid="catalog-update-counts">
        <Stat label="New controls" value={n.added} />
        <Stat label="Revised controls" value={n.updated} />
        <Stat label="Your edits involved" value={n.edited} />
        <Stat label="Dropped from library" value={n.retired} />
        <Stat label="Revised criteria" value={n.criteria} />
      </SimpleGrid>
      <Accordion
        multiple
        variant="separated"
        defaultValue={['updated', 'added']}
        data-testid="catalog-update-sections"
      >
        {plan.controls.updated.length > 0 && (
          <Section
            value="updated"
            title="Revised library text"
            count={plan.controls.updated.length}
          >
            <Stack gap="lg">
              {plan.controls.updated.map((u) => (
                <Stack key={u.id} gap="sm" data-testid={`updated-${u.ref}`}>
                  <Group gap="xs">
                    <Text fw={600} className="attest-mono" size="sm">
                      {u.ref}
                    </Text>
                    <Text size="sm">{u.title}</Text>
                  </Group>
                  {u.changes.map((c) => (
                    <FieldChange
                      key={c.field}
                      change={c}
                      version={plan.buildVersion}
                      controlRef={u.ref}
                      taken={taken[u.id]?.includes(c.field) ?? false}
                      onTake={(take) => toggle(u.id, c.field, take)}
                    />
                  ))}
                </Stack>
              ))}
            </Stack>
          </Section>
        )}
        {plan.controls.added.length > 0 && (
          <Section value="added" title="New controls to add" count={plan.controls.added.length}>
            <DataTable
              label="New controls to add"
              testId="added-controls"
              rows={plan.controls.added}
              rowId={(c) => c.ref}
              columns={ADDED_COLUMNS}
              rowLabel={(c) => `${c.ref} ${c.title}`}
              rowData={(c) => ({ 'data-ref': c.ref })}
              maxHeight={SECTION_HEIGHT}
            />
          </Section>
        )}
        {plan.controls.roles.length > 0 && (
          <Section value="roles" title="Key or supporting" count={plan.controls.roles.length}>
            <Text size="sm" mb="xs">
              The library now marks these links differently. A criterion is met only when every key
              control for it is met; a supporting control never meets one alone. A mark you set
              yourself is kept.
            </Text>
            <DataTable
              label="Key or supporting"
              testId="role-changes"
              rows={plan.controls.roles}
              rowId={(r) => `${r.id}|${r.criterionId}`}
              columns={ROLE_COLUMNS}
              rowLabel={(r) => `${r.ref} for ${r.criterionId}`}
              rowData={(r) => ({ 'data-ref': r.ref, 'data-edited': r.edited || undefined })}
              maxHeight={SECTION_HEIGHT}
            />
          </Section>
        )}
        {plan.controls.retired.length > 0 && (
          <Section
            value="retired"
            title="Dropped from the library"
            count={plan.controls.retired.length}
          >
            <Text size="sm" mb="xs">
              These stay in the vault, with all their work, as your own controls.
            </Text>
            <RefList items={plan.controls.retired.map((c) => [c.ref, c.title])} />
          </Section>
        )}
        {n.criteria + plan.criteria.removed.length > 0 && (
          <Section
            value="criteria"
            title="Criteria"
            count={n.criteria + plan.criteria.removed.length}
          >
            <Stack gap="sm">
              <CriteriaGroup
                label="New titles or guidance (written by Attest; follows the catalog)"
                items={plan.criteria.changed.map((c) => [c.id, c.title])}
              />
              <CriteriaGroup
                label="New criteria"
                items={plan.criteria.added.map((c) => [c.id, c.title])}
              />
              <CriteriaGroup
                label="No longer in the catalog (kept in this vault)"
                items={plan.criteria.removed.map((c) => [c.id, c.title])}
              />
            </Stack>
          </Section>
        )}
      </Accordion>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Not now
        </Button>
        <Button onClick={onApply} loading={busy} data-autofocus>
          Apply update
        </Button>
      </Group>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder radius="md" px="sm" py={6}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600}>
        {value}
      </Text>
    </Paper>
  );
}

/** One collapsible part of the review, titled with how many things it lists. */
function Section(props: { value: string; title: string; count: number; children: ReactNode }) {
  return (
    <Accordion.Item value={props.value}>
      <Accordion.Control>
        <Group gap="xs">
          <Title order={4} size="h5">
            {props.title}
          </Title>
          <Badge variant="light" color="gray" radius="sm">
            {props.count}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>{props.children}</Accordion.Panel>
    </Accordion.Item>
  );
}

function RefList({ items }: { items: [string, string][] }) {
  return (
    <Stack gap={2}>
      {items.map(([ref, title]) => (
        <Group key={ref} gap="sm" wrap="nowrap">
          <Text size="sm" className="attest-mono" w={70}>
            {ref}
          </Text>
          <Text size="sm">{title}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function CriteriaGroup({ label, items }: { label: string; items: [string, string][] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <RefList items={items} />
    </Stack>
  );
}

function summary(r: CatalogUpdateResult): string {
  const parts = [`Catalog updated to ${r.toVersion}.`];
  if (r.fieldsUpdated > 0) parts.push(`${plural(r.fieldsUpdated, 'field')} revised`);
  if (r.added.length > 0) parts.push(`${plural(r.added.length, 'control')} added`);
  if (r.editsKept > 0) parts.push(`${plural(r.editsKept, 'edit')} of yours kept`);
  return parts.length === 1 ? parts[0]! : `${parts[0]} ${parts.slice(1).join(', ')}.`;
}
