import { isAttestError } from '../../shared/api/errors';
import { attestHome } from '../platform/home';
import { fileLogger } from '../platform/logger';
import { APP_VERSION } from '../platform/version';
import { type CliIo, EXIT_CANCELLED, EXIT_OK, EXIT_USAGE, UsageError, processIo } from './io';

type Command = (args: string[], io: CliIo, signal: AbortSignal) => Promise<number>;

/**
 * Each command is imported only when it runs, so `attest --help` loads none of them and only the
 * commands that need exceljs, pdfkit or docx load those (in the bundle each is its own chunk).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init')).initCommand,
  info: async () => (await import('./commands/info')).infoCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  compact: async () => (await import('./commands/compact')).compactCommand,
  backups: async () => (await import('./commands/backups')).backupsCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  catalog: async () => (await import('./commands/catalog')).catalogCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
  requests: async () => (await import('./commands/requests')).requestsCommand,
  evidence: async () => (await import('./commands/evidence')).evidenceCommand,
  readiness: async () => (await import('./commands/readiness')).readinessCommand,
  sample: async () => (await import('./commands/sample')).sampleCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  response: async () => (await import('./commands/response')).responseCommand,
  'roll-forward': async () => (await import('./commands/roll-forward')).rollForwardCommand,
};

export const USAGE = `Usage: attest <command> [options]

  init <vault> --name <engagement> [--client <org>] [--type type1|type2]
       [--as-of YYYY-MM-DD | --period YYYY-MM-DD..YYYY-MM-DD] [--categories security,availability,...]
                         create a vault for one engagement
  info <vault> [--json]  the engagement, key fingerprint, format version and counts
  verify <vault> [--json] [--accept-witness]
                         check the audit chain, every record and every stored file, and the
                         chain against the witness this computer keeps outside the vault;
                         exit 1 naming each mismatch (reads only: never changes the file);
                         --accept-witness records the chain as the new baseline (after a
                         restore by hand, or a copy that went its own way)
  verify <package.zip> [--json]
                         check an audit package without unpacking it: hostile entries refused,
                         then the signature and every file against the signed manifest; exit 1
                         naming each changed, missing or extra file, 2 when it is not a zip
  backups <vault> [--restore <id>] [--json]
                         the vault's backups, newest first (the app makes them when it opens a
                         vault and daily); --restore replaces the vault with one, keeping the
                         vault as it was as a backup first
  compact <vault> [--json]
                         give the vault's free space back to the disk (needs up to about
                         twice the vault's size free while it runs)
  serve [<vault> | --package <package.zip>] [--port N]
                         the full app in a browser, on 127.0.0.1 (random port unless --port);
                         prints a one-time sign-in address; Ctrl+C stops it. --package opens
                         an audit package read-only in auditor mode, verified first: exit 1
                         naming each problem, and nothing started, when it fails
  catalog [--json]       the SOC 2 criteria, the control library and the policy templates
                         shipped with this build (--json: the whole catalog)
  catalog update <vault> [--apply] [--json]
                         what this build's catalog changes in a vault scoped with an older one;
                         --apply applies it, keeping every edit made in the vault
  demo <vault> [--scale small]
                         a realistic sample engagement for a fictional company
  requests import <vault> <file.csv|xlsx> [--map "<header>=<field>"]...
                  [--date-order dmy|mdy] [--json]
                         import the auditor's request list (PBC); a newer version updates
                         requests by their reference. Columns are guessed unless mapped; fields:
                         ref, description, criteria, controls, type, period, owner, dueOn, wave,
                         comments (or none: keep the column as the auditor's own)
  requests list <vault> [--json]
                         the request list by reference: status, owner, due date, wave
  evidence add <vault> <path>... [--control <ref>]... [--request <ref>]...
               [--performed YYYY-MM-DD] [--as-of YYYY-MM-DD | --window YYYY-MM-DD..YYYY-MM-DD]
               [--json]
                         store files, or every file in a folder, as evidence (each its own
                         item; identical files are stored once), linked to controls and
                         requests, dated by when the control was performed and what it covers
  evidence add-link <vault> <url> --title <title> [--control <ref>]... [--request <ref>]...
               [--performed ...] [--as-of ... | --window ...] [--json]
                         record a web address (a ticket, a dashboard) as evidence; nothing is
                         fetched, the address is kept and shown
  evidence add-note <vault> (<file.md> | --text <markdown>) [--title <title>] [--control <ref>]...
               [--request <ref>]... [--performed ...] [--as-of ... | --window ...] [--json]
                         record a written note (Markdown: an inquiry, an observation) as
                         evidence; titled by its first heading unless --title is given
  evidence list <vault> [--json]
                         every evidence item, superseded ones marked: dates, review, controls
  readiness <vault> [--json] [--check]
                         the readiness review as of today: the status line, then every
                         finding (blocking first) with what to do; --check exits 1 while any
                         blocking finding exists. A self-assessment, not an audit opinion
  report <vault> --out <file.pdf> [--json]
                         the readiness report as of today as a PDF, written where asked:
                         status, findings, criteria and controls, gaps, risks, policies,
                         self-tests and evidence. Internal — not a SOC 2 report
  sample <vault> --control <ref> [--new] [--seed S] [--method random|systematic] [--start N]
         [--level low|high] [--from YYYY-MM-DD] [--json]
                         management self-test — your auditor selects its own items: shows
                         the control's latest sample, or draws one (--new: another) from its
                         population or occurrence windows, sized by the sample-size table
                         (--level high: the top of its range); --from: a re-test of the
                         latest over the rest of the period, after a remediation
  export <vault> --out <package.zip> [--categories <parts>] [--approved-policies-only]
         [--reviewed-evidence-only] [--include-internal] [--by-request]
         [--since <earlier.zip>] [--json]
                         the audit package for the auditor: a signed zip with a README, an
                         offline viewer, indexes, the description, policies in force, evidence,
                         populations and vendor reports (parts: index, system-description,
                         policies, evidence, populations, subservice; all unless given);
                         --include-internal adds management's own test worksheets; --since
                         gives a delta: only what changed since an earlier package. Prints
                         the key fingerprint to send to the auditor separately
  response import <vault> <response-file> [--json]
                         import the auditor's response to a package this vault exported:
                         their statuses, comments, new requests and sample picks (as
                         requests); prints the auditor key's fingerprint to confirm with them
                         by another channel. Exit 1 when refused (another package, a bad
                         signature); importing it again changes nothing
  response show <response-file> [--json]
                         what a response holds and who signed it, without a vault
  roll-forward <vault> --out <new-vault> [--period YYYY-MM-DD..YYYY-MM-DD | --as-of YYYY-MM-DD]
               [--type type1|type2] [--name <engagement>] [--json]
                         start the next period: a new vault with this one's people, scope,
                         controls, system description, risks, open tasks and the policies in
                         force, for the period after this one unless given; evidence,
                         requests, self-tests and reviews stay with this vault (only read)

Exit codes: 0 ok · 1 a check found problems · 2 bad usage, or a file that cannot be read as a
vault or a zip · 130 cancelled (Ctrl+C).
`;

/** Runs one `attest` invocation and returns its exit code. Never throws. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(`attest ${APP_VERSION}\n`);
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`attest: unknown command "${name}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const logger = fileLogger(attestHome(io.env));
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const started = Date.now();
  try {
    const command = await load();
    const code = await command(args, io, controller.signal);
    logger.info('cli command finished', {
      command: name,
      exitCode: code,
      ms: Date.now() - started,
    });
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`attest ${e.message}\nRun "attest help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (isAttestError(e) && e.code === 'cancelled') {
      io.err(`attest ${name}: cancelled.\n`);
      return EXIT_CANCELLED;
    }
    if (isAttestError(e)) {
      logger.warn('cli command failed', { command: name, code: e.code });
      io.err(`attest ${name}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    logger.error('cli command crashed', {
      command: name,
      error: String(e),
      stack: (e as Error)?.stack,
    });
    io.err(
      `attest ${name}: an unexpected error occurred (${(e as Error)?.message ?? e}). Details are in the log.\n`,
    );
    return EXIT_USAGE;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
