import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  NO_FILTERS as NO_CONTROL_TABLE_FILTERS,
  useControlTable,
} from '../gaps/table/control-filters';
import { useTaskTable } from '../remediation/task-filters';
import {
  DEFAULT_SORT as REQUESTS_SORT,
  NO_FILTERS as NO_REQUEST_FILTERS,
} from '../requests/table/table-query';
import { useRequestTable } from '../requests/table/request-table-store';
import { NO_CONTROL_FILTERS, NO_MATRIX_FILTERS, useScopeView } from '../scope/view/view-store';
import { type AppInfo, useVault } from './store';

/*
 * The UI stores that keep a table's filters while the user goes elsewhere and back (zustand:
 * they outlive the screen) must not carry them into another vault, where a search, a domain or
 * an owner chosen in the first would hide rows with nothing on screen saying why.
 */

const open = (openId: string, file: string) =>
  useVault.setState({ status: 'open', app: { openId, openVault: file } as AppInfo });

/** Filters set in every store, as a user would have left them in the first vault. */
function filterEverything() {
  useScopeView.getState().setTab('controls');
  useScopeView
    .getState()
    .setMatrix({ category: 'availability', search: 'backup', unmappedOnly: true });
  useScopeView.getState().setControls({ search: 'AC-', domain: 'access', showArchived: true });
  useScopeView.getState().setControls({ sort: { key: 'title', dir: 'desc' } });
  useControlTable.getState().setFilter('owner', 'per_only_in_a');
  useControlTable.getState().setFilter('search', 'encryption');
  useTaskTable.getState().setFilter('owner', 'per_only_in_a');
  useTaskTable.getState().setShowArchived(true);
  useRequestTable.getState().setFilter('search', 'population');
}

beforeEach(() => open('open-1', '/vaults/a.attest'));
afterEach(() => useVault.setState({ status: 'closed', app: null }));

describe('table filters when another vault opens', () => {
  it('the Scope screen’s matrix and controls filters start afresh; its tab stays', () => {
    filterEverything();
    expect(useScopeView.getState().controls.search).toBe('AC-');

    open('open-2', '/vaults/b.attest');
    const scope = useScopeView.getState();
    expect(scope.matrix).toEqual(NO_MATRIX_FILTERS);
    expect(scope.controls).toEqual(NO_CONTROL_FILTERS);
    expect(scope.tab).toBe('controls');
  });

  it('every other table’s filters start afresh too', () => {
    filterEverything();
    open('open-2', '/vaults/b.attest');
    expect(useControlTable.getState().filters).toEqual(NO_CONTROL_TABLE_FILTERS);
    expect(useTaskTable.getState().filters.owner).toBeNull();
    expect(useTaskTable.getState().showArchived).toBe(false);
    expect(useRequestTable.getState().filters).toEqual(NO_REQUEST_FILTERS);
    expect(useRequestTable.getState().sort).toEqual(REQUESTS_SORT);
  });

  it('the same vault opened again (a new opening, same file) keeps them', () => {
    filterEverything();
    open('open-2', '/vaults/a.attest');
    expect(useScopeView.getState().matrix.search).toBe('backup');
    expect(useScopeView.getState().controls.domain).toBe('access');
    expect(useControlTable.getState().filters.search).toBe('encryption');
  });
});
