import { z } from 'zod';
import { method } from '../define';

export const appMethods = {
  'app.info': method({
    summary: 'The running build, where ATTEST_HOME is, and whether a vault is open',
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      home: z.string(),
      platform: z.string(),
      openVault: z.string().nullable(),
      /** New at every open: what the window's cached reads are keyed by. */
      openId: z.string().nullable(),
    }),
    mutates: false,
    reads: ['vault', 'recent'],
  }),
} as const;
