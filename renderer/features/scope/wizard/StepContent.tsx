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
  const id = WIZARD_STEPS[step]?.id;
  if (id === 'engagement') return <EngagementStep engagement={engagement} />;
  if (id === 'report') return <ReportTypeStep engagement={engagement} />;
  if (id === 'categories') return <CategoriesStep engagement={engagement} />;
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
        <NeedsConfirm chosen={engagement.categories} onGoToStep={props.onGoToStep} />
        {hasCriteria && id === 'subservices' && <SubservicesStep sd={sd} />}
        {hasCriteria && id === 'cuecs' && <CuecsStep sd={sd} />}
        {hasCriteria && id === 'not-relevant' && <NotRelevantStep sd={sd} />}
      </Stack>
    );
  }
  if (id === 'description') return <DescriptionStep sd={sd} />;
  if (id === 'events') return <EventsStep sd={sd} engagement={engagement} />;
  if (id !== 'review') throw new Error(`The wizard has no step ${step}`);
  return (
    <ReviewStep
      engagement={engagement}
      sd={sd}
      onGoToStep={props.onGoToStep}
      onConfirmed={props.onConfirmed}
    />
  );
}
