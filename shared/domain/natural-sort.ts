/**
 * A text's key for natural order, as the auditor reads a list: case and accents ignored, and
 * numbers compared as numbers ("PBC-2" before "PBC-10", "Wave 9" before "Wave 10"). Stored beside
 * the text it orders, so SQL can sort and page by it with an index.
 */
export function naturalSortKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => {
      const n = digits.replace(/^0+(?=\d)/, '');
      // Twenty digits is more than any reference has; longer runs keep their length order.
      return n.length <= 20 ? n.padStart(20, '0') : `${'9'.repeat(20)}${n}`;
    });
}
