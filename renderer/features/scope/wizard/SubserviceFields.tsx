import {
  ActionIcon,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SubserviceMethod } from '../../../../shared/domain/system-description';
import type { FieldErrors } from '../../../components/field-errors';
import { ControlSelect, ControlsMultiSelect } from '../fields/ControlPicker';
import { CriteriaMultiSelect } from '../fields/CriteriaMultiSelect';
import type { SubserviceValues } from './subservice-form';
import { limitProps } from '../../../components/form/limits';
import { subserviceInput } from '../../../../shared/api/sd';

export type Update = (change: (v: SubserviceValues) => SubserviceValues, now?: boolean) => void;

const METHOD_HELP: Record<SubserviceMethod, string> = {
  carve_out:
    'Their controls stay out of your report: the auditor relies on the organisation’s own SOC report, and you show how you monitor them.',
  inclusive:
    'Their controls are part of your description and are tested in your examination, with their cooperation.',
};

export function FormSection(props: { title: string; help?: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h4">
          {props.title}
        </Title>
        {props.help && (
          <Text size="xs" c="dimmed">
            {props.help}
          </Text>
        )}
      </div>
      {props.children}
    </Stack>
  );
}

/** Who the organisation is, what it does for you and the criteria its controls serve. */
export function OrganisationFields(props: {
  values: SubserviceValues;
  errors: FieldErrors;
  update: Update;
}) {
  const { values, errors, update } = props;
  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        required
        data-autofocus
        value={values.name}
        {...limitProps(subserviceInput, 'name', values.name)}
        onChange={(e) => {
          const name = e.currentTarget.value;
          update((v) => ({ ...v, name }));
        }}
        error={errors.name}
      />
      <Input.Wrapper
        label="How it is presented"
        labelElement="div"
        id="sso-method"
        description={METHOD_HELP[values.method]}
      >
        <SegmentedControl
          mt={6}
          aria-labelledby="sso-method-label"
          data={[
            { value: 'carve_out', label: 'Carve-out' },
            { value: 'inclusive', label: 'Inclusive' },
          ]}
          value={values.method}
          onChange={(m) => update((v) => ({ ...v, method: m as SubserviceMethod }), true)}
        />
      </Input.Wrapper>
      <Textarea
        label="Services it provides"
        placeholder="e.g. Hosting of the production environment: data centres, hardware, managed databases"
        autosize
        minRows={2}
        value={values.services}
        {...limitProps(subserviceInput, 'services', values.services)}
        onChange={(e) => {
          const services = e.currentTarget.value;
          update((v) => ({ ...v, services }));
        }}
        error={errors.services}
      />
      <CriteriaMultiSelect
        label="Criteria its controls support"
        description="The criteria you rely on this organisation to meet, in whole or in part"
        placeholder={values.criteria.length ? undefined : 'Search by id or title'}
        value={values.criteria}
        onChange={(criteria) => update((v) => ({ ...v, criteria }), true)}
        error={errors.criteria}
      />
    </Stack>
  );
}

/** Controls assumed at the organisation (CSOCs), each with the criteria it supports. */
export function CsocFields(props: {
  values: SubserviceValues;
  errors: FieldErrors;
  update: Update;
}) {
  const { values, errors, update } = props;
  const setRow = (i: number, row: SubserviceValues['csocs'][number], now = false) =>
    update((v) => ({ ...v, csocs: v.csocs.map((r, j) => (j === i ? row : r)) }), now);
  return (
    <FormSection
      title="Controls assumed at the organisation"
      help="Complementary subservice organisation controls (CSOCs): what you rely on them to do, and for which criteria."
    >
      {values.csocs.map((row, i) => (
        <Paper key={i} withBorder p="sm" radius="md" data-testid="csoc-row">
          <Stack gap="xs">
            <Group align="flex-start" wrap="nowrap" gap="xs">
              <Textarea
                aria-label={`Control ${i + 1} at the organisation`}
                placeholder="e.g. Physical access to data centres is restricted to authorised staff"
                autosize
                minRows={1}
                value={row.description}
                {...limitProps(subserviceInput, 'csocs.description', row.description)}
                onChange={(e) => setRow(i, { ...row, description: e.currentTarget.value })}
                error={errors[`csocs.${i}.description`]}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={`Remove control ${i + 1} at the organisation`}
                onClick={() =>
                  update((v) => ({ ...v, csocs: v.csocs.filter((_, j) => j !== i) }), true)
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <CriteriaMultiSelect
              aria-label={`Criteria control ${i + 1} supports`}
              placeholder={
                values.criteria.length
                  ? 'Which of its criteria'
                  : 'Choose the organisation’s criteria first'
              }
              within={values.criteria}
              value={row.criteria}
              onChange={(criteria) => setRow(i, { ...row, criteria }, true)}
              error={errors[`csocs.${i}.criteria`]}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            update((v) => ({ ...v, csocs: [...v.csocs, { description: '', criteria: [] }] }))
          }
        >
          Add a control they operate
        </Button>
      </Group>
    </FormSection>
  );
}

/** The organisation's own CUECs: what it expects of us, and which of our controls answer. */
export function VendorCuecFields(props: {
  values: SubserviceValues;
  errors: FieldErrors;
  update: Update;
}) {
  const { values, errors, update } = props;
  const setRow = (i: number, row: SubserviceValues['vendorCuecs'][number], now = false) =>
    update((v) => ({ ...v, vendorCuecs: v.vendorCuecs.map((r, j) => (j === i ? row : r)) }), now);
  return (
    <FormSection
      title="What they expect of you"
      help="The user entity controls their report lists for you, and the controls of yours that answer each."
    >
      {values.vendorCuecs.map((row, i) => (
        <Paper key={i} withBorder p="sm" radius="md" data-testid="vendor-cuec-row">
          <Stack gap="xs">
            <Group align="flex-start" wrap="nowrap" gap="xs">
              <Textarea
                aria-label={`Expectation ${i + 1}`}
                placeholder="e.g. Customers manage their own IAM users and keys"
                autosize
                minRows={1}
                value={row.description}
                {...limitProps(subserviceInput, 'vendorCuecs.description', row.description)}
                onChange={(e) => setRow(i, { ...row, description: e.currentTarget.value })}
                error={errors[`vendorCuecs.${i}.description`]}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={`Remove expectation ${i + 1}`}
                onClick={() =>
                  update(
                    (v) => ({ ...v, vendorCuecs: v.vendorCuecs.filter((_, j) => j !== i) }),
                    true,
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <ControlsMultiSelect
              aria-label={`Our controls that answer expectation ${i + 1}`}
              placeholder="Our controls that answer it"
              value={row.controlIds}
              onChange={(controlIds) => setRow(i, { ...row, controlIds }, true)}
              error={errors[`vendorCuecs.${i}.controlIds`]}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            update((v) => ({
              ...v,
              vendorCuecs: [...v.vendorCuecs, { description: '', controlIds: [] }],
            }))
          }
        >
          Add an expectation
        </Button>
      </Group>
    </FormSection>
  );
}

/** Our control through which the organisation is monitored. */
export function MonitoringField(props: {
  values: SubserviceValues;
  errors: FieldErrors;
  update: Update;
}) {
  return (
    <ControlSelect
      label="Our monitoring control"
      description="How you keep an eye on them, usually the yearly review of their SOC report (e.g. VEN-03)"
      value={props.values.monitoringControlId}
      onChange={(monitoringControlId) => props.update((v) => ({ ...v, monitoringControlId }), true)}
      error={props.errors.monitoringControlId}
    />
  );
}
