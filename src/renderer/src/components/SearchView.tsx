/**
 * The library search (Ctrl/Cmd+Shift+F): a field that searches every
 * document's transcript, highlights, notes, codes and notebooks as the reader
 * types, or only the document being read. Hits are listed by document (the
 * document with the best hit first), each saying what it is (transcript,
 * highlight, note, notebook), who speaks, and the hit in context with the
 * words matched marked. Up and Down move through the hits, Enter opens one at
 * its place, Escape goes back to where the search was opened from.
 */
import { Fragment, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { HighlightColor, SearchHit, SearchHitKind } from '../../../shared/model';
import { call } from '../gloss-client';
import { useCodebook } from '../state/codebook-state';
import { countLine, groupHits, plural, shownOrder, snippetParts, type SearchGroup } from '../state/search-results';
import {
  leaveSearch,
  moveActiveHit,
  openActiveHit,
  openHit,
  searchAgain,
  setActiveHit,
  setSearchQuery,
  setSearchScope,
  useSearch,
} from '../state/search-state';
import { LibraryAlerts } from './LibraryPage';
import { StatusBar } from './StatusBar';
import { useChangesUnderneath } from './use-changes-underneath';
import './SearchView.css';

const KIND_LABEL: Record<SearchHitKind, string> = { transcript: 'Transcript', highlight: 'Highlight', note: 'Note', notebook: 'Notebook' };

/** The colour of each highlight hit, read once per document listed (a hit says which highlight, not its colour). */
function useHighlightColors(groups: readonly SearchGroup[], changes: number): ReadonlyMap<string, HighlightColor> {
  const [colors, setColors] = useState<ReadonlyMap<string, HighlightColor>>(new Map());
  // The documents asked for, each with the count of changes then: a change underneath may have recoloured a highlight.
  const asked = useRef(new Map<string, number>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    for (const group of groups) {
      const { documentId } = group;
      if (documentId === null || asked.current.get(documentId) === changes || !group.hits.some((h) => h.highlightId)) continue;
      asked.current.set(documentId, changes);
      call('overview:highlights', { documentId })
        .then((refs) => {
          if (!mounted.current) return;
          setColors((before) => {
            const after = new Map(before);
            for (const ref of refs) after.set(ref.id, ref.color);
            return after;
          });
        })
        // Without its colour a hit is still listed and opened: the swatch is left out, and asked for again next time.
        .catch(() => asked.current.delete(documentId));
    }
  }, [groups, changes]);
  return colors;
}

