import { z } from 'zod';
import { method } from '../define';
import { packageExportInput, packageExportResult } from '../package';

export const packageMethods = {
  'package.export': method({
    summary:
      'Export the audit package (DESIGN §6) as a signed zip (a job with files and bytes as progress; written to `saveTo`, or a download in a browser); with `since`, a delta of what is new or changed since that earlier package of this vault, verified first',
    input: packageExportInput,
    output: z.object({ jobId: z.string() }),
    jobResult: packageExportResult,
    mutates: false,
    reads: [],
  }),
} as const;
