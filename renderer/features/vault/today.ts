import { useVault } from './store';

/**
 * Today's date as the backend's clock has it (app.info), never the browser's: one ATTEST_NOW
 * moves the whole app, and the renderer agrees with the backend about what is overdue or stale.
 * Screens that need it render only once app.info has answered.
 */
export function useToday(): string {
  const today = useVault((s) => s.app?.today);
  if (!today) throw new Error('useToday was called before app.info answered');
  return today;
}
