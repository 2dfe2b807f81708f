import { Alert, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { RISK_CATEGORIES, RISK_TREATMENTS, type Risk } from '../../../shared/api/risks';
import { notifyError, notifySuccess } from '../../app/notify';
import { ControlsMultiSelect } from '../../components/ControlsMultiSelect';
import { FormActions } from '../../components/FormActions';
import { PersonSelect } from '../../components/PersonSelect';
import { SideDrawer } from '../../components/SideDrawer';
import { useRecordForm } from '../../components/useRecordForm';
import { useGaps } from '../gaps/gaps-store';
import { usePeople } from '../people/people-store';
import { todayIso } from './assessed-on';
import { RiskScore } from './RiskScore';
import {
  IMPACT_WORDS,
  LIKELIHOOD_WORDS,
  RISK_CATEGORY_LABEL,
  TREATMENT_LABEL,
} from './risk-labels';
import {
  NEW_RISK,
  checkRisk,
  formToInput,
  issuesToErrors,
  riskToForm,
  unprovenControls,
  withInherent,
  withTreatment,
} from './risk-form';
import { useRiskActions } from './risk-queries';

const scoreOptions = (words: string[]) =>
  words.map((w, i) => ({ value: String(i + 1), label: `${i + 1} · ${w}` }));
const LIKELIHOOD_OPTIONS = scoreOptions(LIKELIHOOD_WORDS);
const IMPACT_OPTIONS = scoreOptions(IMPACT_WORDS);

/** Add or edit a risk beside the register. `risk` undefined = closed, null = a new risk. */
export function RiskDrawer(props: { risk: Risk | null | undefined; onClose(): void }) {
  return (
    <SideDrawer
      opened={props.risk !== undefined}
      onClose={props.onClose}
      size={560}
      title={props.risk ? 'Edit risk' : 'New risk'}
      data-testid="risk-drawer"
    >
      {props.risk !== undefined && (
        <RiskForm key={props.risk?.id ?? 'new'} risk={props.risk} onDone={props.onClose} />
      )}
    </SideDrawer>
  );
}

function RiskForm({ risk, onDone }: { risk: Risk | null; onDone(): void }) {
  const people = usePeople((s) => s.items);
  const currentId = usePeople((s) => s.currentPersonId);
  const controls = useGaps((s) => s.controls);
  const { create, update, archive } = useRiskActions();
  const { values, errors, busy, set, text, submit } = useRecordForm({
    initial: () => (risk ? riskToForm(risk) : NEW_RISK),
    check: checkRisk,
    errorsFrom: issuesToErrors,
    async save(v) {
      if (risk) await update(risk.id, formToInput(v));
      else await create(formToInput(v));
      return risk ? 'Risk saved.' : `Added “${v.title.trim()}” to the register.`;
    },
    onDone,
  });

  const assessments = useGaps((s) => s.assessments);
  const unproven = unprovenControls(values, assessments);
  const refOf = (id: string) => controls.find((c) => c.id === id)?.ref ?? id;

  const scoreSelect = (key: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact') => ({
    value: String(values[key]),
    onChange: (v: string | null) => {
      if (!v) return;
      if (key === 'likelihood' || key === 'impact') {
        // A residual above the new inherent level comes down with it.
        const next = withInherent(values, key, Number(v));
        if (next.residualLikelihood !== values.residualLikelihood)
          set('residualLikelihood', next.residualLikelihood);
        if (next.residualImpact !== values.residualImpact)
          set('residualImpact', next.residualImpact);
      }
      set(key, Number(v));
    },
    allowDeselect: false,
    error: errors[key],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Title"
          placeholder="What could go wrong, in a sentence"
          {...text('title')}
          required
          data-autofocus
        />
        <Textarea label="Description" {...text('description')} autosize minRows={2} />
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
          onChange={(v) => {
            if (!v) return;
            const next = withTreatment(values, v as Risk['treatment'], currentId, todayIso());
            set('acceptedById', next.acceptedById);
            set('acceptedOn', next.acceptedOn);
            set('treatment', next.treatment);
          }}
          allowDeselect={false}
        />
        {values.treatment === 'accept' && (
          <SimpleGrid cols={2} data-testid="risk-acceptance">
            <PersonSelect
              label="Accepted by"
              people={people}
              value={values.acceptedById}
              onChange={(id) => set('acceptedById', id)}
              error={errors.acceptedById}
            />
            <TextInput type="date" label="Accepted on" {...text('acceptedOn')} />
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
          onChange={(ids) => set('controlIds', ids)}
          error={errors.controlIds}
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
        <TextInput type="date" label="Next review" {...text('reviewOn')} w={200} />
        <FormActions
          submitLabel={risk ? 'Save risk' : 'Add risk'}
          busy={busy}
          onCancel={onDone}
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
      </Stack>
    </form>
  );
}
