import { type Session, type WebContents, shell } from 'electron';
import type { Logger } from '../platform/logger';
import { isAppUrl, isPermissionGranted, isSafeExternalUrl } from './trust';

/**
 * Window hardening (DESIGN §8), applied to every web contents the app ever creates: the UI stays
 * on `app://attest/`, no new windows, no <webview>. A link meant for the browser (target=_blank,
 * window.open) opens in the system browser only if it is https; a plain navigation away is just
 * refused, so a page can never move the app window off its own origin.
 */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  const refuse = (what: string) => (event: { preventDefault(): void; url: string }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn(`${what} refused`, { url: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      void shell.openExternal(url);
    } else {
      logger.warn('new window refused', { url: url.slice(0, 200) });
    }
    return { action: 'deny' };
  });
}

/** All permission requests and checks denied, but the clipboard write the copy buttons need. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
