import { Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { SectionCard } from '../../../components/SectionCard';
import { useCoverage, useGaps } from '../gaps-store';
import { CoverageHeatMap, CoverageLegend } from './CoverageHeatMap';
import { CriterionDrawer } from './CriterionDrawer';
import { GapsList } from './GapsList';

/** Coverage of every criterion in scope, as a heat map, and the gaps ordered by severity. */
export function CoverageView() {
  const coverage = useCoverage((s) => s.coverage);
  const criteria = useGaps((s) => s.criteria);
  const gaps = useCoverage((s) => s.gaps);
  const notAssessed = useCoverage((s) => s.notAssessed);
  const [open, setOpen] = useState<string | null>(null);
  const groupTitles = useMemo(
    () => new Map(criteria.map((c) => [c.groupId as string, c.groupTitle])),
    [criteria],
  );

  return (
    <Stack gap="lg">
      <SectionCard
        title="Coverage by criterion"
        testId="coverage-card"
        action={<CoverageLegend criteria={coverage} />}
      >
        <Stack gap="md">
          <CoverageHeatMap criteria={coverage} groupTitles={groupTitles} onOpen={setOpen} />
          <Text size="xs" c="dimmed">
            A criterion is met only when every key control mapped to it is implemented and has
            reviewed evidence for its windows; supporting controls never meet it alone. Evidence is
            collected in Documentation; until then the best a criterion can be is mapped — awaiting
            reviewed evidence. Self-assessment — not an audit opinion.
          </Text>
        </Stack>
      </SectionCard>
      <SectionCard title="Gaps by severity" testId="gaps-card">
        <GapsList gaps={gaps} notAssessed={notAssessed} />
      </SectionCard>
      <CriterionDrawer criterionId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
