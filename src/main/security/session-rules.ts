/**
 * The session's rules: every request the URL policy does not allow is
 * cancelled before it starts (the network, file://, other schemes), and every
 * permission (camera, notifications, clipboard reading, …) is denied.
 */
import type { Session } from 'electron';
import type { UrlPolicy } from './url-policy';

export function lockDownSession(session: Session, policy: UrlPolicy): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !policy.mayRequest(details.url) });
  });
  // Gloss needs no permission at all, so none is granted to any page.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
