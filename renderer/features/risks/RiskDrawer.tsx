import { Alert, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Input } from '../../../shared/api/index';
import {
  RISK_CATEGORIES,
  RISK_TREATMENTS,
  type Risk,
  newRiskInput,
  riskPatch,
} from '../../../shared/api/risks';
import { notifyError, notifySuccess } from '../../app/notify';
import { ControlsMultiSelect } from '../../components/ControlsMultiSelect';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { PersonSelect } from '../../components/PersonSelect';
import { SideDrawer } from '../../components/SideDrawer';
import { useAutosaveForm } from '../../components/form/use-autosave-form';
import { useGaps } from '../gaps/gaps-store';
import { usePeople } from '../people/people-store';
import { useToday } from '../vault/today';
import { RiskScore } from './RiskScore';
import {
  IMPACT_WORDS,
  LIKELIHOOD_WORDS,
  RISK_CATEGORY_LABEL,
  TREATMENT_LABEL,
} from './risk-labels';
import {
  NEW_RISK,
  RISK_FIELD_LABEL,
  type RiskField,
  type RiskFormValues,
  formToInput,
  riskToForm,
  unprovenControls,
  withInherent,
  withTreatment,
} from './risk-form';
import { useRiskActions } from './risk-queries';
import { HistorySection } from '../history/RecordHistory';

const scoreOptions = (words: string[]) =>
  words.map((w, i) => ({ value: String(i + 1), label: `${i + 1} · ${w}` }));
const LIKELIHOOD_OPTIONS = scoreOptions(LIKELIHOOD_WORDS);
const IMPACT_OPTIONS = scoreOptions(IMPACT_WORDS);

/** Add or edit a risk beside the register. `risk` undefined = closed, null = a new risk. */
export function RiskDrawer(props: { risk: Risk | null | undefined; onClose(): void }) {
  const [draftPending, setDraftPending] = useState(false);
  const onDraft = useCallback((pending: boolean) => setDraftPending(pending), []);
  return (
    <SideDrawer
      opened={props.risk !== undefined}
      onClose={props.onClose}
      draft={{ pending: props.risk === null && draftPending, what: 'this new risk' }}
      size={560}
      title={props.risk ? 'Edit risk' : 'New risk'}
      data-testid="risk-drawer"
    >
      {props.risk !== undefined && (
        <RiskForm
          key={props.risk?.id ?? 'new'}
          risk={props.risk}
          onDone={props.onClose}
          onDraft={onDraft}
        />
      )}
    </SideDrawer>
  );
}

/**
 * A risk's fields, saved as they are changed (UX.md's one save model). A new risk exists from its
 * Add button, its first valid save; an existing one saves each field on its own, and Attest's
 * answer (a residual lowered with its inherent level, who accepted it) shows in the other fields.
 */
