import { Input, SegmentedControl, SimpleGrid } from '@mantine/core';
import type { ReportType } from '../../../shared/domain/engagement';
import { DateField } from '../../components/DateField';

type DateKey = 'asOf' | 'periodStart' | 'periodEnd';

/**
 * The report type and its dates, as every form that starts an engagement asks for them: Type I
 * on one date ("As of"), Type II over a period. Dates are ISO strings ('' while empty).
 */
export function ReportTypeFields(props: {
  values: { reportType: ReportType } & Record<DateKey, string>;
  errors: Partial<Record<DateKey | 'reportType', string>>;
  onReportType(type: ReportType): void;
  onDate(key: DateKey, iso: string): void;
  /** Tells the two types apart for someone new to SOC 2. */
  description?: string;
  /** Unique per form: the label the segmented control is named by. */
  id: string;
}) {
  const { values, errors, onDate } = props;
  return (
    <>
      <Input.Wrapper
        label="Report type"
        description={props.description}
        error={errors.reportType}
        labelElement="div"
        id={props.id}
      >
        <SegmentedControl
          mt={6}
          aria-labelledby={`${props.id}-label`}
          data={[
            { value: 'type1', label: 'Type I' },
            { value: 'type2', label: 'Type II' },
          ]}
          value={values.reportType}
          onChange={(v) => props.onReportType(v as ReportType)}
        />
      </Input.Wrapper>
      {values.reportType === 'type1' ? (
        <SimpleGrid cols={2} spacing="md">
          <DateField
            label="As of"
            value={values.asOf}
            onChange={(iso) => onDate('asOf', iso)}
            error={errors.asOf}
          />
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={2} spacing="md">
          <DateField
            label="Period starts"
            value={values.periodStart}
            onChange={(iso) => onDate('periodStart', iso)}
            error={errors.periodStart}
            data-testid={`${props.id}-period-start`}
          />
          <DateField
            label="Period ends"
            value={values.periodEnd}
            onChange={(iso) => onDate('periodEnd', iso)}
            error={errors.periodEnd}
            data-testid={`${props.id}-period-end`}
          />
        </SimpleGrid>
      )}
    </>
  );
}
