/**
 * For a library-wide page (the overview, the search) that must read again
 * what it shows when the library changes under it: a count of the changes
 * heard, each once main has made it (a `gloss` command beside the app, an undo
 * or redo).
 */
import { useEffect, useRef, useState } from 'react';
import { onLibraryChanged } from '../gloss-client';
import { undoHistory } from '../state/undo-history';

/** Counts the changes heard while the page shows; `onChange` is told of each as it comes. */
export function useChangesUnderneath(onChange?: () => void): number {
  const [changes, setChanges] = useState(0);
  const told = useRef(onChange);
  told.current = onChange;
  useEffect(() => {
    const changed = () => {
      setChanges((n) => n + 1);
      told.current?.();
    };
    const offLibrary = onLibraryChanged(changed);
    const offUndo = undoHistory.subscribe(changed);
    return () => {
      offLibrary();
      offUndo();
    };
  }, []);
  return changes;
}
