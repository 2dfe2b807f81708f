import { Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { CONFIRM_STEP, WIZARD_STEPS } from './wizard-steps';

/**
 * The wizard's questions down the side. A tick means answered (see wizard-answers.ts), not
 * merely passed: Mantine's Stepper ticks every step before the current one, which told the user
 * that skipped questions were done. The questions that follow the confirmation are set apart.
 */
export function WizardStepList(props: {
  active: number;
  answered: readonly boolean[];
  canOpen(step: number): boolean;
  onOpen(step: number): void;
}) {
  return (
    <nav aria-label="Scoping steps">
      <Stack component="ol" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
        {WIZARD_STEPS.map((step, i) => {
          const current = i === props.active;
          const answered = props.answered[i] ?? false;
          const enabled = props.canOpen(i);
          return (
            <li key={step.id}>
              {i === CONFIRM_STEP + 1 && (
                <Text
                  size="xs"
                  fw={600}
                  c="dimmed"
                  tt="uppercase"
                  px={6}
                  mt="sm"
                  mb={4}
                  style={{ letterSpacing: '0.06em' }}
                  aria-hidden
                >
                  With the criteria in scope
                </Text>
              )}
              <UnstyledButton
                onClick={() => props.onOpen(i)}
                disabled={!enabled}
                aria-current={current ? 'step' : undefined}
                data-step-id={step.id}
                data-answered={answered}
                w="100%"
                px={6}
                py={5}
                className="attest-row"
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 10,
                  opacity: enabled ? 1 : 0.6,
                  cursor: enabled ? 'pointer' : 'default',
                  background: current ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                <ThemeIcon
                  size={24}
                  radius="xl"
                  variant={answered ? 'filled' : current ? 'outline' : 'default'}
                  aria-hidden
                >
                  {answered ? (
                    <IconCheck size={14} stroke={2.4} />
                  ) : (
                    <Text span size="xs" fw={600}>
                      {i + 1}
                    </Text>
                  )}
                </ThemeIcon>
                <Text size="sm" fw={current ? 600 : 400} style={{ minWidth: 0 }}>
                  {step.label}
                  <VisuallyHidden>{answered ? ', answered' : ', not answered yet'}</VisuallyHidden>
                </Text>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </nav>
  );
}
