import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, withoutField } from './field-errors';

describe('fieldErrorsFrom', () => {
  it('marks the field and every prefix of its path, first message winning', () => {
    expect(
      fieldErrorsFrom([
        { path: ['period', 'end'], message: 'The period must end after it starts' },
        { path: ['period'], message: 'later' },
      ]),
    ).toEqual({
      'period.end': 'The period must end after it starts',
      period: 'The period must end after it starts',
    });
  });

  it('drops leading wrapper segments such as the patch of an update', () => {
    expect(
      fieldErrorsFrom(
        [{ path: ['patch', 'criteria', '1'], message: 'Not a criterion' }],
        ['patch'],
      ),
    ).toEqual({ 'criteria.1': 'Not a criterion', criteria: 'Not a criterion' });
  });

  it('keeps issues without a path as the form’s own', () => {
    expect(fieldErrorsFrom([{ path: [], message: 'Confirm the scope first' }])).toEqual({
      '': 'Confirm the scope first',
    });
  });
});

describe('withoutField', () => {
  it('clears a field and what lies under it, nothing else', () => {
    expect(
      withoutField({ csocs: 'a', 'csocs.0.criteria': 'b', criteria: 'c', csocsX: 'd' }, 'csocs'),
    ).toEqual({ criteria: 'c', csocsX: 'd' });
  });
});
