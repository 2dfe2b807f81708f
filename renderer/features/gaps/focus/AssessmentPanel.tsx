import { Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type Ref, useImperativeHandle, useRef, useState } from 'react';
import type { Control } from '../../../../shared/api/controls';
import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { toApiCallError } from '../../../api';
import { notifyError } from '../../../app/notify';
import { TONE_COLOR, filledToneStyle } from '../../../components/status';
import { formatDate } from '../../../components/format';
import { useAssess } from '../gaps-actions';
import { useAssessmentNow, useGaps } from '../gaps-store';
import { ASSESSMENT_LABEL, ASSESSMENT_TONE, STATUS_KEYS } from '../labels';
import { personName, usePeople } from '../../people/people-store';
import { noteDraftKey, useNoteDrafts } from './note-drafts';
import { useVaultInfo } from '../../vault/vault-info';
import { assessInput } from '../../../../shared/api/gaps';
import { limitProps } from '../../../components/form/limits';

const NA_REASON_REQUIRED = 'Say why the control does not apply';
const NOTES_DELAY_MS = 600;

/**
 * The assessment of one control: four statuses (buttons, or keys 1–4 in focused mode), the
 * reason when not applicable, and notes saved as they are typed. Mount it with `key={control.id}`
 * so each control starts from its own saved state.
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
  const [notes, setNotes] = useState(
    () => assessment?.notes ?? useNoteDrafts.getState().drafts[draftKey] ?? '',
  );
  const [naOpen, setNaOpen] = useState(false);
  const [naReason, setNaReason] = useState(assessment?.naReason ?? '');
  const [naError, setNaError] = useState<string | null>(null);
  const [saving, setSaving] = useState<AssessmentStatus | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const current = assessment?.status ?? null;

  const saveNotes = useDebouncedCallback(
    (text: string) => {
      const saved = assessmentNow(control.id);
      if (!saved || saved.notes === text.trim()) return;
      assess({
        controlId: control.id,
        status: saved.status,
        naReason: saved.naReason,
        notes: text,
      }).catch(notifyError);
    },
    { delay: NOTES_DELAY_MS, flushOnUnmount: true },
  );

  async function save(status: AssessmentStatus, reason: string | null) {
    saveNotes.cancel();
    setSaving(status);
    try {
      await assess({ controlId: control.id, status, naReason: reason, notes });
      dropDraft(draftKey);
      setNaOpen(false);
      setNaError(null);
    } catch (e) {
      const error = toApiCallError(e);
      const issue = error.issues.find((i) => i.path[0] === 'naReason');
      if (issue) setNaError(issue.message);
      else notifyError(error);
    } finally {
      setSaving(null);
    }
  }

  function choose(status: AssessmentStatus) {
    if (status === 'not_applicable') {
      // Nothing is saved until a reason is given.
      setNaOpen(true);
      requestAnimationFrame(() => reasonRef.current?.focus());
      return;
    }
    void save(status, null);
  }

  function confirmNotApplicable() {
    const reason = naReason.trim();
    if (!reason) {
      setNaError(NA_REASON_REQUIRED);
      reasonRef.current?.focus();
      return;
    }
    void save('not_applicable', reason);
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
                loading={saving === status}
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
        {(naOpen || current === 'not_applicable') && (
          <Stack gap="xs">
            <Textarea
              ref={reasonRef}
              label="Why it does not apply"
              value={naReason}
              {...limitProps(
                assessInput,
                'naReason',
                naReason,
                'The auditor reads this: name the fact that makes the control unnecessary here.',
              )}
              onChange={(e) => {
                setNaReason(e.currentTarget.value);
                setNaError(null);
              }}
              error={naError}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && current !== 'not_applicable') {
                  e.stopPropagation();
                  setNaOpen(false);
                  setNaError(null);
                }
              }}
              autosize
              minRows={2}
              required
            />
            <Group gap="xs">
              <Button
                size="xs"
                onClick={confirmNotApplicable}
                loading={saving === 'not_applicable'}
              >
                {current === 'not_applicable' ? 'Save reason' : 'Mark not applicable'}
              </Button>
              {naOpen && current !== 'not_applicable' && (
                <Button size="xs" variant="subtle" color="gray" onClick={() => setNaOpen(false)}>
                  Cancel
                </Button>
              )}
            </Group>
          </Stack>
        )}
        <Textarea
          label="Notes"
          {...limitProps(
            assessInput,
            'notes',
            notes,
            current
              ? 'Saved as you type.'
              : notes.trim()
                ? 'Kept on this control until you choose a status above, then saved with it.'
                : 'Saved with the status: choose one above.',
          )}
          placeholder="What is in place, what is missing, who said so…"
          value={notes}
          onChange={(e) => {
            setNotes(e.currentTarget.value);
            if (current) saveNotes(e.currentTarget.value);
            else keepDraft(draftKey, e.currentTarget.value);
          }}
          autosize
          minRows={3}
          maxRows={10}
        />
      </Stack>
    </Paper>
  );
}
