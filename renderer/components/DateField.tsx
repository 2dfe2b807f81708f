import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseDateText } from './date-text';
import { formatDate } from './format';

export type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'onChange' | 'minDate' | 'maxDate' | 'valueFormat' | 'dateParser' | 'defaultValue'
> & {
  /** ISO `YYYY-MM-DD`; '' or null when unset. */
  value: string | null;
  /** ISO `YYYY-MM-DD`, or '' when cleared (the forms keep an unset date as ''). */
  onChange(value: string): void;
  /** The earliest and latest day offered, ISO. */
  min?: string | undefined;
  max?: string | undefined;
};

/**
 * The one date field of Attest (U10): a day shown in the user's locale ("30 Jun 2026"), typed in
 * any common way (ISO, the locale's numeric order, month names) or picked from a calendar, and
 * cleared with its × button. Dates go in and out as ISO `YYYY-MM-DD`, as the contract takes them.
 */
export function DateField({ value, onChange, min, max, ...props }: DateFieldProps) {
  return (
    <DateInput
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      valueFormat={(iso) => formatDate(iso)}
      dateParser={(text) => parseDateText(text, navigator.language)}
      minDate={min || undefined}
      maxDate={max || undefined}
      clearable
      placeholder="e.g. 30 Jun 2026"
      leftSection={<IconCalendar size={16} aria-hidden />}
      popoverProps={{ withinPortal: true }}
      // Only "Clear": a name holding the field's label (or "date") would answer to it too.
      clearButtonProps={{ 'aria-label': 'Clear' }}
      {...props}
    />
  );
}
