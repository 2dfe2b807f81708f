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

/**
 * Fields that are one answer and so one call: a report type and its dates, a status and its
 * reason. A change to any of them waits (a pause in typing, or none for a choice) and then sends
 * the group as it stands, once it is complete; Undo puts the whole group back.
 */
export interface AutosaveGroup<V extends Values, R> {
  fields: FieldOf<V>[];
  /** Words for the Undo toast ("Report type and dates saved"). */
  label: string;
  /**
   * The call's input, or null while there is nothing complete to send (a period with one date;
   * nothing is sent). `saved` is what the vault holds as far as the form knows.
   */
  toInput(values: V, saved: V): unknown;
  /** The contract's schema of that input: checked before sending, refusals under the fields. */
  schema?: ZodType;
  /** Other fields whose current values the call sends too, and so saves (an assessment's notes). */
  carries?: FieldOf<V>[];
  save(input: unknown): Promise<R>;
}

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
  /** Fields saved together, by a name that is not a field's. */
  groups?: Record<string, AutosaveGroup<V, R>>;
  /**
   * Where a refusal's path (`period.end`, a sent row's `csocs.0.description`) shows on this form
   * (`end`, the row as the user sees it); by default the path itself.
   */
  errorPath?(path: string): string;
  /** A record came back from Attest (created or changed). */
  onSaved?(record: R, how: 'created' | 'updated'): void;
  /** Typing waits this long for a pause before saving (ms). */
  delay?: number;
}

/** The name of the group `field` belongs to, if any. */
function groupOf(groups: Record<string, { fields: string[] }> | undefined, field: string) {
  return Object.entries(groups ?? {}).find(([, g]) => g.fields.includes(field))?.[0];
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
  /** The fields whose save is being answered: `adopt` leaves them as typed. */
  const savedFields = useRef<readonly string[]>([]);
  const optsRef = useRef(opts);
  const formRef = useRef(form);
  useLayoutEffect(() => {
    optsRef.current = opts;
    formRef.current = form;
  });

  const toInput = (field: FieldOf<V>, value: unknown) =>
    optsRef.current.toInput ? optsRef.current.toInput(field, value as V[FieldOf<V>]) : value;

  /** What the contract says against a field's value, each issue's path from the form's top. */
  const problemsOf = (field: FieldOf<V>, value: unknown) => {
    // The field's own schema: `pick` is refused on an object with refinements (an assessment's).
    const schema = (optsRef.current.patchSchema.shape as Record<string, ZodType>)[field];
    if (!schema) return [];
    const parsed = schema.safeParse(toInput(field, value), { error: humanIssue });
    if (parsed.success) return [];
    return parsed.error.issues.map((i) => ({ path: [field, ...i.path], message: i.message }));
  };

  /** Puts each issue under the field (or row) it is about; says whether any found a place. */
  const place = (issues: readonly { path: PropertyKey[]; message: string }[]): boolean => {
    const byField = fieldErrorsFrom(
      issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      ['patch'],
    );
    const onForm = optsRef.current.errorPath ?? ((path: string) => path);
    const placed = new Map<string, string>(); // the form's path → the contract's
    for (const [path, message] of Object.entries(byField)) {
      const at = onForm(path);
      // A whole (`period`) shown on one field (`end`) is not also the refusal of another part
      // (`period.start`, already on `start`).
      const elsewhere = [...placed].some(
        ([onIt, from]) => from.startsWith(`${path}.`) && !onIt.startsWith(at),
      );
      // `contacts.1.email` too: a list field shows each refusal on its own row.
      if (at.split('.')[0]! in form.getValues() && !placed.has(at) && !elsewhere) {
        form.setFieldError(at, message);
        placed.set(at, path);
      }
    }
    return placed.size > 0;
  };

  const showRefusal = (e: unknown, field?: FieldOf<V>) => {
    const error = toApiCallError(e);
    if (error.code === 'validation' && place(error.issues)) return;
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
      place(parsed.error.issues);
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
          if (!same(now[field], values[field])) sendRef.current(field, now[field]);
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
    const problems = problemsOf(field, value);
    if (problems.length > 0) {
      // A row's problem on its row (`contacts.1.email`), the rest under the field.
      if (!place(problems)) form.setFieldError(field, problems[0]!.message);
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
      answered(record, [field]);
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

  /** Attest's answer to a save of `fields`: handed on, those fields left as typed. */
  const answered = (record: R, fields: readonly string[]) => {
    savedFields.current = fields;
    try {
      optsRef.current.onSaved?.(record, 'updated');
    } finally {
      savedFields.current = [];
    }
  };

  /** A group as it stands in `values`: sent when complete, passes, and differs from the vault. */
  const saveGroup = async (name: string, values: V, undoable = true) => {
    const group = optsRef.current.groups![name]!;
    if (!createdRef.current) return;
    const input = group.toInput(values, stored.current);
    if (input === null) return;
    const checked = group.schema?.safeParse(input, { error: humanIssue });
    if (checked && !checked.success) {
      if (!place(checked.error.issues))
        form.setFieldError(group.fields[0]!, checked.error.issues[0]!.message);
      return;
    }
    const sent = [...group.fields, ...(group.carries ?? [])];
    const before = stored.current;
    if (sent.every((f) => same(before[f], values[f]))) {
      group.fields.forEach(clearErrors);
      return;
    }
    try {
      const record = await group.save(input);
      const now: Partial<V> = {};
      for (const f of sent) now[f] = values[f];
      stored.current = { ...stored.current, ...now };
      sent.forEach(clearErrors);
      answered(record, sent);
      // Undo only to an answer that can be sent again (not back to "not assessed yet").
      const back = { ...form.getValues() };
      for (const f of group.fields) back[f] = before[f];
      if (!undoable || group.toInput(back, stored.current) === null) return;
      offerUndo(group.label, () => {
        const current = form.getValues();
        if (group.fields.some((f) => !same(current[f], values[f]))) {
          sayUndoRefused(group.label);
          return;
        }
        const restored = { ...current };
        for (const f of group.fields) restored[f] = before[f];
        for (const f of group.fields) form.setFieldValue(f, before[f] as never);
        void saveGroup(name, restored, false);
      });
    } catch (e) {
      showRefusal(e, group.fields[0]);
    }
  };

  const { schedule, flush } = useFieldAutosave<string>(
    (key, value) =>
      optsRef.current.groups?.[key]
        ? saveGroup(key, value as V)
        : saveOne(key as FieldOf<V>, value),
    opts.delay,
  );
  /** A changed field waits to be saved: on its own, or its group as it now stands. */
  const send = (name: FieldOf<V>, value: unknown, now = false) => {
    const group = groupOf(optsRef.current.groups, name);
    if (group) schedule(group, { ...form.getValues(), [name]: value }, now);
    else schedule(name, value, now);
  };
  const sendRef = useRef(send);
  useLayoutEffect(() => {
    sendRef.current = send;
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
      if (createdRef.current) sendRef.current(name, value, now);
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
  const adopt = useCallback((latest: Partial<V>) => {
    // Through refs only: one function for the form's life, so an effect may depend on it.
    const form = formRef.current;
    const now = form.getValues();
    const next = { ...stored.current };
    for (const name of Object.keys(latest) as FieldOf<V>[]) {
      if (savedFields.current.includes(name)) continue;
      if (!(name in now) || !same(now[name], stored.current[name])) continue;
      next[name] = latest[name] as V[FieldOf<V>];
      if (!same(now[name], latest[name])) form.setFieldValue(name, latest[name] as never);
    }
    stored.current = next;
  }, []);

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
