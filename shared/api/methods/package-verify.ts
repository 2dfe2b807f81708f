import { z } from 'zod';
import { method } from '../define';
import { packageVerifyReportSchema } from '../package-verify';
import { fileSource } from './blobs';

export const packageVerifyMethods = {
  'package.verify': method({
    summary:
      'Check an audit package without unpacking it (a job): hostile zip entries refused, then the signature and every file against the signed manifest, each problem named; needs no vault and writes nothing',
    input: z.object({ source: fileSource }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: packageVerifyReportSchema,
    mutates: false,
    reads: [],
  }),
};
