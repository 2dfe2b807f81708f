import { Center, Loader, Stack } from '@mantine/core';
import type { Engagement } from '../../../../shared/api/vault';
import { useScopeCriteria, useSystemDescription } from '../scope-queries';
import { CategoriesStep } from './CategoriesStep';
import { CuecsStep } from './CuecsStep';
import { DescriptionStep } from './DescriptionStep';
import { EngagementStep } from './EngagementStep';
import { EventsStep } from './EventsStep';
import { NeedsConfirm } from './NeedsConfirm';
import { NotRelevantStep } from './NotRelevantStep';
import { ReportTypeStep } from './ReportTypeStep';
import { ReviewStep } from './ReviewStep';
import { SubservicesStep } from './SubservicesStep';
import { WIZARD_STEPS } from './wizard-steps';

/** The questions of one step of the wizard. */
export function StepContent(props: {
  step: number;
  engagement: Engagement;
  onGoToStep(step: number): void;
  onConfirmed(): void;
}) {
  const { step, engagement } = props;
  const sd = useSystemDescription();
  const hasCriteria = useScopeCriteria().criteria.length > 0;
  if (step === 0) return <EngagementStep engagement={engagement} />;
  if (step === 1) return <ReportTypeStep engagement={engagement} />;
  if (step === 2) return <CategoriesStep engagement={engagement} />;
  if (!sd) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading the system description" />
      </Center>
    );
  }
  if (WIZARD_STEPS[step]?.needsCriteria) {
    return (
      <Stack gap="lg">
        <NeedsConfirm chosen={engagement.categories} />
        {hasCriteria && step === 4 && <SubservicesStep sd={sd} />}
        {hasCriteria && step === 5 && <CuecsStep sd={sd} />}
        {hasCriteria && step === 6 && <NotRelevantStep sd={sd} />}
      </Stack>
    );
  }
  if (step === 3) return <DescriptionStep sd={sd} />;
  if (step === 7) return <EventsStep sd={sd} engagement={engagement} />;
  return (
    <ReviewStep
      engagement={engagement}
      sd={sd}
      onGoToStep={props.onGoToStep}
      onConfirmed={props.onConfirmed}
    />
  );
}
