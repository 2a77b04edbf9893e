/**
 * The shortcut reference's sections, from the command table: every command
 * that has keys on this platform, under the heading a reader looks for it.
 */
import { COMMAND_IDS, commandKeys, commandSpec, type CommandId } from '../../../shared/commands';

export const REFERENCE_SECTIONS = ['File', 'Edit', 'Highlight', 'Transcript caret', 'View', 'Help'] as const;
export type ReferenceSection = (typeof REFERENCE_SECTIONS)[number];

/** The section a command is listed under. */
export function sectionOf(id: CommandId): ReferenceSection {
  const { menu, scope } = commandSpec(id);
  if (scope === 'transcript' || menu === 'go') return 'Transcript caret';
  if (menu === 'file') return 'File';
  if (menu === 'edit') return 'Edit';
  if (menu === 'highlight' || scope === 'highlight' || id === 'context-menu') return 'Highlight';
  if (menu === 'view') return 'View';
  if (menu === 'help') return 'Help';
  return scope === 'app' ? 'File' : 'Edit';
}

/** Each section with its commands (table order), leaving out commands without keys and empty sections. */
export function referenceSections(mac: boolean): { section: ReferenceSection; ids: CommandId[] }[] {
  return REFERENCE_SECTIONS.map((section) => ({
    section,
    ids: COMMAND_IDS.filter((id) => commandKeys(id, mac).length > 0 && sectionOf(id) === section),
  })).filter((s) => s.ids.length > 0);
}
