import {
  Checkbox,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { subserviceInput } from '../../../../shared/api/sd';
import {
  EXCEPTIONS_ASSESSMENTS,
  EXCEPTIONS_ASSESSMENT_LABELS,
  type ExceptionsAssessment,
} from '../../../../shared/domain/system-description';
import type { FieldErrors } from '../../../components/field-errors';
import { DateField } from '../../../components/DateField';
import { limitProps } from '../../../components/form/limits';
import { useVaultQuery } from '../../vault/use-vault-query';
import type { BridgeLetterValues, SubserviceValues } from './subservice-form';

type Report = SubserviceValues['report'];
type SetReport = (change: Partial<Report>, now?: boolean) => void;

/**
 * Our assessment of the exceptions the report lists: none noted, assessed with a written
 * conclusion, or not yet (a reviewed report left "not yet" is a readiness finding).
 */
export function ExceptionsAssessmentField(props: {
  report: Report;
  errors: FieldErrors;
  setReport: SetReport;
}) {
  const { report: r, errors, setReport } = props;
  // "None noted" beside listed exceptions would contradict them: it is offered only without.
  const listed = r.exceptions.trim() !== '';
  return (
    <Stack gap="xs">
      <Input.Wrapper
        label="Their exceptions"
        labelElement="div"
        id="sso-exceptions-assessment"
        description="Whether they affect our controls, as our review concluded"
        error={errors['report.exceptionsAssessment']}
      >
        <SegmentedControl
          mt={6}
          display="flex"
          w="fit-content"
          aria-labelledby="sso-exceptions-assessment-label"
          data={EXCEPTIONS_ASSESSMENTS.map((a) => ({
            value: a,
            label: EXCEPTIONS_ASSESSMENT_LABELS[a],
            disabled: a === 'none_noted' && listed && r.exceptionsAssessment !== 'none_noted',
          }))}
          value={r.exceptionsAssessment}
          onChange={(a) => setReport({ exceptionsAssessment: a as ExceptionsAssessment }, true)}
        />
      </Input.Wrapper>
      {r.exceptionsAssessment === 'assessed' && (
        <Textarea
          label="Our conclusion"
          placeholder="How each exception affects our controls, or why it does not"
          autosize
          minRows={2}
          required
          value={r.exceptionsConclusion}
          {...limitProps(subserviceInput, 'report.exceptionsConclusion', r.exceptionsConclusion)}
          onChange={(e) => setReport({ exceptionsConclusion: e.currentTarget.value })}
          error={errors['report.exceptionsConclusion']}
        />
      )}
    </Stack>
  );
}

/**
 * The bridge letter obtained from the vendor: when it arrived, the stretch it covers, and where
 * it is kept (an evidence item, found by the server's search) with a note. Ticking it proposes
 * the gap as the stretch covered.
 */
export function BridgeLetterFields(props: {
  report: Report;
  errors: FieldErrors;
  setReport: SetReport;
  /** The gap their report leaves, ISO, when there is one. */
  gap: { start: string; end: string } | null;
}) {
  const { report: r, errors, setReport, gap } = props;
  const letter = r.bridgeLetter;
  const setLetter = (change: Partial<BridgeLetterValues>, now = false) =>
    setReport({ bridgeLetter: { ...letter, ...change } }, now);
  const error = (field: string) => errors[`report.bridgeLetter.${field}`];

  return (
    <Stack gap="xs">
      <Checkbox
        label="Bridge letter received"
        description={
          gap && !letter.received
            ? 'Their report ends before our period does: only a bridge letter from them covers the rest.'
            : undefined
        }
        checked={letter.received}
        onChange={(e) => {
          const received = e.currentTarget.checked;
          setLetter(
            received && gap && !letter.periodStart && !letter.periodEnd
              ? { received, periodStart: gap.start, periodEnd: gap.end }
              : { received },
            true,
          );
        }}
      />
      {letter.received && (
        <>
          <SimpleGrid cols={3} spacing="md">
            <DateField
              label="Received on"
              required
              value={letter.receivedOn}
              onChange={(iso) => setLetter({ receivedOn: iso })}
              error={error('receivedOn')}
            />
            <DateField
              label="Covers from"
              required
              value={letter.periodStart}
              onChange={(iso) => setLetter({ periodStart: iso })}
              error={error('periodStart')}
            />
            <DateField
              label="Covers to"
              required
              value={letter.periodEnd}
              onChange={(iso) => setLetter({ periodEnd: iso })}
              error={error('periodEnd')}
            />
          </SimpleGrid>
          <LetterEvidence
            value={letter.evidenceId}
            onChange={(evidenceId) => setLetter({ evidenceId }, true)}
            error={error('evidenceId')}
          />
          <TextInput
            label="Note"
            placeholder="Who signed it, anything it says about changes or exceptions"
            value={letter.note}
            {...limitProps(subserviceInput, 'report.bridgeLetter.note', letter.note)}
            onChange={(e) => setLetter({ note: e.currentTarget.value })}
            error={error('note')}
          />
        </>
      )}
    </Stack>
  );
}

/** The evidence item holding the letter, searched by reference or words (50 000 items). */
function LetterEvidence(props: {
  value: string | null;
  onChange(id: string | null): void;
  error: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const found = useVaultQuery(
    'evidence.search',
    { query, limit: 20 },
    { enabled: query.length >= 2 },
  );
  // The linked item's own label, so a saved link shows what it is before any search.
  const linked = useVaultQuery(
    'evidence.get',
    { id: props.value ?? '' },
    { enabled: props.value !== null },
  );
  const options = new Map<string, string>();
  if (props.value && linked.data)
    options.set(props.value, `${linked.data.ref} ${linked.data.title}`);
  for (const r of found.data?.items ?? []) options.set(r.id, `${r.ref} ${r.title}`);

  return (
    <Select
      label="Kept as evidence item"
      description="Optional: add the letter on the Evidence screen, then link it here"
      placeholder="Search evidence by reference or words"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...options].map(([value, label]) => ({ value, label }))}
      value={props.value}
      onChange={props.onChange}
      filter={({ options: o }) => o}
      nothingFoundMessage={query.length >= 2 ? 'Nothing found' : 'Type to search'}
      comboboxProps={{ withinPortal: true }}
      error={props.error}
    />
  );
}
