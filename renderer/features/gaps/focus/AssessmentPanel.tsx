import { Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Control } from '../../../../shared/api/controls';
import { type Assessment, assessInput } from '../../../../shared/api/gaps';
import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { TONE_COLOR, filledToneStyle } from '../../../components/status';
import { formatDate } from '../../../components/format';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { useAssess } from '../gaps-actions';
import { useAssessmentNow, useGaps } from '../gaps-store';
import { ASSESSMENT_LABEL, ASSESSMENT_TONE, STATUS_KEYS } from '../labels';
import { personName, usePeople } from '../../people/people-store';
import { noteDraftKey, useNoteDrafts } from './note-drafts';
import { useVaultInfo } from '../../vault/vault-info';

const NA_REASON_REQUIRED = 'Say why the control does not apply';

/** An assessment as its form holds it: not assessed yet is a null status, no reason is ''. */
type AssessmentValues = { status: AssessmentStatus | null; naReason: string; notes: string };

const LABELS: Record<keyof AssessmentValues, string> = {
  status: 'Status',
  naReason: 'Reason',
  notes: 'Notes',
};

const valuesOf = (a: Assessment | undefined, draft: string): AssessmentValues => ({
  status: a?.status ?? null,
  naReason: a?.naReason ?? '',
  notes: a?.notes ?? draft,
});

/**
 * The assessment of one control: four statuses (buttons, or keys 1–4 in focused mode), the
 * reason when not applicable, and notes, all saved as they are chosen or typed. Mount it with
 * `key={control.id}` so each control starts from its own saved state.
 */
export interface AssessmentPanelHandle {
  /** As if the status button was pressed (not applicable first asks for the reason). */
  choose(status: AssessmentStatus): void;
}

