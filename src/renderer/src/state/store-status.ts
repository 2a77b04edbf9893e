/**
 * What the store has to tell the reader: whether the library can be changed
 * at all (and why not), and its notices about files it found damaged,
 * restored, recovered or brought up to date. Asked of main at start, after
 * imports and after each document is opened (a document's highlights are
 * read, and so checked, only when it opens). A notice the reader dismissed
 * does not come back in the same session.
 */
import { useSyncExternalStore } from 'react';
import type { LibraryStatus, StoreNotice } from '../../../shared/model';
import { call } from '../gloss-client';

export interface StoreStatusState {
  dataDir: string;
  /** Why nothing in the library can be changed, or null. */
  readOnly: string | null;
  /** Notices not dismissed yet, in the order main reported them. */
  notices: readonly StoreNotice[];
}

type Listener = () => void;

/** One notice, the same each time main lists it. */
export function noticeKey(notice: StoreNotice): string {
  return [notice.at, notice.kind, notice.documentId ?? '', notice.path ?? '', notice.message].join('\u0000');
}

export class StoreStatus {
  private state: StoreStatusState = { dataDir: '', readOnly: null, notices: [] };
  private readonly dismissed = new Set<string>();
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): StoreStatusState => this.state;

  private set(next: StoreStatusState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** Takes in what main said; notices already dismissed stay out, and nothing changes when nothing did. */
  apply(status: LibraryStatus): void {
    const seen = new Set<string>();
    const notices = status.notices.filter((n) => {
      const key = noticeKey(n);
      if (this.dismissed.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const same =
      status.dataDir === this.state.dataDir &&
      status.readOnly === this.state.readOnly &&
      notices.length === this.state.notices.length &&
      notices.every((n, i) => noticeKey(n) === noticeKey(this.state.notices[i]));
    if (!same) this.set({ dataDir: status.dataDir, readOnly: status.readOnly, notices });
  }

  /** Hides these notices for the rest of the session. */
  dismiss(notices: readonly StoreNotice[]): void {
    const keys = new Set(notices.map(noticeKey));
    for (const key of keys) this.dismissed.add(key);
    this.set({ ...this.state, notices: this.state.notices.filter((n) => !keys.has(noticeKey(n))) });
  }
}

export const storeStatus = new StoreStatus();

/** Asks main for the library's status. Never fails: a status that cannot be read changes nothing shown. */
export async function refreshStoreStatus(): Promise<StoreStatusState> {
  try {
    storeStatus.apply(await call('library:status', {}));
  } catch (error) {
    console.warn('[gloss] could not read the library status:', error);
  }
  return storeStatus.getState();
}

export function useStoreStatus<T>(pick: (s: StoreStatusState) => T): T {
  return useSyncExternalStore(storeStatus.subscribe, () => pick(storeStatus.getState()));
}
