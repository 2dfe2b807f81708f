import { Alert, Box, Button, Divider, Group, Paper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Engagement } from '../../../../shared/api/vault';
import { useApi } from '../../../api/provider';
import { notifyError } from '../../../app/notify';
import { stepById } from '../../../app/steps';
import { PageHeader } from '../../../components/PageHeader';
import { flushPendingSaves } from '../forms/unsaved-store';
import { scopeLinks } from '../scope-paths';
import { pendingCategories } from '../scope-change';
import { useScopeCriteria, useSystemDescription } from '../scope-queries';
import { StepContent } from './StepContent';
import { WizardSaveState } from './WizardSaveState';
import { WizardStepList } from './WizardStepList';
import { answeredSteps } from './wizard-answers';
import { CONFIRM_STEP, LAST_STEP, WIZARD_STEPS, canOpenStep, initialStep } from './wizard-steps';

/**
 * The scoping wizard: nine steps, each saved as it is answered, resumed where the user left off
 * (`engagement.scopeStep`). The step is in the link (`?edit=1&step=4`), so Back and reload work.
 * Confirming at question 6 moves on to the three questions that need the criteria; the last
 * one finishes on the scope itself.
 */
export function ScopeWizard({ engagement }: { engagement: Engagement }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useApi();
  const confirmed = engagement.scopeConfirmedAt !== null;
  const active = initialStep(params.get('step'), engagement.scopeStep, confirmed);
  const furthest = Math.max(engagement.scopeStep, active);
  const step = WIZARD_STEPS[active]!;
  const sd = useSystemDescription();
  const { criteria } = useScopeCriteria();
  const answered = answeredSteps({
    engagement,
    sections: sd?.completeness.sections ?? null,
    categoriesPending:
      pendingCategories(engagement.categories, [...new Set(criteria.map((c) => c.category))]).added
        .length > 0,
  });

  // Keep the wizard in the link, so confirming (question 6) does not leave it.
  const inLink = params.get('edit') === '1';
  useEffect(() => {
    if (!inLink) setParams({ edit: '1', step: String(active + 1) }, { replace: true });
  }, [inLink, active, setParams]);

  const go = (next: number) => {
    // Whatever was typed in the last moments is sent now, before the step's form goes away.
    flushPendingSaves();
    setParams({ edit: '1', step: String(next + 1) }, { replace: true });
    // Remember the furthest step reached, so the wizard resumes there.
    if (next > engagement.scopeStep) {
      client.call('scope.update', { scopeStep: next }).catch(notifyError);
    }
  };

  const scope = stepById('scope');
  return (
    <>
      <PageHeader
        title={scope.label}
        step={scope.number}
        purpose="Answer these questions once. Every answer is saved as you go; you can leave and pick up where you stopped."
        action={
          confirmed ? (
            <Button variant="default" component={Link} to={scopeLinks.view()}>
              Back to the scope
            </Button>
          ) : undefined
        }
      />
      {confirmed && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />} mb="lg">
          You are changing a confirmed scope. Re-scoping keeps all work: controls whose criteria
          leave the scope are archived with their assessments and evidence, and return if the
          criteria come back. Category changes apply when you confirm again.
        </Alert>
      )}
      <Group align="flex-start" wrap="nowrap" gap="xl">
        <Box w={228} style={{ flexShrink: 0, position: 'sticky', top: 80 }}>
          <WizardStepList
            active={active}
            answered={answered}
            canOpen={(i) => i !== active && canOpenStep(i, furthest, confirmed)}
            onOpen={go}
          />
        </Box>
        <Paper
          withBorder
          p="xl"
          radius="lg"
          style={{ flex: 1, minWidth: 0 }}
          data-testid={`wizard-step-${step.id}`}
        >
          {/* A question of the Scope step: worded apart from the page's "Step 1 of 6". */}
          <Text size="sm" fw={500} c="dimmed" data-testid="wizard-question">
            Question {active + 1} of {WIZARD_STEPS.length}
          </Text>
          <Title order={2} mt={4}>
            {step.title}
          </Title>
          <Text size="sm" c="dimmed" mt={4} maw={680}>
            {step.explain}
          </Text>
          <Box mt="xl">
            <StepContent
              key={active}
              step={active}
              engagement={engagement}
              onGoToStep={go}
              onConfirmed={() => go(CONFIRM_STEP + 1)}
            />
          </Box>
          <Divider my="xl" />
          <Group justify="space-between" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              disabled={active === 0}
              onClick={() => go(active - 1)}
            >
              Back
            </Button>
            <WizardSaveState />
            {active === CONFIRM_STEP && !confirmed ? (
              // Confirming (above) is the way on: the questions after it need the criteria.
              <Box w={120} />
            ) : active < LAST_STEP ? (
              <Button rightSection={<IconArrowRight size={16} />} onClick={() => go(active + 1)}>
                Next: {WIZARD_STEPS[active + 1]!.label}
              </Button>
            ) : confirmed ? (
              <Button
                leftSection={<IconCheck size={16} />}
                onClick={() => {
                  flushPendingSaves();
                  navigate(scopeLinks.view());
                }}
              >
                Finish: see the scope
              </Button>
            ) : (
              <Box w={120} />
            )}
          </Group>
        </Paper>
      </Group>
    </>
  );
}
