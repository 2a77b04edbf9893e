/**
 * The palette under the toolbar, visible while reading: each highlight
 * colour's button (highlight the selection, or recolour the selected
 * highlight; Alt+1 … Alt+7) beside the name the reader gave the colour ("key
 * claim"), which is the colour legend. A name is renamed in place for the
 * whole library: click it (or press Enter on it), type, Enter saves, Escape
 * cancels. Also the colour dot the side panel shows on each highlight, named
 * for screen readers by the colour's name.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useRef, useState } from 'react';
import { DEFAULT_COLOR_NAMES, type HighlightColor } from '../../../shared/model';
import { APPLY_COLOR_COMMAND } from '../editor/commands';
import { colorPhrase, nameColor, useCodebook, useColorName } from '../state/codebook-state';
import { useReadOnlyReason } from '../state/highlight-changes';
import { useReading } from '../state/reading-store';
import { ariaKeys, colorCommand, shownKey } from '../commands/command-keys';
import './ColorLegend.css';

/** The longest name main takes (MAX_COLOR_NAME_LENGTH in main's request schemas). */
const LONGEST_NAME = 60;

/** A highlight's colour as a dot, named by what the reader calls it. */
export function ColorDot({ color }: { color: HighlightColor }) {
  const name = useColorName(color);
  const label = name === DEFAULT_COLOR_NAMES[color] ? name : `${DEFAULT_COLOR_NAMES[color]}: ${name}`;
  return <span className={`dot dot--${color}`} role="img" aria-label={label} title={label} data-color-name={name} />;
}

/** The button that highlights the selection in `color` (or recolours the selected highlight). */
function ColorButton({ color, name }: { color: HighlightColor; name: string }) {
  const [editor] = useLexicalComposerContext();
  const readOnly = useReadOnlyReason();
  const current = useReading((s) => (s.selectedId ? s.annotations.get(s.selectedId)?.color === color : false));
  return (
    <button
      type="button"
      className={`swatch swatch--${color}${current ? ' is-current' : ''}`}
      // The reader's name for the colour too: "Highlight yellow — key claim".
      aria-label={`Highlight ${colorPhrase(color, name)}`}
      aria-keyshortcuts={ariaKeys(colorCommand(color))}
      // Still pressable: pressed, it says why nothing can be highlighted.
      aria-disabled={readOnly ? true : undefined}
      title={readOnly ? `Read-only: ${readOnly}` : `Highlight ${colorPhrase(color, name)} (${shownKey(colorCommand(color))})`}
      // Keep the text selection: a mouse-down on a button must not collapse it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.dispatchCommand(APPLY_COLOR_COMMAND, color)}
    />
  );
}

function LegendEntry({ color, name }: { color: HighlightColor; name: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const button = useRef<HTMLButtonElement>(null);
  // Escape and Enter end editing before the field loses the focus: its blur must not save again.
  const ended = useRef(false);

  const finish = (save: boolean) => {
    if (ended.current) return;
    ended.current = true;
    setEditing(false);
    if (save) void nameColor(color, draft);
    // Back to the name, once it is drawn again.
    requestAnimationFrame(() => button.current?.focus());
  };

  return (
    <li className="color-legend__entry" data-color={color}>
      <ColorButton color={color} name={name} />
      {editing ? (
        <input
          className="color-legend__input"
          aria-label={`Name for ${color}`}
          value={draft}
          maxLength={LONGEST_NAME}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              finish(true);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              finish(false);
            }
          }}
          size={Math.max(6, draft.length + 1)}
        />
      ) : (
        <button
          ref={button}
          type="button"
          className="color-legend__name"
          aria-label={`${name}: rename ${color}`}
          title={`Highlight ${colorPhrase(color, name)} (${shownKey(colorCommand(color))}). Click to rename ${color} for the whole library.`}
          onClick={() => {
            ended.current = false;
            setDraft(name);
            setEditing(true);
          }}
        >
          {name}
        </button>
      )}
    </li>
  );
}

/** Every colour's button and name, in shortcut order. */
export function ColorLegend() {
  const colors = useCodebook((s) => s.colors);
  return (
    <section className="color-legend" aria-label="Colour legend">
      <ul className="color-legend__list" role="list" aria-label="Highlight colour">
        {colors.map((c) => (
          <LegendEntry key={c.color} color={c.color} name={c.name} />
        ))}
      </ul>
    </section>
  );
}
