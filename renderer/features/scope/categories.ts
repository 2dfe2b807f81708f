import type { Category } from '../../../shared/domain/engagement';

/** One line per Trust Services category, for a smart non-specialist. */
export const CATEGORY_HELP: Record<Category, string> = {
  security:
    'Protection against unauthorised access. Always in scope: the common criteria apply to every report.',
  availability: 'The system is available for operation and use as committed or agreed.',
  confidentiality: 'Information designated as confidential is protected as committed or agreed.',
  processing_integrity: 'Processing is complete, valid, accurate, timely and authorised.',
  privacy: 'Personal information is collected, used, kept and disposed of as committed.',
};
