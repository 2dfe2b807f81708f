import { useForm } from '@mantine/form';
import { type ChangeEvent, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ZodObject, ZodType } from 'zod';
import { humanIssue } from '../../../shared/api/issue-messages';
import { toApiCallError } from '../../api';
import { notifyError } from '../../app/notify';
import { useFieldAutosave } from '../../features/scope/forms/use-field-autosave';
import { fieldErrorsFrom } from '../field-errors';
import { limitHint, maxLengthOf } from './limits';
import { offerUndo, sayUndoRefused } from './undo-toast';

type Values = Record<string, unknown>;
type FieldOf<V> = keyof V & string;

export interface AutosaveFormOptions<V extends Values, R> {
  /** What the record holds now (a new record: its blank values). */
  values: V;
  /** The contract's schema of a change to one record (a patch): checks each field, gives limits. */
  patchSchema: ZodObject;
  /** A field's value as the contract takes it ('' → null for an unset date, …). */
  toInput?(field: FieldOf<V>, value: V[FieldOf<V>]): unknown;
  /** Words for each field, for the Undo toast ("Title saved"). */
  labels: Record<FieldOf<V>, string>;
  /** Saves one field of an existing record. */
  saveField?(field: FieldOf<V>, value: unknown): Promise<R>;
  /**
   * A new record: its Create button is its first save (refused, with reasons under the fields,
   * while the values do not pass); from then on every field saves on its own via `saveField`.
   */
  create?: {
    schema: ZodType;
    toInput(values: V): unknown;
    run(input: unknown): Promise<R>;
  };
  /** A record came back from Attest (created or changed). */
  onSaved?(record: R, how: 'created' | 'updated'): void;
  /** Typing waits this long for a pause before saving (ms). */
  delay?: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function valueOf(input: unknown): unknown {
  if (input && typeof input === 'object' && 'currentTarget' in input) {
    const target = (input as ChangeEvent<HTMLInputElement>).currentTarget;
    return target.type === 'checkbox' ? target.checked : target.value;
  }
  return input;
}

/**
 * The one save model of Attest (UX.md): every field saves as it is typed (a pause in typing, or
 * at once for a choice), is checked first against the contract's own schema, shows a refusal
 * under the field, can be undone from its toast while the field is unchanged since, and shows
 * its limit. A new record has one button, Create, and exists from its first valid save; until
 * then `draftPending` says there is typed content that leaving would drop (the drawer asks).
 */
export function useAutosaveForm<V extends Values, R>(opts: AutosaveFormOptions<V, R>) {
  const form = useForm<V>({ mode: 'controlled', initialValues: opts.values });
  /** What the vault holds, field by field, as far as this form knows. */
  const stored = useRef<V>(opts.values);
  const [created, setCreated] = useState(!opts.create);
  const createdRef = useRef(!opts.create);
  const creating = useRef<Promise<boolean> | null>(null);
  /** The field whose save is being answered: `adopt` leaves it as typed. */
  const savedField = useRef<FieldOf<V> | null>(null);
  const optsRef = useRef(opts);
  useLayoutEffect(() => {
    optsRef.current = opts;
  });

  const toInput = (field: FieldOf<V>, value: unknown) =>
    optsRef.current.toInput ? optsRef.current.toInput(field, value as V[FieldOf<V>]) : value;

  /** The contract's sentence for a field's value, or null when it would be accepted. */
  const problemOf = (field: FieldOf<V>, value: unknown): string | null => {
    const schema = optsRef.current.patchSchema;
    if (!(field in schema.shape)) return null;
    const parsed = schema
      .pick({ [field]: true } as never)
      .safeParse({ [field]: toInput(field, value) }, { error: humanIssue });
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not accepted');
  };

  const showRefusal = (e: unknown, field?: FieldOf<V>) => {
    const error = toApiCallError(e);
    if (error.code === 'validation') {
      const byField = fieldErrorsFrom(error.issues, ['patch']);
      let placed = false;
      for (const [path, message] of Object.entries(byField)) {
        // `contacts.1.email` too: a list field shows each refusal on its own row.
        if (path.split('.')[0]! in form.getValues()) {
          form.setFieldError(path, message);
          placed = true;
        }
      }
      if (placed) return;
    }
    if (field && (error.code === 'validation' || error.code === 'conflict')) {
      form.setFieldError(field, error.message);
    } else notifyError(error);
  };

  /** Creates the record from the current values when they pass; else says why under the fields. */
  const tryCreate = (): Promise<boolean> => {
    const create = optsRef.current.create!;
    if (creating.current) return creating.current;
    const values = form.getValues();
    const parsed = create.schema.safeParse(create.toInput(values), { error: humanIssue });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? '');
        if (path in values) form.setFieldError(path, issue.message);
      }
      return Promise.resolve(false);
    }
    creating.current = create
      .run(create.toInput(values))
      .then((record) => {
        stored.current = values;
        createdRef.current = true;
        setCreated(true);
        form.clearErrors();
        optsRef.current.onSaved?.(record, 'created');
        // What was typed while the record was being created saves as ordinary changes.
        const now = form.getValues();
        for (const field of Object.keys(now) as FieldOf<V>[]) {
          if (!same(now[field], values[field])) scheduleRef.current(field, now[field]);
        }
        return true;
      })
      .catch((e: unknown) => {
        showRefusal(e);
        return false;
      })
      .finally(() => {
        creating.current = null;
      });
    return creating.current;
  };

  const saveOne = async (field: FieldOf<V>, value: unknown, undoable = true) => {
    if (!createdRef.current) return;
    const problem = problemOf(field, value);
    if (problem) {
      form.setFieldError(field, problem);
      return;
    }
    const before = stored.current[field];
    if (same(before, value)) {
      form.clearFieldError(field);
      return;
    }
    try {
      const record = await optsRef.current.saveField!(field, toInput(field, value));
      stored.current = { ...stored.current, [field]: value };
      clearErrors(field);
      savedField.current = field;
      try {
        optsRef.current.onSaved?.(record, 'updated');
      } finally {
        savedField.current = null;
      }
      if (undoable) {
        offerUndo(optsRef.current.labels[field], () => {
          if (!same(form.getValues()[field], value)) {
            sayUndoRefused(optsRef.current.labels[field]);
            return;
          }
          form.setFieldValue(field, before as never);
          void saveOne(field, before, false);
        });
      }
    } catch (e) {
      showRefusal(e, field);
    }
  };

  const { schedule, flush } = useFieldAutosave<FieldOf<V>>(
    (field, value) => saveOne(field, value),
    opts.delay,
  );
  const scheduleRef = useRef(schedule);
  useLayoutEffect(() => {
    scheduleRef.current = schedule;
  });
  const { patchSchema } = opts;

  /** A field's errors, and those of its rows (`contacts.1.email`). */
  const clearErrors = useCallback(
    (name: string) => {
      // From the errors as they are now: a save answered later must not bring back old ones.
      form.setErrors((errors) => {
        const kept = Object.entries(errors).filter(
          ([path]) => path !== name && !path.startsWith(`${name}.`),
        );
        return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
      });
    },
    [form],
  );

  /**
   * One field changed. A new record waits for its Create; then typing waits for a pause and a
   * choice (a select, a date, a switch) saves at once. A choice whose value is text (a select of
   * words) says so with `now`: from the value alone it would pass for typing.
   */
  const change = useCallback(
    (name: FieldOf<V>, value: unknown, now = typeof value !== 'string') => {
      form.setFieldValue(name, value as never);
      clearErrors(name);
      if (createdRef.current) scheduleRef.current(name, value, now);
    },
    [form, clearErrors],
  );

  /** Props for a Mantine input bound to `field`: value, change (saved), error, limit. */
  const field = useCallback(
    (name: FieldOf<V>) => {
      const maxLength = maxLengthOf(patchSchema, name) ?? undefined;
      return {
        value: form.getValues()[name] as never,
        error: form.errors[name],
        maxLength,
        onChange: (input: unknown) => change(name, valueOf(input)),
        onBlur: () => void flush(),
      };
    },
    [form, flush, patchSchema, change],
  );

  /** "270 / 300" under a text near its limit: the limit seen before it bites. */
  const counter = (name: FieldOf<V>): string | undefined => {
    const max = maxLengthOf(patchSchema, name);
    const value = form.getValues()[name];
    return max && typeof value === 'string' ? limitHint(value, max) : undefined;
  };

  /**
   * What Attest holds after a save, which may have changed other fields too (a residual lowered
   * with its inherent level, who accepted a risk): shown in every field not being edited, and
   * taken as the saved value so the next change compares with what the vault really holds.
   * The field just saved keeps what was typed: Attest's answer is the same value tidied (a title
   * trimmed, empty lines dropped), and putting it back would eat the space typed before a pause.
   */
  const adopt = (latest: Partial<V>) => {
    const now = form.getValues();
    const next = { ...stored.current };
    for (const name of Object.keys(latest) as FieldOf<V>[]) {
      if (name === savedField.current) continue;
      if (!(name in now) || !same(now[name], stored.current[name])) continue;
      next[name] = latest[name] as V[FieldOf<V>];
      if (!same(now[name], latest[name])) form.setFieldValue(name, latest[name] as never);
    }
    stored.current = next;
  };

  const values = form.getValues();
  return {
    form,
    values,
    field,
    change,
    counter,
    adopt,
    flush,
    created,
    /** The Create button: creates now, or shows under each field what stops it. */
    createNow: tryCreate,
    /** A new record with something typed that has not become a record yet. */
    draftPending: !created && !same(values, opts.values),
  };
}
