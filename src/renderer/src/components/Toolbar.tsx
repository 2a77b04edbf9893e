/**
 * Colour buttons (highlight the selection, or recolour the selected highlight), delete, export. Where the document
 * cannot be changed the colour and delete buttons look unavailable and, pressed, say why.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HIGHLIGHT_COLORS } from '../../../shared/model';
import { APPLY_COLOR_COMMAND, DELETE_HIGHLIGHT_COMMAND } from '../editor/commands';
import { colorPhrase, useCodebook } from '../state/codebook-state';
import { useReadOnlyReason } from '../state/highlight-changes';
import { showView } from '../state/library-state';
import { showOverview } from '../state/overview-state';
import { useReading } from '../state/reading-store';
import { exportMarkdown } from './export-action';

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const selectedId = useReading((s) => s.selectedId);
  const title = useReading((s) => s.opened?.document.title ?? '');
  const selectedColor = useReading((s) => (s.selectedId ? s.annotations.get(s.selectedId)?.color : undefined));
  const readOnly = useReadOnlyReason();
  const documentId = useReading((s) => s.opened?.document.id);
  const colorLabels = useCodebook((s) => s.colors);

  return (
    <header className="toolbar">
      <button type="button" className="button" onClick={() => showView('library')} title="Show the library (Ctrl+L)">
        Library
      </button>
      <button
        type="button"
        className="button"
        onClick={() => documentId && showOverview(documentId, 'reader')}
        title="Speakers × codes and colours in this document, with counts"
      >
        Overview
      </button>
      <button type="button" className="button" onClick={() => showView('codes')} title="Every code in the library: rename, merge, move, delete">
        Codes
      </button>
      <button type="button" className="button" onClick={() => showView('notebook')} title="The library notebook: notes and quotes across documents">
        Library notebook
      </button>
      <div className="toolbar__title" title={title}>
        {title}
      </div>
      <div className="toolbar__group" role="group" aria-label="Highlight colour">
        {HIGHLIGHT_COLORS.map((color, i) => (
          <button
            key={color}
            type="button"
            className={`swatch swatch--${color}${selectedColor === color ? ' is-current' : ''}`}
            // The reader's name for the colour too: "Highlight yellow — key claim".
            aria-label={`Highlight ${colorPhrase(color, colorLabels[i]?.name)}`}
            aria-keyshortcuts={`Alt+${i + 1}`}
            // Still pressable: pressed, it says why nothing can be highlighted.
            aria-disabled={readOnly ? true : undefined}
            title={readOnly ? `Read-only: ${readOnly}` : `Highlight ${colorPhrase(color, colorLabels[i]?.name)} (Alt+${i + 1})`}
            // Keep the text selection: a mouse-down on a button must not collapse it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor.dispatchCommand(APPLY_COLOR_COMMAND, color)}
          />
        ))}
        <button
          type="button"
          className="button"
          disabled={!selectedId}
          aria-disabled={readOnly ? true : undefined}
          title={readOnly ? `Read-only: ${readOnly}` : 'Delete the selected highlight (Delete)'}
          onClick={() => selectedId && editor.dispatchCommand(DELETE_HIGHLIGHT_COMMAND, selectedId)}
        >
          Delete highlight
        </button>
      </div>
      <button type="button" className="button button--primary" onClick={() => void exportMarkdown()} title="Export highlights and notes to Markdown (Ctrl+E)">
        Export Markdown…
      </button>
    </header>
  );
}
