import { z } from 'zod';
import { isoDate, pageInput, pageOf } from '../common';
import { controlId } from '../controls';
import { method } from '../define';
import {
  DEFAULT_EVIDENCE_SORT,
  evidenceAddInput,
  evidenceAddResultSchema,
  evidenceDetailSchema,
  evidenceFilter,
  evidenceId,
  evidenceLinkInput,
  evidenceNoteInput,
  evidencePatch,
  evidenceSchema,
  evidenceSortSchema,
  populationInput,
  reviewInput,
  reviewResultSchema,
  searchResultSchema,
} from '../evidence';
import { requestId } from '../requests';
import { text } from '../text';

const linkInput = z
  .object({
    id: evidenceId,
    controlIds: z.array(controlId).max(200).default([]),
    requestIds: z.array(requestId).max(200).default([]),
  })
  .strict();

export const evidenceMethods = {
  'evidence.add': method({
    summary:
      'Store files or whole folders as evidence (a job): streamed and hashed, identical bytes stored once, each file its own item with the links and dates given',
    input: evidenceAddInput,
    output: z.object({ jobId: z.string() }),
    jobResult: evidenceAddResultSchema,
    mutates: true,
    touches: ['evidence', 'files'],
  }),
  'evidence.addLink': method({
    summary:
      'Record a web address (a ticket, a dashboard) as evidence, with a title, links and dates; nothing is fetched',
    input: evidenceLinkInput,
    output: evidenceSchema,
    mutates: true,
    touches: ['evidence'],
  }),
  'evidence.addNote': method({
    summary:
      'Record a written note (Markdown: an inquiry, an observation) as evidence, with a title, links and dates',
    input: evidenceNoteInput,
    output: evidenceSchema,
    mutates: true,
    touches: ['evidence'],
  }),
  'evidence.list': method({
    summary:
      'Evidence filtered by control, criterion, request, type, window status and reviewer, sorted and paged',
    input: pageInput
      .extend(evidenceFilter.shape)
      .extend({ sort: evidenceSortSchema.default(DEFAULT_EVIDENCE_SORT) })
      .strict(),
    output: pageOf(evidenceSchema),
    mutates: false,
    reads: ['evidence', 'controls', 'people', 'requests', 'engagement'],
  }),
  'evidence.get': method({
    summary: 'One evidence item with its population and the items it superseded',
    input: z.object({ id: evidenceId }).strict(),
    output: evidenceDetailSchema,
    mutates: false,
    reads: ['evidence', 'controls', 'people', 'requests', 'files'],
  }),
  'evidence.update': method({
    summary:
      'Change an item’s title, dates (performed, as of or window, collected), source, collector or notes, a link’s address or a note’s text',
    input: z.object({ id: evidenceId, patch: evidencePatch }).strict(),
    output: evidenceSchema,
    mutates: true,
    touches: ['evidence'],
  }),
  'evidence.review': method({
    summary:
      'Record who reviewed an item and when (kept unreviewed, with a warning, when the reviewer performs or owns a linked control)',
    input: reviewInput,
    output: reviewResultSchema,
    mutates: true,
    touches: ['evidence'],
  }),
  'evidence.supersede': method({
    summary: 'Mark an item as replaced by a newer one; the older item stays, marked',
    input: z
      .object({ id: evidenceId, byId: evidenceId, on: isoDate.optional() })
      .strict()
      .refine((v) => v.id !== v.byId, {
        message: 'An item cannot supersede itself',
        path: ['byId'],
      }),
    output: evidenceSchema,
    mutates: true,
    touches: ['evidence'],
  }),
  'evidence.link': method({
    summary: 'Link an item to more controls and requests (links already there are kept)',
    input: linkInput,
    output: evidenceSchema,
    mutates: true,
    touches: ['evidence'],
  }),
  'evidence.unlink': method({
    summary: 'Remove links between an item and controls or requests',
    input: linkInput,
    output: evidenceSchema,
    mutates: true,
    touches: ['evidence'],
  }),
  'evidence.counts': method({
    summary: 'How many current evidence items there are, and how many wait for a review',
    input: z.object({}).strict(),
    output: z.object({ total: z.number().int(), unreviewed: z.number().int() }),
    mutates: false,
    // Only evidence: the navigation's count must not re-read on every control or request edit.
    reads: ['evidence'],
  }),
  'evidence.search': method({
    summary: 'Evidence whose reference, title, file name, source or notes contain the words',
    input: z
      .object({
        query: text({ max: 200, required: 'Type something to search for' }),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: searchResultSchema,
    mutates: false,
    reads: ['evidence'],
  }),
  'evidence.recordPopulation': method({
    summary:
      'Record a stored CSV or XLSX item as a population (a job): Attest counts its rows and flags rows dated outside the window',
    input: populationInput,
    output: z.object({ jobId: z.string() }),
    jobResult: evidenceDetailSchema,
    mutates: true,
    touches: ['evidence'],
  }),
} as const;
