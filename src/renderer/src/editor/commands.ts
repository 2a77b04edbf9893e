/** Editor commands for highlights, dispatched by the toolbar, the side panel and shortcuts. */
import { createCommand, type LexicalCommand } from 'lexical';
import type { HighlightColor } from '../../../shared/model';

/** Highlight the selected text in a colour, or recolour the selected highlight when no text is selected. */
export const APPLY_COLOR_COMMAND: LexicalCommand<HighlightColor> = createCommand('APPLY_COLOR_COMMAND');
/** Delete a highlight (its note goes with it). */
export const DELETE_HIGHLIGHT_COMMAND: LexicalCommand<string> = createCommand('DELETE_HIGHLIGHT_COMMAND');
/** Scroll a highlight into view and flash it briefly. */
export const REVEAL_HIGHLIGHT_COMMAND: LexicalCommand<string> = createCommand('REVEAL_HIGHLIGHT_COMMAND');
/** Build the rest of a long transcript now (it is otherwise built a slice at a time after the first screen). */
export const BUILD_TRANSCRIPT_COMMAND: LexicalCommand<void> = createCommand('BUILD_TRANSCRIPT_COMMAND');
