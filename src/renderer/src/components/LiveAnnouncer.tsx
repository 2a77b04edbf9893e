/**
 * What the status line says, spoken by screen readers: info through a
 * polite live region (role="status"), errors through an assertive one
 * (role="alert"). Mounted once for the whole app, so that a message set as
 * the view changes (an import that ends in the library) is still heard,
 * which a region mounted with its words already in it is not. The status
 * line itself (StatusBar) shows the same words and is not a live region, so
 * nothing is said twice. The same message set again is said again.
 */
import { useState } from 'react';
import { useReading, type Status } from '../state/reading-store';

/** Appended to every other message, so that the same words set again are a change a screen reader hears. */
const AGAIN = '\u00a0';

export function LiveAnnouncer() {
  const status = useReading((s) => s.status);
  // Which message this is, counted: adjusted while rendering, as React allows for state that follows a prop.
  const [shown, setShown] = useState<{ status: Status | null; count: number }>({ status, count: 0 });
  if (shown.status !== status) setShown({ status, count: shown.count + 1 });
  const words = status ? status.message + (shown.count % 2 ? AGAIN : '') : '';
  return (
    <div className="visually-hidden">
      <div role="status" aria-live="polite" aria-atomic="true">
        {status?.kind === 'info' ? words : ''}
      </div>
      <div role="alert" aria-atomic="true">
        {status?.kind === 'error' ? words : ''}
      </div>
    </div>
  );
}
