import {
  archivePerson,
  createPerson,
  currentPersonId,
  listPersons,
  setCurrentPerson,
  updatePersonDetails,
} from '../../core/people/people';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const peopleHandlers: HandlerSlice<
  'people.list' | 'people.create' | 'people.update' | 'people.archive' | 'people.setCurrent'
> = {
  'people.list': ({ includeArchived }, ctx) => {
    const vault = requireVault(ctx);
    return { items: listPersons(vault, includeArchived), currentPersonId: currentPersonId(vault) };
  },
  'people.create': (input, ctx) => createPerson(requireVault(ctx), input),
  'people.update': ({ id, patch }, ctx) => updatePersonDetails(requireVault(ctx), id, patch),
  'people.archive': ({ id, archived }, ctx) => archivePerson(requireVault(ctx), id, archived),
  'people.setCurrent': ({ id }, ctx) => setCurrentPerson(requireVault(ctx), id),
};