function RiskForm({
  risk,
  onDone,
  onDraft,
}: {
  risk: Risk | null;
  onDone(): void;
  onDraft(pending: boolean): void;
}) {
  const people = usePeople((s) => s.items);
  const currentId = usePeople((s) => s.currentPersonId);
  const today = useToday();
  const controls = useGaps((s) => s.controls);
  const { create, update, archive } = useRiskActions();
  const [busy, setBusy] = useState(false);
  const [initial] = useState<RiskFormValues>(() => (risk ? riskToForm(risk) : NEW_RISK));
  const idRef = useRef(risk?.id ?? null);
  const { form, field, values, counter, created, createNow, draftPending, adopt, flush } =
    useAutosaveForm<RiskFormValues, Risk>({
      values: initial,
      patchSchema: riskPatch,
      labels: RISK_FIELD_LABEL,
      toInput: (name, value) =>
        name === 'reviewOn' || name === 'acceptedOn' ? value || null : value,
      saveField: (name, value) => update(idRef.current!, { [name]: value }),
      create: risk
        ? undefined
        : {
            schema: newRiskInput,
            toInput: formToInput,
            run: (input) => create(input as Input<'risks.create'>),
          },
      onSaved: (saved, how) => {
        idRef.current = saved.id;
        if (how === 'updated') adopt(riskToForm(saved));
        else {
          notifySuccess(`Added “${saved.title}” to the register.`);
          onDone();
        }
      },
    });
  // Before the next event, not after paint: an Esc pressed right after typing must already ask.
  useLayoutEffect(() => onDraft(draftPending), [onDraft, draftPending]);

  const assessments = useGaps((s) => s.assessments);
  const unproven = unprovenControls(values, assessments);
  const refOf = (id: string) => controls.find((c) => c.id === id)?.ref ?? id;

  /**
   * A choice that moves others with it (an inherent level, the treatment): before the risk exists
   * the form applies the rule itself; once it exists, Attest applies it and its answer shows.
   */
  const choose = <K extends RiskField>(name: K, value: RiskFormValues[K]) => {
    if (created) {
      field(name).onChange(value);
      return;
    }
    let next: RiskFormValues = { ...values, [name]: value };
    if (name === 'likelihood' || name === 'impact')
      next = withInherent(values, name, value as number);
    if (name === 'treatment')
      next = withTreatment(values, value as Risk['treatment'], currentId, today);
    form.setValues(next);
    form.clearFieldError(name);
  };

  const scoreSelect = (
    name: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact',
  ) => ({
    value: String(values[name]),
    onChange: (v: string | null) => v && choose(name, Number(v)),
    allowDeselect: false,
    error: form.errors[name],
  });

  const textField = (name: 'title' | 'description') => ({
    ...field(name),
    description: counter(name),
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
      'label' | 'input' | 'description' | 'error'
    )[],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (created) {
      await flush();
      onDone();
    } else await createNow();
    setBusy(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Title"
          placeholder="What could go wrong, in a sentence"
          {...textField('title')}
          required
          data-autofocus
        />
        <Textarea label="Description" {...textField('description')} autosize minRows={2} />
        <SimpleGrid cols={2}>
          <Select
            label="Category"
            data={RISK_CATEGORIES.map((c) => ({ value: c, label: RISK_CATEGORY_LABEL[c] }))}
            value={values.category}
            onChange={(v) => v && choose('category', v as Risk['category'])}
            allowDeselect={false}
          />
          <PersonSelect
            label="Owner"
            people={people}
            value={values.ownerId}
            onChange={(id) => choose('ownerId', id)}
            error={form.errors.ownerId}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="xs">
          <Text size="sm" fw={600}>
            Inherent — before treatment
          </Text>
          <RiskScore likelihood={values.likelihood} impact={values.impact} />
        </Group>
        <SimpleGrid cols={2}>
          <Select label="Likelihood" data={LIKELIHOOD_OPTIONS} {...scoreSelect('likelihood')} />
          <Select label="Impact" data={IMPACT_OPTIONS} {...scoreSelect('impact')} />
        </SimpleGrid>
        <Select
          label="Treatment"
          data={RISK_TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABEL[t] }))}
          value={values.treatment}
          onChange={(v) => v && choose('treatment', v as Risk['treatment'])}
          allowDeselect={false}
        />
        {values.treatment === 'accept' && (
          <SimpleGrid cols={2} data-testid="risk-acceptance">
            <PersonSelect
              label="Accepted by"
              people={people}
              value={values.acceptedById}
              onChange={(id) => choose('acceptedById', id)}
              error={form.errors.acceptedById}
            />
            <DateField
              label="Accepted on"
              value={values.acceptedOn}
              onChange={(iso) => choose('acceptedOn', iso)}
              error={form.errors.acceptedOn}
            />
          </SimpleGrid>
        )}
        <Group justify="space-between" mt="xs">
          <Text size="sm" fw={600}>
            Residual — after treatment
          </Text>
          <RiskScore likelihood={values.residualLikelihood} impact={values.residualImpact} />
        </Group>
        <SimpleGrid cols={2}>
          <Select
            label="Residual likelihood"
            data={LIKELIHOOD_OPTIONS}
            {...scoreSelect('residualLikelihood')}
          />
          <Select
            label="Residual impact"
            data={IMPACT_OPTIONS}
            {...scoreSelect('residualImpact')}
          />
        </SimpleGrid>
        <ControlsMultiSelect
          label="Controls that reduce it"
          controls={controls}
          value={values.controlIds}
          onChange={(ids) => choose('controlIds', ids)}
          error={form.errors.controlIds}
        />
        {unproven.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={16} aria-hidden />}
            data-testid="unproven-controls"
          >
            The residual score counts on {unproven.map(refOf).join(', ')}, not assessed as
            implemented. Lower a risk only for controls in place, or assess them first.
          </Alert>
        )}
        <DateField
          label="Next review"
          value={values.reviewOn}
          onChange={(iso) => choose('reviewOn', iso)}
          error={form.errors.reviewOn}
          w={220}
        />
        <FormActions
          submitLabel={created ? 'Done' : 'Add risk'}
          busy={busy}
          onCancel={created ? undefined : onDone}
          archive={
            risk
              ? {
                  question: 'Archive this risk?',
                  explanation:
                    'It leaves the register and the matrix, and stays in the vault and its audit log.',
                  onConfirm: () =>
                    archive(risk.id).then(() => {
                      notifySuccess('Risk archived.');
                      onDone();
                    }, notifyError),
                }
              : undefined
          }
        />
        {risk && <HistorySection id={risk.id} />}
      </Stack>
    </form>
  );
}
