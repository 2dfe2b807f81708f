import { APP_VERSION } from '../../platform/version';
import type { HandlerSlice } from './types';

export const appHandlers: HandlerSlice<'app.info'> = {
  'app.info': (_input, ctx) => ({
    version: APP_VERSION,
    home: ctx.home,
    platform: process.platform,
    openVault: ctx.vault?.path ?? null,
    openId: ctx.vault ? ctx.openId : null,
  }),
};
