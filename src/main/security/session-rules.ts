/**
 * The session's rules: every request the URL policy does not allow is
 * cancelled before it starts (the network, file://, other schemes), and every
 * permission (camera, notifications, clipboard reading, …) is denied but one:
 * the app's own pages may write text to the clipboard ("Copy as Markdown").
 */
import type { Session } from 'electron';
import type { UrlPolicy } from './url-policy';

export function lockDownSession(session: Session, policy: UrlPolicy): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !policy.mayRequest(details.url) });
  });
  // Gloss needs one permission only: writing (sanitised) text to the clipboard, from its own pages; never reading it.
  const allowed = (permission: string, url: string | undefined) => permission === 'clipboard-sanitized-write' && url !== undefined && policy.mayLoad(url);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details?.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}