export function AssessmentPanel({
  control,
  withKeys,
  ref,
}: {
  control: Control;
  /** Shows the 1–4 key hints; the keys themselves are read by focused mode. */
  withKeys: boolean;
  ref?: Ref<AssessmentPanelHandle>;
}) {
  const assessment = useGaps((s) => s.assessments[control.id]);
  const assess = useAssess();
  const assessmentNow = useAssessmentNow();
  const people = usePeople((s) => s.items);
  const draftKey = noteDraftKey(useVaultInfo((i) => i.path) ?? '', control.id);
  const keepDraft = useNoteDrafts((s) => s.keep);
  const dropDraft = useNoteDrafts((s) => s.drop);
  // Notes typed before a status was chosen come back with the control (U2: never dropped).
  const [initial] = useState(() =>
    valuesOf(assessment, useNoteDrafts.getState().drafts[draftKey] ?? ''),
  );
  /** The assessment as this form last saved it: its re-read needs no second `adopt`. */
  const lastSaved = useRef<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const { form, values, field, change, counter, adopt, flush } = useAutosaveForm<
    AssessmentValues,
    Assessment
  >({
    values: initial,
    patchSchema: assessInput,
    labels: LABELS,
    // Notes save on their own only beside a saved status; before one they are a draft (below).
    saveField: (_name, notes) => {
      const saved = assessmentNow(control.id)!;
      return assess({
        controlId: control.id,
        status: saved.status,
        naReason: saved.naReason,
        notes: notes as string,
      });
    },
    groups: {
      // A status is one answer with its reason: not applicable is saved once it says why.
      assessment: {
        fields: ['status', 'naReason'],
        label: 'Assessment',
        schema: assessInput,
        // The notes typed so far are saved with the status (a draft until then).
        carries: ['notes'],
        toInput: (v) => {
          if (v.status === null) return null;
          const reason = v.naReason.trim();
          if (v.status === 'not_applicable' && !reason) return null;
          return {
            controlId: control.id,
            status: v.status,
            naReason: v.status === 'not_applicable' ? v.naReason : null,
            notes: v.notes,
          };
        },
        save: (input) => assess(input as Parameters<typeof assess>[0]),
      },
    },
    onSaved: (saved) => {
      lastSaved.current = saved.updatedAt;
      dropDraft(draftKey);
      adopt(valuesOf(saved, ''));
    },
  });
  // A change made elsewhere (a bulk status in the table) shows here.
  useEffect(() => {
    if (assessment && assessment.updatedAt !== lastSaved.current) adopt(valuesOf(assessment, ''));
  }, [assessment, adopt]);

  const current = assessment?.status ?? null;
  const naOpen = values.status === 'not_applicable';
  const naError =
    form.errors.naReason ??
    (current === 'not_applicable' && !values.naReason.trim() ? NA_REASON_REQUIRED : undefined);

  function choose(status: AssessmentStatus) {
    change('status', status, true);
    // Not applicable is saved once the reason is given.
    if (status === 'not_applicable') requestAnimationFrame(() => reasonRef.current?.focus());
  }

  /** Not applicable not wanted after all: back to what is saved, nothing sent. */
  function cancelNotApplicable() {
    form.setFieldValue('naReason', assessment?.naReason ?? '');
    change('status', current, true);
    form.clearFieldError('naReason');
  }

  // Focused mode reads the keys (one listener that never misses a key while a control loads).
  useImperativeHandle(ref, () => ({ choose }));

  const assessor = assessment ? personName(people, assessment.assessorId) : null;
  return (
    <Paper withBorder p="lg" data-testid="assessment-panel">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3">
            Assessment
          </Title>
          <Text size="xs" c="dimmed" data-testid="assessment-state">
            {assessment
              ? `${ASSESSMENT_LABEL[assessment.status]} · ${formatDate(assessment.assessedOn)}${assessor ? ` · ${assessor}` : ''}`
              : 'Not assessed yet'}
          </Text>
        </Group>
        <SimpleGrid cols={2} spacing="xs" role="group" aria-label="Status">
          {STATUS_KEYS.map(({ status, key, label }) => {
            const selected = current === status;
            const pending = status === 'not_applicable' && naOpen && !selected;
            return (
              <Button
                key={status}
                variant={selected ? 'filled' : pending ? 'light' : 'default'}
                color={TONE_COLOR[ASSESSMENT_TONE[status]]}
                // Chosen: the palette's fill of its tone, the same yellow as its badge.
                style={selected ? filledToneStyle(ASSESSMENT_TONE[status]) : undefined}
                aria-pressed={current === status}
                onClick={() => choose(status)}
                justify="space-between"
                rightSection={
                  withKeys ? (
                    <Kbd size="xs" aria-hidden>
                      {key}
                    </Kbd>
                  ) : undefined
                }
                data-status={status}
              >
                {label}
              </Button>
            );
          })}
        </SimpleGrid>
        {withKeys && (
          <Text size="xs" c="dimmed" mt={-6}>
            Keys 1–4 choose · J and K (or ← →) move between controls · N jumps to the next
            unassessed
          </Text>
        )}
        {naOpen && (
          <Stack gap="xs">
            <Textarea
              ref={reasonRef}
              label="Why it does not apply"
              {...field('naReason')}
              description={[
                current === 'not_applicable'
                  ? 'The auditor reads this: name the fact that makes the control unnecessary here.'
                  : 'Saved as not applicable once you say why: name the fact that makes the control unnecessary here.',
                counter('naReason'),
              ]
                .filter(Boolean)
                .join(' · ')}
              error={naError}
              onBlur={() => {
                void flush();
                // Left without a reason: nothing is saved, and it says why.
                if (!form.getValues().naReason.trim())
                  form.setFieldError('naReason', NA_REASON_REQUIRED);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && current !== 'not_applicable') {
                  e.stopPropagation();
                  cancelNotApplicable();
                }
              }}
              autosize
              minRows={2}
              required
            />
            {current !== 'not_applicable' && (
              <Group gap="xs">
                <Button size="xs" variant="subtle" color="gray" onClick={cancelNotApplicable}>
                  Cancel
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <Textarea
          label="Notes"
          {...field('notes')}
          description={[
            current
              ? 'Saved as you type.'
              : values.notes.trim()
                ? 'Kept on this control until you choose a status above, then saved with it.'
                : 'Saved with the status: choose one above.',
            counter('notes'),
          ]
            .filter(Boolean)
            .join(' · ')}
          placeholder="What is in place, what is missing, who said so…"
          onChange={(e) => {
            const text = e.currentTarget.value;
            if (current) change('notes', text);
            else {
              // No status saved yet: a draft on this control, saved with the status.
              form.setFieldValue('notes', text);
              keepDraft(draftKey, text);
            }
          }}
          autosize
          minRows={3}
          maxRows={10}
        />
      </Stack>
    </Paper>
  );
}
