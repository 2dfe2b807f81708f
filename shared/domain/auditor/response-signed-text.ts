/**
 * What a response's signature covers, apart from the response's schema so that reading the
 * contract (which names response items) does not load the canonical JSON writer.
 */
import canonicalize from 'canonicalize';
import type { AuditorResponse } from './response';

/** What a signature covers: the response as RFC 8785 canonical JSON (signed as UTF-8 bytes). */
export function responseSignedText(response: AuditorResponse): string {
  const json = canonicalize(response);
  if (json === undefined) throw new Error('A response is always JSON');
  return json;
}
