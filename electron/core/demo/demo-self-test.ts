import { drawSample } from '../self-tests/draw';
import { setCell, updateDeviation } from '../self-tests/grid';
import type { Vault } from '../vault/session';
import type { DemoClock } from './demo-clock';
import { demoControl } from './demo-attachments';
import type { DemoDates } from './demo-dates';
import { POPULATION_CONTROLS } from './demo-populations';

/** The seed the demo's sample is drawn with, recorded with it: the same rows on every build. */
export const DEMO_SAMPLE_SEED = 'northwind-demo-leavers';

/**
 * Management self-testing (T): the security lead draws a random sample of the leavers population
 * with a recorded seed and tests each item's attributes. Two cells fail: one deviation, isolated,
 * already has management's response; the other, found the day before, does not yet — so the
 * control's criteria read "met with exceptions" and readiness asks for the missing response.
 */
export async function fillSelfTest(
  vault: Vault,
  clock: DemoClock,
  dates: DemoDates,
  population: { id: string; grid: string[][] },
): Promise<void> {
  clock.moveTo(dates.daysAgo(4));
  const control = demoControl(vault, POPULATION_CONTROLS.terminations);
  const test = await drawSample(
    vault,
    {
      controlId: control.id,
      populationId: population.id,
      method: 'random',
      seed: DEMO_SAMPLE_SEED,
    },
    { writtenGrid: population.grid },
  );
  const [first, second] = test.attributes;
  // Which sampled items fail: the third on its second attribute, the last on its first.
  const fails = new Map<string, string>([
    [test.items[2]!.id, second!.id],
    [test.items[test.items.length - 1]!.id, first!.id],
  ]);
  const notes: Record<string, string> = {
    [second!.id]:
      'The analytics warehouse account was removed four business days after the last day.',
    [first!.id]:
      'The identity provider account stayed active until the morning after the last day.',
  };
  clock.moveTo(dates.daysAgo(3));
  const deviations: string[] = [];
  for (const item of test.items) {
    for (const attribute of test.attributes) {
      const failed = fails.get(item.id) === attribute.id;
      const result = setCell(vault, {
        testId: test.id,
        itemId: item.id,
        attributeId: attribute.id,
        result: failed ? 'fail' : 'pass',
        note: failed ? notes[attribute.id]! : '',
        evidenceId: null,
      });
      if (result.deviation) deviations.push(result.deviation.id);
    }
  }
  clock.moveTo(dates.daysAgo(2));
  updateDeviation(vault, deviations[0]!, {
    extent: 'isolated',
    rootCause:
      'The warehouse is not connected to the identity provider; its accounts are removed by hand from the leaver ticket.',
    remediation:
      'Warehouse access moved behind single sign-on; the leaver checklist now lists it until then.',
    managementResponse:
      'Management agrees. The account was not used after the leaving date (login history checked); the warehouse joins single sign-on this quarter.',
  });
  updateDeviation(vault, deviations[1]!, { extent: 'isolated' });
}
