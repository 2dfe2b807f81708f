import { Divider, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  CONTROL_TYPES,
  CONTROL_TYPE_LABELS,
  DOMAINS,
  DOMAIN_LABELS,
  FREQUENCIES,
  FREQUENCY_LABELS,
  NATURES,
  NATURE_LABELS,
} from '../../../../shared/domain/catalog';
import { PersonSelect } from '../../../components/PersonSelect';
import { usePeople } from '../../people/people-store';
import { CriteriaTagsInput } from '../fields/CriteriaTagsInput';
import { PolicySelect } from '../fields/PolicySelect';
import {
  type ControlField,
  type ControlValues,
  operatingSinceWarning,
  sameDoerAndReviewer,
} from './control-form';
import { WarningAlert } from '../../../components/WarningAlert';
import { DateField } from '../../../components/DateField';
import { controlPatch } from '../../../../shared/api/controls';
import { limitProps } from '../../../components/form/limits';
import { useVaultInfo } from '../../vault/vault-info';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {props.title}
      </Title>
      {props.children}
    </Stack>
  );
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** Every field of a control, grouped as people think of it: what, who, how, which criteria, testing. */
export function ControlFields(props: {
  values: ControlValues;
  /** What the contract refuses, by field. */
  errors: Partial<Record<string, ReactNode>>;
  /** A library control always rests on a policy; only a custom control may have none. */
  source: 'library' | 'custom';
  /** `now`: a choice (saved at once) rather than typing. */
  onChange<K extends ControlField>(field: K, value: ControlValues[K], now?: boolean): void;
}) {
  const { values: v, errors, onChange } = props;
  const engagement = useVaultInfo((i) => i.engagement);
  const people = usePeople((s) => s.items);
  const text = (field: ControlField) => ({
    value: v[field] as string,
    ...limitProps(controlPatch, field, v[field] as string),
    error: errors[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(field, e.currentTarget.value),
  });
  const since = engagement ? operatingSinceWarning(v.operatingSince, engagement) : null;

  return (
    <Stack gap="xl">
      <Section title="What it is">
        <SimpleGrid cols={3} spacing="md">
          <TextInput
            label="Reference"
            placeholder="Next CUS-nn"
            classNames={{ input: 'attest-mono' }}
            {...text('ref')}
          />
          <Select
            label="Domain"
            data={options(DOMAINS, DOMAIN_LABELS)}
            value={v.domain}
            onChange={(d) => d && onChange('domain', d as ControlValues['domain'], true)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.domain}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <TextInput label="Title" required {...text('title')} />
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...text('description')} />
        <PolicySelect
          label="Policy"
          description={
            props.source === 'library'
              ? 'The policy this control puts into practice'
              : 'The policy this control puts into practice, if any'
          }
          value={v.policyKey}
          onChange={(key) => onChange('policyKey', key, true)}
          clearable={props.source === 'custom'}
          allowDeselect={props.source === 'custom'}
          error={errors.policyKey}
        />
      </Section>
      <Divider />
      <Section title="Who">
        <SimpleGrid cols={2} spacing="md">
          <PersonSelect
            people={people}
            label="Owner"
            description="Answers for the control"
            value={v.ownerId}
            onChange={(id) => onChange('ownerId', id, true)}
            error={errors.ownerId}
          />
          <TextInput
            label="Owner role"
            description="As the library suggests it"
            {...text('ownerRole')}
          />
          <PersonSelect
            people={people}
            label="Performer"
            description="Carries it out"
            value={v.performerId}
            onChange={(id) => onChange('performerId', id, true)}
            error={errors.performerId}
          />
          <PersonSelect
            people={people}
            label="Reviewer"
            description="Checks it was done"
            value={v.reviewerId}
            onChange={(id) => onChange('reviewerId', id, true)}
            error={errors.reviewerId}
          />
        </SimpleGrid>
        {sameDoerAndReviewer(v) && (
          <WarningAlert data-testid="sod-warning">
            The same person performs and reviews this control. Segregation of duties expects two
            different people; an auditor will ask why.
          </WarningAlert>
        )}
      </Section>
      <Divider />
      <Section title="How it operates">
        <SimpleGrid cols={2} spacing="md">
          <Select
            label="Frequency"
            data={options(FREQUENCIES, FREQUENCY_LABELS)}
            value={v.frequency}
            onChange={(x) => x && onChange('frequency', x as ControlValues['frequency'], true)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.frequency}
          />
          <Select
            label="Nature"
            data={options(NATURES, NATURE_LABELS)}
            value={v.nature}
            onChange={(x) => x && onChange('nature', x as ControlValues['nature'], true)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.nature}
          />
          <Select
            label="Type"
            data={options(CONTROL_TYPES, CONTROL_TYPE_LABELS)}
            value={v.type}
            onChange={(x) => x && onChange('type', x as ControlValues['type'], true)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.type}
          />
          <DateField
            label="Operating since"
            value={v.operatingSince}
            onChange={(iso) => onChange('operatingSince', iso)}
            error={errors.operatingSince}
          />
        </SimpleGrid>
        {since && <WarningAlert data-testid="operating-since-warning">{since}</WarningAlert>}
      </Section>
      <Divider />
      <Section title="Criteria">
        <CriteriaTagsInput
          label="Mapped criteria"
          description="Type or pick criteria ids, e.g. CC6.1. At least one must be in scope."
          placeholder={v.criteria.length ? undefined : 'CC6.1, CC6.2…'}
          value={v.criteria}
          onChange={(ids) => onChange('criteria', ids, true)}
          error={errors.criteria}
        />
      </Section>
      <Divider />
      <Section title="Testing">
        <Textarea
          label="Test procedure"
          description="What an auditor would do to test it"
          autosize
          minRows={3}
          maxRows={10}
          {...text('testProcedure')}
        />
        <Textarea
          label="Test attributes"
          description="What each sample must show, one per line"
          autosize
          minRows={2}
          maxRows={8}
          {...text('testAttributes')}
        />
        <Textarea
          label="What good evidence looks like"
          autosize
          minRows={2}
          maxRows={8}
          {...text('evidenceGuidance')}
        />
      </Section>
    </Stack>
  );
}
