/**
 * Builds the rest of a long transcript after its first screen is shown, a
 * slice per task so the window stays responsive, and marks the transcript
 * complete when done. A highlight revealed before then (from the side panel)
 * has the rest built at once, so it can be scrolled to.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH } from 'lexical';
import { useEffect } from 'react';
import type { TranscriptBuilder } from '../../build-transcript';
import { REVEAL_HIGHLIGHT_COMMAND } from '../../commands';

/** Paragraphs built per task: a few milliseconds of work each. */
const SLICE = 400;

/** Marks a moment in the User Timing timeline (read by the benchmarks) once the frame is painted. */
function markAfterPaint(name: string): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark(name);
    channel.port2.postMessage(null);
  });
}

export function ProgressiveLoadPlugin({ builder }: { builder: TranscriptBuilder }): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let timer = 0;
    const finish = () => {
      editor.getRootElement()?.setAttribute('data-complete', 'true');
      markAfterPaint('gloss:transcript-complete');
    };
    const buildRest = () => {
      editor.update(() => void builder.$appendParagraphs(Infinity), { discrete: true, tag: 'transcript-load' });
      finish();
    };
    const step = () => {
      editor.update(() => void builder.$appendParagraphs(SLICE), { discrete: true, tag: 'transcript-load' });
      if (builder.done) finish();
      else timer = window.setTimeout(step, 0);
    };
    markAfterPaint('gloss:first-screen');
    if (builder.done) finish();
    else timer = window.setTimeout(step, 0);

    return mergeRegister(
      () => window.clearTimeout(timer),
      editor.registerCommand(
        REVEAL_HIGHLIGHT_COMMAND,
        () => {
          if (!builder.done) {
            window.clearTimeout(timer);
            buildRest();
          }
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, builder]);

  return null;
}
