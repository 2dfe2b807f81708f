import { useVault } from '../vault/store';
import { useVerify } from './verify-store';

/** Starts "Verify vault" for the open vault (from the Dashboard, the menu or the palette). */
export function runVerify(): void {
  const path = useVault.getState().info?.path;
  if (path) void useVerify.getState().run(path);
}