function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <span className="search-hit__snippet">
      {snippetParts(hit.snippet, hit.marks).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

interface HitProps {
  hit: SearchHit;
  index: number;
  active: boolean;
  color: HighlightColor | undefined;
  colorName: string | undefined;
}

function Hit({ hit, index, active, color, colorName }: HitProps) {
  return (
    <div
      id={`search-hit-${index}`}
      role="option"
      aria-selected={active}
      // Read as one sentence: what it is, who speaks, then the words (the badge and the name run together otherwise);
      // the colour last, so that the name holds the visible words in the order they are shown (for speech input).
      aria-label={[KIND_LABEL[hit.kind], hit.speaker].filter(Boolean).join(', ') + `: ${hit.snippet}` + (color ? ` (${colorName ?? color} highlight)` : '')}
      className={`search-hit${active ? ' is-active' : ''}`}
      data-kind={hit.kind}
      // The focus stays in the field (its keys keep working); a click opens the hit.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        setActiveHit(index);
        void openHit(hit);
      }}
    >
      {/* Spaces between the parts (not laid out in a flex box) keep their words apart in the text read from them. */}
      <span className="search-hit__meta">
        <span className={`search-kind search-kind--${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>{' '}
        {color && <span className={`dot dot--${color} search-hit__color`} role="img" aria-label={`${colorName ?? color} highlight`} title={colorName} />}{' '}
        {hit.speaker && <span className="search-hit__speaker">{hit.speaker}</span>}
      </span>{' '}
      <Snippet hit={hit} />
    </div>
  );
}

/** What can be typed, with what it finds (core/search/query-syntax.ts parses it). */
const SYNTAX: readonly [string, string][] = [
  ['risk democracy', 'passages with all these words, the best first; a word of 3 letters or more also finds the longer words it begins (risks, risky)'],
  ['ai*', 'words that begin so, however short'],
  ['"the upside"', 'these words one after another'],
  ['speaker:Dario', 'said by a speaker whose name has this word (speaker:"Dario Amodei")'],
  ['code:theme/risk', 'highlights with this code, or a code inside it'],
  ['colour:yellow', 'highlights of this colour, by its name or yours'],
  ['doc:democracies', 'in the documents whose title has this word'],
  ['kind:note', 'only hits of one kind: transcript, highlight, note or notebook'],
];

/** Why the help shows: nothing typed yet, a query that found nothing, or one that could not be run. */
type HelpFor = 'empty' | 'no hits' | 'error';

function SearchHelp({ helpFor, inDocument }: { helpFor: HelpFor; inDocument: boolean }) {
  const intro = {
    empty: 'Search every transcript, highlight, note, code and notebook in the library. Results come as you type.',
    'no hits': `Nothing in ${inDocument ? 'this document' : 'the library'} matches all of that. Fewer words, or another filter, may find it.`,
    error: 'What a search can say:',
  }[helpFor];
  return (
    <div className="search-help">
      <p>{intro}</p>
      <dl className="search-help__syntax">
        {SYNTAX.map(([example, meaning]) => (
          <Fragment key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="search-help__keys">
        Two filters of one kind find either; filters of different kinds must all hold. <kbd>↑</kbd> <kbd>↓</kbd> move through the hits, <kbd>Enter</kbd> opens one where it is, <kbd>Esc</kbd> goes back.
      </p>
    </div>
  );
}

export function SearchView() {
  const query = useSearch((s) => s.query);
  const scope = useSearch((s) => s.scope);
  const documentId = useSearch((s) => s.documentId);
  const documentTitle = useSearch((s) => s.documentTitle);
  const from = useSearch((s) => s.from);
  const phase = useSearch((s) => s.phase);
  const results = useSearch((s) => s.results);
  const error = useSearch((s) => s.error);
  const active = useSearch((s) => s.active);
  const opened = useSearch((s) => s.opened);
  const answered = useSearch((s) => s.answered);
  const colorLabels = useCodebook((s) => s.colors);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // The library changed under the search: the same query, asked again.
  const changes = useChangesUnderneath(searchAgain);

  const groups = useMemo(() => (results ? groupHits(results.hits) : []), [results]);
  const colors = useHighlightColors(groups, changes);
  const colorName = (color: HighlightColor | undefined) => colorLabels.find((c) => c.color === color)?.name;

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [opened]);

  useEffect(() => {
    list.current?.querySelector(`#search-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, groups]);

  const onKeyDown = (event: ReactKeyboardEvent) => {
    const steps: Record<string, number | 'first' | 'last'> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in steps && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveActiveHit(steps[event.key]);
    } else if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void openActiveHit();
    }
  };
  const onPageKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      leaveSearch();
    }
  };

  const hits = shownOrder(groups);
  const empty = phase === 'empty' || !query.trim();
  const noHits = !empty && phase === 'done' && results !== null && results.hits.length === 0;
  const count = empty ? '' : error ? '' : results ? countLine(results) : 'Searching…';
  const back = from === 'reader' && documentTitle ? `Back to “${documentTitle}”` : from === 'reader' ? 'Back to the document' : from === 'notebook' ? 'Back to the library notebook' : from === 'overview' ? 'Back to the overview' : from === 'codes' ? 'Back to the codes' : 'Back to the library';
  let index = 0;

  return (
    <div className="search-app" onKeyDown={onPageKeyDown}>
      <header className="toolbar">
        <button type="button" className="button" onClick={leaveSearch} title="Go back (Esc)">
          {back}
        </button>
        <h1 className="toolbar__title search__title">Search</h1>
      </header>
      <LibraryAlerts />
      {/* data-answered: the query whose answer shows (the tests wait for it). */}
      <main className="search" data-answered={phase === 'searching' ? undefined : (answered ?? undefined)}>
        <div className="search__head">
          <div className="search__bar">
            <label htmlFor="search-field" className="visually-hidden">
              Search the library
            </label>
            <input
              ref={field}
              id="search-field"
              className="search__field"
              type="search"
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls="search-results"
              aria-activedescendant={active >= 0 && active < hits.length ? `search-hit-${active}` : undefined}
              aria-autocomplete="list"
              aria-describedby="search-count"
              aria-invalid={error !== null}
              autoComplete="off"
              spellCheck={false}
              placeholder='Words, "a phrase", speaker:, code:, colour:, doc:'
              value={query}
              onChange={(e) => setSearchQuery(e.target.value)}
              onKeyDown={onKeyDown}
            />
            {documentId && (
              <div className="search__scope" role="radiogroup" aria-label="Search in">
                <label className={`search__scope-option${scope === 'library' ? ' is-chosen' : ''}`}>
                  <input type="radio" name="search-scope" checked={scope === 'library'} onChange={() => setSearchScope('library')} />
                  Whole library
                </label>
                <label className={`search__scope-option${scope === 'document' ? ' is-chosen' : ''}`} title={documentTitle ?? undefined}>
                  <input type="radio" name="search-scope" checked={scope === 'document'} onChange={() => setSearchScope('document')} />
                  This document
                </label>
              </div>
            )}
          </div>
          <p id="search-count" className="search__count" role="status" aria-live="polite">
            {count}
          </p>
        </div>
        {error && (
          <p className="search__error" role="alert">
            This search cannot be run: {error}
          </p>
        )}
        {(empty || noHits || error) && (
          <SearchHelp helpFor={empty ? 'empty' : error ? 'error' : 'no hits'} inDocument={scope === 'document' && documentId !== null} />
        )}
        {!empty && !error && (
          <div ref={list} id="search-results" className="search-results" role="listbox" aria-label="Search results" aria-busy={phase === 'searching'}>
            {groups.map((group) => (
              <div key={group.key} className="search-group" role="group" aria-label={`${group.title}: ${plural(group.hits.length, 'hit')}`}>
                <div className="search-group__heading" aria-hidden="true">
                  <span className="search-group__title">{group.title}</span>
                  <span className="search-group__count">{plural(group.hits.length, 'hit')}</span>
                </div>
                {group.hits.map((hit) => {
                  const at = index++;
                  const color = hit.highlightId ? colors.get(hit.highlightId) : undefined;
                  return <Hit key={at} hit={hit} index={at} active={at === active} color={color} colorName={colorName(color)} />;
                })}
              </div>
            ))}
          </div>
        )}
      </main>
      <StatusBar counts={false} />
    </div>
  );
}
