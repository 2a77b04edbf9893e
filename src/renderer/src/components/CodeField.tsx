/**
 * A highlight's codes: removable chips and a field that adds codes, with
 * suggestions from the library's codes (an ARIA combobox). Up and Down move
 * through the suggestions, Enter adds the one chosen or, with none chosen,
 * the code typed (a new one if the library has none like it), Escape closes
 * the suggestions and then clears the field, Backspace in an empty field
 * takes off the last code. Also the small chips the side panel shows on each
 * highlight, and a code's path drawn with its hierarchy (`theme/` `risk`).
 */
import { memo, useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { codeForTyped, suggestCodes } from '../../../core/study/code-completion';
import { ancestorsOf, leafOf } from '../../../core/study/code-path';
import { errorMessage } from '../../../core/error-message';
import type { Annotation, CodeSummary, HighlightColor } from '../../../shared/model';
import { codesInUseChanged, completionIndex, refreshCodebook, useCodebook } from '../state/codebook-state';
import { setCodes, useReadOnlyReason } from '../state/highlight-changes';
import './CodeField.css';

let colorsFor: { codes: readonly CodeSummary[]; colors: ReadonlyMap<string, HighlightColor> } | null = null;

/** Each code's colour in the codebook, rebuilt only when the codebook changes. */
function codeColors(codes: readonly CodeSummary[]): ReadonlyMap<string, HighlightColor> {
  if (colorsFor?.codes !== codes) {
    const colors = new Map<string, HighlightColor>();
    for (const c of codes) if (c.color) colors.set(c.path, c.color);
    colorsFor = { codes, colors };
  }
  return colorsFor.colors;
}

function useCodeColor(path: string): HighlightColor | undefined {
  return useCodebook((s) => codeColors(s.codes).get(path));
}

/** A code path as the tree has it: the parents quiet, the code's own name plain. */
export function CodePath({ path }: { path: string }) {
  const parent = ancestorsOf(path).at(-1);
  return (
    <span className="code-path">
      {parent && <span className="code-path__parent">{parent}/</span>}
      <span className="code-path__leaf">{leafOf(path)}</span>
    </span>
  );
}

/** One code; re-rendered only when its own code or colour changes (typing in the field leaves the chips alone). */
const CodeChip = memo(function CodeChip({ path, onRemove }: { path: string; onRemove?: (path: string) => void }) {
  const color = useCodeColor(path);
  return (
    <li className="code-chip" data-code={path}>
      {color && <span className={`code-chip__dot dot dot--${color}`} aria-hidden="true" />}
      <CodePath path={path} />
      {onRemove && (
        <button type="button" className="code-chip__remove" aria-label={`Remove code ${path}`} title={`Remove ${path}`} onClick={() => onRemove(path)}>
          ×
        </button>
      )}
    </li>
  );
});

/** A highlight's codes as small chips, for its entry in the side panel. */
export function CodeChips({ codes }: { codes: readonly string[] }) {
  if (codes.length === 0) return null;
  return (
    <ul className="code-chips code-chips--small" aria-label="Codes">
      {codes.map((code) => (
        <CodeChip key={code} path={code} />
      ))}
    </ul>
  );
}

/** The selected highlight's codes, to add and take off. */
export function CodeField({ annotation }: { annotation: Annotation }) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const readOnly = useReadOnlyReason();
  const libraryCodes = useCodebook((s) => s.codes);
  const codes = annotation.codes;

  const suggestions = useMemo(
    () => (open ? suggestCodes(completionIndex(), typed, { exclude: new Set(codes) }) : []),
    // libraryCodes: what completionIndex() is built from.
    [open, typed, codes, libraryCodes],
  );
  const shown = open && suggestions.length > 0;
  const chosen = shown && active >= 0 ? suggestions[active] : undefined;

  // The latest codes, for the remove callback the chips keep (it stays the same while typing, so they need not re-render).
  const latest = useRef(codes);
  latest.current = codes;

  const change = async (next: string[], words: string) => {
    const done = await setCodes(annotation.id, next);
    if (done) {
      codesInUseChanged(done.after);
      setSaid(words);
    }
  };

  const add = (path: string) => {
    setTyped('');
    setOpen(false);
    setActive(-1);
    if (codes.includes(path)) {
      setProblem(`${path} is already on this highlight.`);
      return;
    }
    setProblem(null);
    void change([...codes, path], `Added code ${path}.`);
  };

  const remove = useCallback(
    (path: string) => {
      void setCodes(
        annotation.id,
        latest.current.filter((c) => c !== path),
      ).then((done) => {
        if (!done) return;
        codesInUseChanged(done.after);
        setSaid(`Removed code ${path}.`);
      });
      input.current?.focus();
    },
    [annotation.id],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else if (n) setActive(active >= n - 1 ? -1 : active + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(-1);
        } else if (n) setActive(active < 0 ? n - 1 : active - 1);
        break;
      case 'Enter': {
        e.preventDefault();
        if (chosen) add(chosen.path);
        else if (typed.trim()) {
          try {
            add(codeForTyped(completionIndex(), typed));
          } catch (error) {
            setProblem(`Not a code: ${errorMessage(error)}.`);
          }
        }
        break;
      }
      case 'Escape':
        if (open && n) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (typed) {
          e.preventDefault();
          e.stopPropagation();
          setTyped('');
          setProblem(null);
        }
        break;
      case 'Backspace':
        if (typed === '' && codes.length > 0 && e.currentTarget.selectionStart === 0) {
          e.preventDefault();
          remove(codes[codes.length - 1]);
        }
        break;
      case 'Tab':
        setOpen(false);
        setActive(-1);
        break;
    }
  };

  const typedIsNew = typed.trim() !== '' && !suggestions.some((s) => s.match === 'exact');
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="code-field">
      <div className="code-field__label" id={`${id}-label`}>
        Codes
      </div>
      <div className="code-field__box" onClick={() => input.current?.focus()}>
        {codes.length > 0 && (
          <ul className="code-chips" aria-labelledby={`${id}-label`}>
            {codes.map((code) => (
              <CodeChip key={code} path={code} onRemove={readOnly ? undefined : remove} />
            ))}
          </ul>
        )}
        <input
          ref={input}
          className="code-field__input"
          role="combobox"
          aria-label="Add a code"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={chosen ? optionId(active) : undefined}
          aria-describedby={hintId}
          aria-disabled={readOnly ? true : undefined}
          readOnly={readOnly !== null}
          title={readOnly ? `Read-only: ${readOnly}` : undefined}
          placeholder={readOnly ? '' : codes.length ? 'Add another code…' : 'Add a code…'}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setOpen(true);
            setActive(-1);
            setProblem(null);
          }}
          onFocus={() => {
            setFocused(true);
            // The counts may have changed; the codes are prepared for matching while the reader has yet to type.
            void refreshCodebook().then(() => requestIdleCallback(() => completionIndex(), { timeout: 500 }));
          }}
          onBlur={() => {
            setFocused(false);
            setOpen(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={listId} role="listbox" aria-label="Suggested codes" className="code-field__list" hidden={!shown}>
        {shown &&
          suggestions.map((s, i) => (
            <li
              key={s.path}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`code-field__option${i === active ? ' is-active' : ''}`}
              // Keeps the focus in the field.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(s.path)}
            >
              <CodePath path={s.path} />
              <span className="code-field__uses" aria-label={`used ${s.uses} ${s.uses === 1 ? 'time' : 'times'}`}>
                {s.uses}
              </span>
            </li>
          ))}
      </ul>
      <div id={hintId} className={`code-field__hint${problem ? ' is-error' : ''}`} aria-live="polite">
        {problem ?? (!focused || readOnly ? '' : typedIsNew && !chosen ? `Enter adds the new code “${typed.trim()}”.` : 'Down lists the codes in use.')}
      </div>
      <div className="visually-hidden" role="status">
        {said}
      </div>
    </div>
  );
}
