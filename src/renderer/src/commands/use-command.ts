/** React's way to register a command's handler while a component is on screen (commands/command-registry.ts). */
import { useEffect, useRef } from 'react';
import type { CommandId } from '../../../shared/commands';
import { registerCommand } from './command-registry';

/** Registers `run` (and `enabled`) for the command while the component is mounted; the latest closures are used. */
export function useCommand(id: CommandId, run: () => void, enabled?: () => boolean): void {
  const latest = useRef({ run, enabled });
  latest.current = { run, enabled };
  useEffect(
    () =>
      registerCommand(id, {
        run: () => latest.current.run(),
        enabled: () => latest.current.enabled?.() ?? true,
      }),
    [id],
  );
}
