/**
 * The URL checks the desktop app's hardening rests on (DESIGN §8). Pure, so they are unit-tested
 * under Node: the Electron runtime cannot run on the development machines.
 */

/** The privileged scheme the UI is served from; `app://attest/` is the one origin we trust. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'attest';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether an IPC message comes from our own UI. A plain prefix test on purpose: the trailing
 * slash rules out look-alikes (`app://attest.evil/`, `app://attester/`), and any other scheme
 * (`file:`, `https:`, `data:`, `about:blank`) or an empty URL (a frame being torn down) fails.
 */
export function isTrustedSender(frameUrl: string): boolean {
  return typeof frameUrl === 'string' && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

/** Navigation stays inside the app's own origin; everything else is denied. */
export function isAppUrl(url: string): boolean {
  return isTrustedSender(url);
}

const MAX_EXTERNAL_URL = 2048;

/**
 * Whether a URL may be handed to the operating system's browser: https only (no `file:`,
 * `javascript:`, custom handlers that launch programs), no embedded credentials, a real host.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Every permission request is denied except one: our own UI writing text to the clipboard, which
 * the copy buttons (hashes, fingerprints) need. Reading the clipboard, notifications, media,
 * devices, geolocation and the rest stay denied. Accepts an origin (`app://attest`, as permission
 * checks report it) or a full URL.
 */
export function isPermissionGranted(permission: string, originOrUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSender(`${originOrUrl}/`);
}
