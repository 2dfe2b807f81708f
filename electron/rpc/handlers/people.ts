import {
  archivePerson,
  createPerson,
  currentPersonId,
  setCurrentPerson,
  toPerson,
  updatePersonDetails,
} from '../../core/people/people';
import { listPeoplePage } from '../../db/repos/lists';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const peopleHandlers: HandlerSlice<
  'people.list' | 'people.create' | 'people.update' | 'people.archive' | 'people.setCurrent'
> = {
  'people.list': ({ includeArchived, search, sort, limit, cursor }, ctx) => {
    const vault = requireVault(ctx);
    const page = listPeoplePage(vault.db, { includeArchived, search }, { limit, cursor }, sort);
    return {
      items: page.rows.map(toPerson),
      nextCursor: page.nextCursor,
      total: page.total,
      currentPersonId: currentPersonId(vault),
    };
  },
  'people.create': (input, ctx) => createPerson(requireVault(ctx), input),
  'people.update': ({ id, patch }, ctx) => updatePersonDetails(requireVault(ctx), id, patch),
  'people.archive': ({ id, archived }, ctx) => archivePerson(requireVault(ctx), id, archived),
  'people.setCurrent': ({ id }, ctx) => setCurrentPerson(requireVault(ctx), id),
};
