/**
 * Builds `window.gloss` from the IPC contract and nothing else: one invoke
 * limited to the contract's channels, and subscriptions to what main sends
 * (menu commands, documents and places to show, changes made beside the app;
 * a place sent before the page listens is kept for it).
 * `ipcRenderer` itself is never exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { GlossPlace, TaskProgress } from '../shared/model';
import { CHANNELS, LIBRARY_CHANGED_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, SHOW_DOCUMENT_CHANNEL, SHOW_PLACE_CHANNEL, TASK_PROGRESS_CHANNEL, type GlossBridge, type MenuCommand } from '../shared/contract';

const channels = new Set<string>(CHANNELS);

/** Places (gloss:// links) sent before the page listened, and who listens now. */
const waitingPlaces: GlossPlace[] = [];
const placeListeners = new Set<(place: GlossPlace) => void>();
ipcRenderer.on(SHOW_PLACE_CHANNEL, (_event: IpcRendererEvent, place: unknown) => {
  const p = place as { documentId?: unknown } | null;
  if (!p || typeof p !== 'object' || typeof p.documentId !== 'string') return;
  if (placeListeners.size === 0) waitingPlaces.splice(0, waitingPlaces.length, place as GlossPlace);
  else for (const listener of placeListeners) listener(place as GlossPlace);
});

const bridge: GlossBridge = {
  invoke: (channel, request) => {
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  onMenuCommand: (listener) => {
    const wrapped = (_event: IpcRendererEvent, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
  },
  onShowDocument: (listener) => {
    const wrapped = (_event: IpcRendererEvent, documentId: unknown) => {
      if (typeof documentId === 'string') listener(documentId);
    };
    ipcRenderer.on(SHOW_DOCUMENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(SHOW_DOCUMENT_CHANNEL, wrapped);
  },
  onShowPlace: (listener) => {
    placeListeners.add(listener);
    // A link that started Gloss can arrive before the page has subscribed: it was kept for the first listener.
    for (const place of waitingPlaces.splice(0)) listener(place);
    return () => placeListeners.delete(listener);
  },
  onLibraryChanged: (listener) => {
    const wrapped = (_event: IpcRendererEvent, documentId: unknown) => {
      if (typeof documentId === 'string' || documentId === null) listener(documentId);
    };
    ipcRenderer.on(LIBRARY_CHANGED_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(LIBRARY_CHANGED_CHANNEL, wrapped);
  },
  onTaskProgress: (listener) => {
    const wrapped = (_event: IpcRendererEvent, progress: unknown) => {
      const p = progress as { taskId?: unknown } | null;
      if (p && typeof p === 'object' && typeof p.taskId === 'string') listener(progress as TaskProgress);
    };
    ipcRenderer.on(TASK_PROGRESS_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(TASK_PROGRESS_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('gloss', bridge);
