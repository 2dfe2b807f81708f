import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Envelope, isMethodName } from '../../shared/api/index';
import { AttestError } from '../../shared/api/errors';
import type { VaultBackend } from './backend';
import { BodyTooLargeError, readBody, sendJson, sendText, sendTooLarge } from './http-respond';

/** Inputs are small JSON documents; files travel through `POST /upload`, never inside JSON. */
export const RPC_BODY_LIMIT = 1024 * 1024;

/**
 * `POST /rpc/<method>`. An unknown method is a transport failure (404, before the body is read);
 * everything that reaches the dispatcher answers 200 with its envelope. A body that is not JSON
 * is the caller's input being wrong, so it answers 200 with a `validation` envelope too: clients
 * then handle one shape for every bad input.
 */
export async function handleRpc(
  backend: VaultBackend,
  req: IncomingMessage,
  res: ServerResponse,
  methodName: string,
): Promise<void> {
  if (req.method !== 'POST') {
    sendText(res, 405, 'Call methods with POST.', { Allow: 'POST' });
    return;
  }
  if (!isMethodName(methodName)) {
    sendText(res, 404, `Unknown method "${methodName.slice(0, 80)}".`);
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, RPC_BODY_LIMIT);
  } catch (e) {
    if (e instanceof BodyTooLargeError) sendTooLarge(res, RPC_BODY_LIMIT);
    else res.destroy(); // the client went away mid-body: nobody to answer
    return;
  }
  const input = parseJsonBody(body);
  const envelope: Envelope =
    input === INVALID_JSON
      ? {
          ok: false,
          error: new AttestError('validation', 'The request body is not valid JSON', [
            { path: [], message: 'The request body is not valid JSON' },
          ]).toApiError(),
        }
      : await backend.call(methodName, input, 'http');
  sendJson(res, 200, envelope);
}

const INVALID_JSON = Symbol('invalid JSON');

/** An empty body means "no input" (methods without parameters); dispatch treats it as `{}`. */
function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}
