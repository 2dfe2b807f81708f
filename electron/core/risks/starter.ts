import starterFile from '../../../resources/catalog/starter-risks.json' with { type: 'json' };
import { z } from 'zod';
import { type StarterRisk, starterRiskSchema } from '../../../shared/api/risks';

const fileSchema = z.object({ version: z.string(), risks: z.array(starterRiskSchema) });

let cached: StarterRisk[] | undefined;

/** Common SOC 2 risks written by us, offered once per vault to accept or discard one by one. */
export function starterRisks(): StarterRisk[] {
  cached ??= fileSchema.parse(starterFile).risks;
  return cached;
}
