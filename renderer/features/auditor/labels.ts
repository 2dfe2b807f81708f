import type { PackageProblemKind } from '../../../shared/api/package-verify';
import type { RecordKind } from '../../../shared/domain/package/manifest';

/** Each kind of problem a package check finds, as a short heading over its sentence. */
export const PROBLEM_LABELS: Record<PackageProblemKind, string> = {
  changed: 'Changed since export',
  missing: 'Missing',
  not_in_manifest: 'Not in the manifest',
  bad_signature: 'Signature does not match',
  key_mismatch: 'Another key',
  hostile_entry: 'Refused entry',
  unknown_format: 'Unknown format',
  bad_manifest: 'Unreadable manifest',
  unreadable: 'Unreadable file',
};

/** What the consultant's fingerprint is for, said wherever it is shown. */
export const FINGERPRINT_ADVICE =
  'Compare it with the one the consultant sent you by another channel (e-mail, phone): a match shows the package was signed with their key.';

/** What a record of a package is (the manifest's record kinds), for the removed list. */
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  evidence: 'Evidence',
  policy: 'Policy version',
  document: 'Document',
  subservice: 'Subservice organisation',
  control: 'Control',
  request: 'Request',
};
