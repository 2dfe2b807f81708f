import { useCallback, useState } from 'react';
import { toApiCallError } from '../../../api';
import { notifyError } from '../../../app/notify';
import { type FieldErrors, fieldErrorsFrom, withoutField } from '../../../components/field-errors';

export interface CaptureOptions {
  /** The field being saved: a refusal without its own path is shown under it. */
  field?: string;
  /** Leading path segments to drop (`patch` of an update). */
  strip?: string[];
}

/**
 * Errors from the contract, shown where they belong: validation issues under their fields, a
 * refusal of one field's save under that field, anything else as a notification.
 */
export function useContractErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});

  const capture = useCallback((e: unknown, options: CaptureOptions = {}) => {
    const error = toApiCallError(e);
    const { field } = options;
    const refusesField = field !== undefined && error.code === 'conflict';
    if (error.code !== 'validation' && !refusesField) {
      notifyError(error);
      return;
    }
    const mapped = error.code === 'validation' ? fieldErrorsFrom(error.issues, options.strip) : {};
    const onFields = Object.keys(mapped).some((key) => key !== '');
    const own: FieldErrors = onFields ? mapped : { [field ?? '']: error.message };
    // A form's submit replaces every error; one field's save replaces only that field's.
    setErrors((prev) => (field === undefined ? own : { ...withoutField(prev, field), ...own }));
  }, []);

  const clear = useCallback((field?: string) => {
    setErrors((prev) => (field === undefined ? {} : withoutField(prev, field)));
  }, []);

  return { errors, capture, clear, setErrors };
}
