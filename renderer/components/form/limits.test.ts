import { describe, expect, it } from 'vitest';
import { personPatch } from '../../../shared/api/people';
import { riskPatch } from '../../../shared/api/risks';
import { methods } from '../../../shared/api/index';
import { controlPatch } from '../../../shared/api/controls';
import { requestPatch } from '../../../shared/api/requests';
import { componentInput, cuecInput, sdEventInput, subserviceInput } from '../../../shared/api/sd';
import { engagementPatch } from '../../../shared/api/methods/scope';
import { taskPatch } from '../../../shared/api/tasks';
import { limitHint, limitProps, maxLengthOf } from './limits';

describe('the limits a form shows', () => {
  it('reads the contract’s text limit through optional and default wrappers', () => {
    expect(maxLengthOf(riskPatch, 'title')).toBe(300);
    expect(maxLengthOf(personPatch, 'name')).toBeGreaterThan(0);
  });

  it('says nothing for fields without a length', () => {
    expect(maxLengthOf(riskPatch, 'likelihood')).toBeNull();
    expect(maxLengthOf(riskPatch, 'no-such-field')).toBeNull();
  });

  it('counts the characters once a text comes near its limit, not before', () => {
    expect(limitHint('a'.repeat(100), 300)).toBeUndefined();
    expect(limitHint('a'.repeat(240), 300)).toBe('240 / 300');
    expect(limitHint('a'.repeat(300), 300)).toBe('300 / 300');
    expect(limitHint('anything', null)).toBeUndefined();
  });

  it('reaches into lists and objects by a dotted path', () => {
    expect(maxLengthOf(subserviceInput, 'csocs.description')).toBe(2000);
    expect(maxLengthOf(sdEventInput, 'title')).toBeGreaterThan(0);
  });

  it('gives a field its maxLength, and its counter after its own description', () => {
    expect(limitProps(riskPatch, 'title', 'short')).toEqual({ maxLength: 300 });
    expect(limitProps(riskPatch, 'title', 'a'.repeat(250), 'What could go wrong')).toEqual({
      maxLength: 300,
      description: 'What could go wrong · 250 / 300',
    });
    expect(limitProps(riskPatch, 'likelihood', '')).toEqual({});
  });

  it('finds a limit for every text field the forms show one for', () => {
    const fields: [Parameters<typeof maxLengthOf>[0], string][] = [
      [taskPatch, 'title'],
      [taskPatch, 'description'],
      [riskPatch, 'description'],
      [controlPatch, 'title'],
      [controlPatch, 'testProcedure'],
      [requestPatch, 'wave'],
      [engagementPatch, 'services'],
      [engagementPatch, 'auditorFirm'],
      [subserviceInput, 'services'],
      [subserviceInput, 'vendorCuecs.description'],
      [subserviceInput, 'report.exceptions'],
      [subserviceInput, 'report.bridgeGap'],
      [subserviceInput, 'report.exceptionsConclusion'],
      [subserviceInput, 'report.bridgeLetter.note'],
      [cuecInput, 'description'],
      [componentInput, 'name'],
      [componentInput, 'description'],
      [sdEventInput, 'disposition'],
      [methods['sd.setText'].input, 'content'],
      [methods['criteria.setNotRelevant'].input, 'reason'],
      [methods['requests.comment'].input, 'body'],
    ];
    for (const [schema, field] of fields)
      expect({ field, max: maxLengthOf(schema, field) }).toEqual({
        field,
        max: expect.any(Number),
      });
  });
});
