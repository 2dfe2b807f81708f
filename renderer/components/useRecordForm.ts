import { type ChangeEvent, type FormEvent, useState } from 'react';
import type { ValidationIssue } from '../../shared/api/errors';
import { toApiCallError } from '../api';
import { notifyError, notifySuccess } from '../app/notify';

export type FormErrors<V> = Partial<Record<keyof V, string>>;

/** The fields of a form that hold text (a title, a description, a date as typed). */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

/**
 * A record's form (a task, a risk): its values, a message under each field, and a submit that
 * checks first with the contract's own schema, saves, says so quietly and closes. A refusal
 * from Attest shows under its fields; anything else as a notification.
 */
export function useRecordForm<V extends object>(options: {
  initial(): V;
  check(values: V): FormErrors<V>;
  /** Attest's field problems, in its words, under the form's fields. */
  errorsFrom(issues: readonly ValidationIssue[]): FormErrors<V>;
  /** Saves the values; resolves to the short message that says it was done. */
  save(values: V): Promise<string>;
  onDone(): void;
}) {
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<FormErrors<V>>({});
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  /** Value, change and error of a text field (TextInput, Textarea, a date input). */
  const text = (key: TextKey<V>) => ({
    value: values[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, e.currentTarget.value as V[TextKey<V>]),
    error: errors[key],
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = options.check(values);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      notifySuccess(await options.save(values));
      options.onDone();
    } catch (err) {
      const error = toApiCallError(err);
      const fields = options.errorsFrom(error.issues);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return { values, errors, busy, set, text, submit };
}
