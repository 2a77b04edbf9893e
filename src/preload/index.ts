/**
 * Builds `window.gloss` from the IPC contract and nothing else: one invoke
 * limited to the contract's channels, and subscriptions to what main sends
 * (menu commands, documents to show, changes made beside the app).
 * `ipcRenderer` itself is never exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, LIBRARY_CHANGED_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, SHOW_DOCUMENT_CHANNEL, SHOW_PLACE_CHANNEL, type GlossBridge, type MenuCommand } from '../shared/contract';

const channels = new Set<string>(CHANNELS);

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
    const wrapped = (_event: IpcRendererEvent, place: unknown) => {
      const p = place as { documentId?: unknown } | null;
      if (p && typeof p === 'object' && typeof p.documentId === 'string') listener(place as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(SHOW_PLACE_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(SHOW_PLACE_CHANNEL, wrapped);
  },
  onLibraryChanged: (listener) => {
    const wrapped = (_event: IpcRendererEvent, documentId: unknown) => {
      if (typeof documentId === 'string' || documentId === null) listener(documentId);
    };
    ipcRenderer.on(LIBRARY_CHANGED_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(LIBRARY_CHANGED_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('gloss', bridge);
