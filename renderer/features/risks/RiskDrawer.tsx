import {
  Button,
  Drawer,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { RISK_CATEGORIES, RISK_TREATMENTS, type Risk } from '../../../shared/api/risks';
import { toApiCallError } from '../../api';
import { notifyError, notifySuccess } from '../../app/notify';
import { InlineConfirm } from '../../components/InlineConfirm';
import { PersonSelect } from '../../components/PersonSelect';
import { useGaps } from '../gaps/gaps-store';
import { usePeople } from '../gaps/people-store';
import { RiskScore } from './RiskScore';
import {
  IMPACT_WORDS,
  LIKELIHOOD_WORDS,
  RISK_CATEGORY_LABEL,
  TREATMENT_LABEL,
} from './risk-labels';
import {
  NEW_RISK,
  type RiskErrors,
  type RiskFormValues,
  checkRisk,
  formToInput,
  issuesToErrors,
  riskToForm,
} from './risk-form';
import { useRisks } from './risks-store';

const scoreOptions = (words: string[]) =>
  words.map((w, i) => ({ value: String(i + 1), label: `${i + 1} · ${w}` }));
const LIKELIHOOD_OPTIONS = scoreOptions(LIKELIHOOD_WORDS);
const IMPACT_OPTIONS = scoreOptions(IMPACT_WORDS);

/** Add or edit a risk beside the register. `risk` undefined = closed, null = a new risk. */
export function RiskDrawer(props: { risk: Risk | null | undefined; onClose(): void }) {
  return (
    <Drawer
      opened={props.risk !== undefined}
      onClose={props.onClose}
      position="right"
      // A light veil: the list stays readable beside the panel, so the user keeps their place.
      overlayProps={{ backgroundOpacity: 0.12 }}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size={560}
      title={props.risk ? 'Edit risk' : 'New risk'}
      data-testid="risk-drawer"
    >
      {props.risk !== undefined && (
        <RiskForm key={props.risk?.id ?? 'new'} risk={props.risk} onDone={props.onClose} />
      )}
    </Drawer>
  );
}

function RiskForm({ risk, onDone }: { risk: Risk | null; onDone(): void }) {
  const people = usePeople((s) => s.people);
  const controls = useGaps((s) => s.controls);
  const { create, update, archive } = useRisks.getState();
  const [values, setValues] = useState<RiskFormValues>(risk ? riskToForm(risk) : NEW_RISK);
  const [errors, setErrors] = useState<RiskErrors>({});
  const [busy, setBusy] = useState(false);
  const controlOptions = useMemo(
    () => controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` })),
    [controls],
  );
  const set = <K extends keyof RiskFormValues>(key: K, value: RiskFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkRisk(values);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      if (risk) await update(risk.id, formToInput(values));
      else await create(formToInput(values));
      notifySuccess(risk ? 'Risk saved.' : `Added “${values.title.trim()}” to the register.`);
      onDone();
    } catch (err) {
      const error = toApiCallError(err);
      const fields = issuesToErrors(error.issues);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  const scoreSelect = (key: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact') => ({
    value: String(values[key]),
    onChange: (v: string | null) => v && set(key, Number(v)),
    allowDeselect: false,
    error: errors[key],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Title"
          placeholder="What could go wrong, in a sentence"
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <Textarea
          label="Description"
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={2}>
          <Select
            label="Category"
            data={RISK_CATEGORIES.map((c) => ({ value: c, label: RISK_CATEGORY_LABEL[c] }))}
            value={values.category}
            onChange={(v) => v && set('category', v as Risk['category'])}
            allowDeselect={false}
          />
          <PersonSelect
            label="Owner"
            people={people}
            value={values.ownerId}
            onChange={(id) => set('ownerId', id)}
            error={errors.ownerId}
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
          onChange={(v) => v && set('treatment', v as Risk['treatment'])}
          allowDeselect={false}
        />
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
        <MultiSelect
          label="Controls that reduce it"
          data={controlOptions}
          value={values.controlIds}
          onChange={(ids) => set('controlIds', ids)}
          error={errors.controlIds}
          searchable
          clearable
          hidePickedOptions
          placeholder={values.controlIds.length ? undefined : 'Search controls'}
        />
        <TextInput
          type="date"
          label="Next review"
          value={values.reviewOn}
          onChange={(e) => set('reviewOn', e.currentTarget.value)}
          error={errors.reviewOn}
          w={200}
        />
        <Group justify="space-between" mt="sm">
          {risk ? (
            <InlineConfirm
              label="Archive"
              question="Archive this risk?"
              explanation="It leaves the register and the matrix, and stays in the vault and its audit log."
              onConfirm={() =>
                archive(risk.id).then(() => {
                  notifySuccess('Risk archived.');
                  onDone();
                }, notifyError)
              }
            />
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {risk ? 'Save risk' : 'Add risk'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
