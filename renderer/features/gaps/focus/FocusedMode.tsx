import {
  ActionIcon,
  Button,
  Grid,
  Group,
  Kbd,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlayerTrackNext } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AssessmentStatus } from '../../../../shared/domain/coverage';
import { useSearchParams } from 'react-router';
import { useAssessmentNow, useGaps } from '../gaps-store';
import { AssessmentPanel, type AssessmentPanelHandle } from './AssessmentPanel';
import { ControlGuidance } from './ControlGuidance';
import { ResponsibilitiesPanel } from './ResponsibilitiesPanel';
import { focusKeyAction, isTypingTarget, nextUnassessed, stepControl } from './focus-keys';

/** "87 of 112 assessed", as a bar. */
export function AssessmentProgress() {
  const summary = useGaps((s) => s.summary);
  if (!summary) return null;
  const percent = summary.controls ? (summary.assessed / summary.controls) * 100 : 0;
  const text = `${summary.assessed} of ${summary.controls} assessed`;
  return (
    <Stack gap={4} miw={220} style={{ flex: 1 }}>
      <Text size="sm" fw={500} data-testid="assessment-progress">
        {text}
      </Text>
      <Progress value={percent} size="sm" aria-label={text} />
    </Stack>
  );
}

/** One control at a time: read what it asks, choose a status (1–4), move on (j/k, n). */
export function FocusedMode() {
  const controls = useGaps((s) => s.controls);
  const assessments = useGaps((s) => s.assessments);
  const assessmentNow = useAssessmentNow();
  const isAssessedNow = (id: string) => assessmentNow(id) !== undefined;
  const [params, setParams] = useSearchParams();
  const ids = useMemo(() => controls.map((c) => c.id), [controls]);
  const requested = params.get('control');
  // Without a control in the address, the first unassessed one is shown and then pinned there.
  // Until the address says so, `fallback` keeps it: assessing it must not jump to the next one,
  // however quickly the status is chosen.
  const [fallback, setFallback] = useState<string | null>(null);
  const asked = requested && ids.includes(requested) ? requested : null;
  let unpinned = asked ? null : fallback;
  if (!asked && (unpinned === null || !ids.includes(unpinned))) {
    unpinned = nextUnassessed(ids, null, (id) => id in assessments) ?? ids[0] ?? null;
  }
  if (unpinned !== fallback) setFallback(unpinned);
  const currentId = asked ?? unpinned;
  const control = controls.find((c) => c.id === currentId) ?? null;
  const index = currentId ? ids.indexOf(currentId) : -1;

  // Keys can come faster than the screen: `cursor` is where the user has asked to be (even
  // before it is drawn), `shown` the control whose panel is on screen, `target` the last place
  // asked for that is not drawn yet, `queued` a status pressed for it — applied as soon as its
  // panel is there. Controls drawn on the way to the target never take a key meant for it.
  const cursor = useRef<string | null>(currentId);
  const shown = useRef<string | null>(currentId);
  const target = useRef<string | null>(null);
  const queued = useRef<{ id: string; status: AssessmentStatus } | null>(null);
  const panel = useRef<AssessmentPanelHandle>(null);

  const goTo = (id: string | null) => {
    if (!id) return;
    cursor.current = id;
    target.current = id;
    setParams({ view: 'focus', control: id }, { replace: true });
  };
  const remaining = ids.filter((id) => !(id in assessments)).length;

  const keys = useRef({ ids, goTo, isAssessedNow });
  useLayoutEffect(() => {
    keys.current = { ids, goTo, isAssessedNow };
    if (target.current !== null) {
      if (currentId === target.current) target.current = null;
    } else if (shown.current !== currentId) {
      // Moved from elsewhere (the palette, a link): follow.
      cursor.current = currentId;
    }
    shown.current = currentId;
    const pending = queued.current;
    if (pending && pending.id === currentId) {
      queued.current = null;
      panel.current?.choose(pending.status);
    }
  });

  // Pin the control in the address, so assessing it does not move on to the next by itself.
  // Never over a move asked for since this render (a click can come before this effect runs).
  useEffect(() => {
    if (currentId && requested !== currentId && target.current === null)
      setParams({ view: 'focus', control: currentId }, { replace: true });
  }, [currentId, requested, setParams]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const action = focusKeyAction(e);
      if (!action) return;
      e.preventDefault();
      const { ids: list, goTo: go, isAssessedNow: assessedNow } = keys.current;
      const at = cursor.current;
      if (action.type === 'status') {
        if (e.repeat || !at) return;
        if (at === shown.current && target.current === null) panel.current?.choose(action.status);
        else queued.current = { id: at, status: action.status };
      } else if (action.type === 'move') {
        if (at) go(stepControl(list, at, action.direction));
      } else {
        go(nextUnassessed(list, at, assessedNow));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const move = (direction: 1 | -1) =>
    cursor.current && goTo(stepControl(ids, cursor.current, direction));
  const toNextUnassessed = () => goTo(nextUnassessed(ids, cursor.current, isAssessedNow));

  const options = useMemo(
    () => controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` })),
    [controls],
  );
  if (!control) return null;
  return (
    <Stack gap="md" data-testid="focused-mode">
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="nowrap" gap="xl">
          <AssessmentProgress />
          <Group gap="xs" wrap="nowrap">
            <Select
              aria-label="Jump to control"
              placeholder="Jump to control…"
              data={options}
              value={null}
              onChange={goTo}
              searchable
              w={240}
            />
            <Tooltip label="Previous control (K or ←)">
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => move(-1)}
                aria-label="Previous control"
              >
                <IconChevronLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Text size="sm" c="dimmed" miw={64} ta="center" data-testid="control-position">
              {index + 1} / {ids.length}
            </Text>
            <Tooltip label="Next control (J or →)">
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => move(1)}
                aria-label="Next control"
              >
                <IconChevronRight size={18} />
              </ActionIcon>
            </Tooltip>
            <Button
              variant="light"
              onClick={toNextUnassessed}
              disabled={remaining === 0}
              leftSection={<IconPlayerTrackNext size={16} />}
              rightSection={
                <Kbd size="xs" aria-hidden>
                  N
                </Kbd>
              }
            >
              Next unassessed
            </Button>
          </Group>
        </Group>
      </Paper>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ControlGuidance control={control} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <AssessmentPanel key={control.id} ref={panel} control={control} withKeys />
            <ResponsibilitiesPanel control={control} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
