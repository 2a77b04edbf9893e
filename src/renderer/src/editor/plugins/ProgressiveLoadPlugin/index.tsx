/**
 * Builds the rest of a long transcript after its first screen is shown, a
 * slice per task so the window stays responsive, and marks the transcript
 * complete when done. A highlight revealed before then (from the side panel)
 * has the rest built at once, so it can be scrolled to; so does a passage
 * revealed by offsets (the find bar, a search hit: BUILD_TRANSCRIPT_COMMAND).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH } from 'lexical';
import { useEffect } from 'react';
import type { TranscriptBuilder } from '../../build-transcript';
import { afterNextPaint } from '../../../after-paint';
import { BUILD_TRANSCRIPT_COMMAND, REVEAL_HIGHLIGHT_COMMAND } from '../../commands';

/**
 * Paragraphs built per task. Measured on a 250,000-word transcript: slices of
 * 400 took 0.9 s in all, slices of 1,200 about 0.55 s, each task under a
 * tenth of a second, so input waits at most that long while a book loads.
 */
const SLICE = 1200;

/** Runs `then` once the next frame is painted, first marking the moment in the User Timing timeline (read by the benchmarks). */
function afterPaint(mark: string, then: () => void = () => {}): void {
  afterNextPaint(() => {
    performance.mark(mark);
    then();
  });
}

export function ProgressiveLoadPlugin({ builder }: { builder: TranscriptBuilder }): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let timer = 0;
    let stopped = false;
    const finish = () => {
      editor.getRootElement()?.setAttribute('data-complete', 'true');
      afterPaint('gloss:transcript-complete');
    };
    const buildRest = () => {
      editor.update(() => void builder.$appendParagraphs(Infinity), { discrete: true, tag: 'transcript-load' });
      finish();
    };
    const step = () => {
      if (stopped || builder.done) return;
      editor.update(() => void builder.$appendParagraphs(SLICE), { discrete: true, tag: 'transcript-load' });
      if (builder.done) finish();
      else timer = window.setTimeout(step, 0);
    };
    /** Builds the rest at once; `handled` says whether the command stops here. */
    const buildNow = (handled: boolean) => () => {
      if (!builder.done) {
        window.clearTimeout(timer);
        buildRest();
      }
      return handled;
    };
    // The rest is built only once the first screen is on screen.
    afterPaint('gloss:first-screen', () => {
      if (stopped) return;
      if (builder.done) finish();
      else step();
    });

    return mergeRegister(
      () => {
        stopped = true;
        window.clearTimeout(timer);
      },
      // A highlight to reveal (its other handlers run after this one), or a passage revealed by offsets.
      editor.registerCommand(REVEAL_HIGHLIGHT_COMMAND, buildNow(false), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(BUILD_TRANSCRIPT_COMMAND, buildNow(true), COMMAND_PRIORITY_HIGH),
    );
  }, [editor, builder]);

  return null;
}
