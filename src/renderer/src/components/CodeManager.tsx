/**
 * The code manager: every code of the library as a tree, with how many
 * highlights carry it (itself, and with the codes under it), its colour and
 * description (the codebook, edited in place), and the operations that
 * rewrite every document at once: rename, merge into another code, move
 * under another parent, delete. Each operation asks in a dialog (delete says
 * how many highlights in how many documents it touches), is one request to
 * main, and the status line says how many highlights changed.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { foldForMatching } from '../../../core/study/code-completion';
import { codeProblem, isWithin, leafOf, normaliseCode, parentOf } from '../../../core/study/code-path';
import type { CodeOperation, CodeSummary, HighlightColor } from '../../../shared/model';
import {
  applyCodeOperation,
  describeCode,
  documentsCarrying,
  isNamed,
  pathAfter,
  refreshCodebook,
  useCodebook,
} from '../state/codebook-state';
import { refuseWhenLibraryReadOnly, showView } from '../state/library-state';
import { useStoreStatus } from '../state/store-status';
import { BackToDocumentButton, LibraryAlerts } from './LibraryPage';
import { StatusBar } from './StatusBar';
import './CodeManager.css';

type Action = 'rename' | 'merge' | 'move' | 'delete';

interface Asking {
  action: Action;
  code: CodeSummary;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The codes strictly under `path`. */
function childrenOf(codes: readonly CodeSummary[], path: string): CodeSummary[] {
  return codes.filter((c) => c.path !== path && isWithin(c.path, path));
}

// ——— The dialog ———

interface DialogProps {
  asking: Asking;
  codes: readonly CodeSummary[];
  onClose: (resultPath: string | null | undefined) => void;
}

/** A modal dialog (the page behind it inert); Escape closes it, the focus goes back where the caller says. */
function Modal({ title, onCancel, children }: { title: string; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="code-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="code-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

function OperationDialog({ asking, codes, onClose }: DialogProps) {
  const { action, code } = asking;
  const path = code.path;
  const fieldId = useId();
  const problemId = useId();
  const [text, setText] = useState(path);
  const elsewhere = useMemo(() => codes.filter((c) => !isWithin(c.path, path)), [codes, path]);
  const parents = useMemo(() => elsewhere.filter((c) => c.path !== parentOf(path)), [elsewhere, path]);
  const [choice, setChoice] = useState(() => (action === 'merge' ? (elsewhere[0]?.path ?? '') : parentOf(path) === '' ? (parents[0]?.path ?? '') : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [documents, setDocuments] = useState<number | null | undefined>(action === 'delete' && code.total > 0 ? undefined : null);
  const under = childrenOf(codes, path).length;

  useEffect(() => {
    if (action !== 'delete' || code.total === 0) return;
    let live = true;
    void documentsCarrying(path).then((n) => live && setDocuments(n));
    return () => {
      live = false;
    };
  }, [action, code.total, path]);

  const operation = (): CodeOperation | string => {
    switch (action) {
      case 'rename': {
        const wrong = codeProblem(text);
        if (wrong) return `Not a code: ${wrong}.`;
        const to = normaliseCode(text);
        if (to === path) return 'That is its name already.';
        if (isWithin(to, path)) return `A code cannot go under itself: ${to} is under ${path}.`;
        if (codes.some((c) => c.path === to)) return `${to} is already a code: merge ${path} into it instead.`;
        return { kind: 'rename', from: path, to };
      }
      case 'merge':
        return choice ? { kind: 'merge', from: path, into: choice } : 'There is no other code to merge it into.';
      case 'move': {
        const to = choice ? `${choice}/${leafOf(path)}` : leafOf(path);
        if (to === path) return 'It is there already.';
        if (codes.some((c) => c.path === to)) return `${to} is already a code: merge ${path} into it instead.`;
        return { kind: 'move', code: path, parent: choice };
      }
      case 'delete':
        return { kind: 'delete', code: path };
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const op = operation();
    if (typeof op === 'string') {
      setProblem(op);
      return;
    }
    setWorking(true);
    const done = await applyCodeOperation(op);
    setWorking(false);
    if (done) onClose(pathAfter(op));
    // Refused: the status line says why; the dialog stays, to try something else.
  };

  const cancel = () => onClose(undefined);
  const titles: Record<Action, string> = { rename: `Rename ${path}`, merge: `Merge ${path}`, move: `Move ${path}`, delete: `Delete ${path}?` };
  const verbs: Record<Action, [string, string]> = { rename: ['Rename', 'Renaming…'], merge: ['Merge', 'Merging…'], move: ['Move', 'Moving…'], delete: ['Delete', 'Deleting…'] };
  const touches = code.total === 0 ? 'No highlight carries it.' : `It is on ${plural(code.total, 'highlight')}.`;
  const follow = under > 0 ? ` The ${plural(under, 'code')} under it ${under === 1 ? 'goes' : 'go'} with it.` : '';

  let body: ReactNode;
  if (action === 'rename') {
    body = (
      <>
        <label htmlFor={fieldId}>New name</label>
        <input
          id={fieldId}
          className="code-dialog__input"
          value={text}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problemId}
          spellCheck={false}
        />
        <p className="code-dialog__help">
          {touches}
          {follow} Use / for a place in the tree (theme/risk).
        </p>
      </>
    );
  } else if (action === 'merge' || action === 'move') {
    const options = action === 'merge' ? elsewhere : parents;
    const target = action === 'move' ? (choice ? `${choice}/${leafOf(path)}` : leafOf(path)) : choice;
    body = (
      <>
        <label htmlFor={fieldId}>{action === 'merge' ? 'Merge into' : 'Move under'}</label>
        <select
          id={fieldId}
          className="code-dialog__input"
          value={choice}
          autoFocus
          onChange={(e) => {
            setChoice(e.target.value);
            setProblem(null);
          }}
          aria-describedby={problemId}
        >
          {action === 'move' && parentOf(path) !== '' && <option value="">The top of the tree</option>}
          {options.map((c) => (
            <option key={c.path} value={c.path}>
              {c.path}
            </option>
          ))}
        </select>
        <p className="code-dialog__help">
          {action === 'merge'
            ? `${touches} Each of them will carry ${target || 'the code chosen'} instead.${follow ? ` The codes under ${path} go under ${target || 'it'}.` : ''}`
            : `${path} becomes ${target}.${follow}`}
        </p>
      </>
    );
  } else {
    const where = documents ? ` in ${plural(documents, 'document')}` : '';
    body = (
      <p className="code-dialog__question">
        {code.total === 0 ? `Delete ${path}? No highlight carries it.` : `Delete ${path} from ${plural(code.total, 'highlight')}${where}?`}
        {follow}
      </p>
    );
  }

  return (
    <Modal title={titles[action]} onCancel={cancel}>
      <form className="code-dialog__form" onSubmit={(e) => void submit(e)}>
        {body}
        <p id={problemId} className="code-dialog__problem" role="alert">
          {problem}
        </p>
        <div className="code-dialog__buttons">
          <button type="button" className="button" onClick={cancel} autoFocus={action === 'delete'}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${action === 'delete' ? 'button--danger' : 'button--primary'}`}
            disabled={working || (action === 'delete' && documents === undefined)}
          >
            {working ? verbs[action][1] : verbs[action][0]}
          </button>
        </div>
      </form>
    </Modal>
  );
}

// ——— The table ———

function ColorCell({ code }: { code: CodeSummary }) {
  const colors = useCodebook((s) => s.colors);
  return (
    <select
      className="code-manager__color"
      aria-label={`Colour of ${code.path}`}
      value={code.color ?? ''}
      onChange={(e) => void describeCode(code.path, { color: (e.target.value || null) as HighlightColor | null })}
    >
      <option value="">None</option>
      {colors.map((c) => (
        <option key={c.color} value={c.color}>
          {isNamed(c) ? `${c.name} (${c.color})` : c.name}
        </option>
      ))}
    </select>
  );
}

function DescriptionCell({ code }: { code: CodeSummary }) {
  const [draft, setDraft] = useState(code.description);
  const [shown, setShown] = useState(code.description);
  // A description changed by main (another window, an undo) replaces the draft.
  if (shown !== code.description) {
    setShown(code.description);
    setDraft(code.description);
  }
  const save = () => {
    if (draft !== code.description) void describeCode(code.path, { description: draft.trim() });
  };
  return (
    <input
      className="code-manager__description"
      aria-label={`Description of ${code.path}`}
      placeholder="What this code means…"
      // Narrow by nature; the column gives it the room there is.
      size={8}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') {
          e.preventDefault();
          setDraft(code.description);
        }
      }}
    />
  );
}

function CodeRow({ code, onAsk, readOnly }: { code: CodeSummary; onAsk: (asking: Asking) => void; readOnly: string | null }) {
  const depth = code.path.split('/').length - 1;
  const parent = parentOf(code.path);
  const ask = (action: Action) => onAsk({ action, code });
  const unavailable = readOnly ? { 'aria-disabled': true as const, title: `Read-only: ${readOnly}` } : {};
  return (
    <tr data-code={code.path}>
      <th scope="row" className="code-manager__code">
        <span className="code-manager__indent" style={{ paddingInlineStart: `${depth * 1.25}rem` }} title={code.path}>
          {parent && <span className="visually-hidden">{parent}/</span>}
          <span className={depth ? 'code-manager__leaf' : 'code-manager__leaf is-top'}>{leafOf(code.path)}</span>
        </span>
      </th>
      <td className="num">{code.count.toLocaleString('en')}</td>
      <td className="num">{code.total.toLocaleString('en')}</td>
      <td>
        <ColorCell code={code} />
      </td>
      <td>
        <DescriptionCell code={code} />
      </td>
      <td className="code-manager__actions">
        <button type="button" className="link-button" data-action="rename" aria-label={`Rename ${code.path}`} {...unavailable} onClick={() => ask('rename')}>
          Rename
        </button>
        <button type="button" className="link-button" data-action="merge" aria-label={`Merge ${code.path} into another code`} {...unavailable} onClick={() => ask('merge')}>
          Merge…
        </button>
        <button type="button" className="link-button" data-action="move" aria-label={`Move ${code.path}`} {...unavailable} onClick={() => ask('move')}>
          Move…
        </button>
        <button type="button" className="link-button link-button--danger" data-action="delete" aria-label={`Delete ${code.path}`} {...unavailable} onClick={() => ask('delete')}>
          Delete…
        </button>
      </td>
    </tr>
  );
}

function NewCode() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const codes = useCodebook((s) => s.codes);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = codeProblem(text);
    if (wrong) return setProblem(`Not a code: ${wrong}.`);
    const path = normaliseCode(text);
    if (codes.some((c) => c.path === path)) return setProblem(`${path} is already a code.`);
    if (await describeCode(path, {})) {
      setText('');
      setProblem(null);
    }
  };
  return (
    <form className="code-manager__new" onSubmit={(e) => void add(e)}>
      <label htmlFor="new-code">New code</label>
      <input
        id="new-code"
        value={text}
        placeholder="theme/risk"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        aria-describedby="new-code-problem"
      />
      <button type="submit" className="button">
        Add
      </button>
      <span id="new-code-problem" className="code-manager__problem" role="alert">
        {problem}
      </span>
    </form>
  );
}

export function CodeManager() {
  const codes = useCodebook((s) => s.codes);
  const loaded = useCodebook((s) => s.loaded);
  const problem = useCodebook((s) => s.problem);
  const readOnly = useStoreStatus((s) => s.readOnly);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [find, setFind] = useState('');
  const main = useRef<HTMLElement>(null);
  const returnTo = useRef<{ path: string; action: Action } | null>(null);

  useEffect(() => {
    void refreshCodebook();
  }, []);

  const shown = useMemo(() => {
    const query = foldForMatching(find);
    if (!query) return codes;
    // A match keeps its parents, so that it stays in its place in the tree.
    const keep = new Set<string>();
    for (const c of codes) {
      if (!foldForMatching(c.path).includes(query)) continue;
      const parts = c.path.split('/');
      for (let i = 1; i <= parts.length; i++) keep.add(parts.slice(0, i).join('/'));
    }
    return codes.filter((c) => keep.has(c.path));
  }, [codes, find]);

  const ask = (next: Asking) => {
    if (refuseWhenLibraryReadOnly('The codes cannot be changed')) return;
    returnTo.current = { path: next.code.path, action: next.action };
    setAsking(next);
  };

  // Once the dialog is gone, the focus goes back to the code's row (where the code is now), or to the list.
  const [focusAfter, setFocusAfter] = useState<{ path: string | null; action: Action } | null>(null);
  useEffect(() => {
    if (!focusAfter) return;
    const row = focusAfter.path ? main.current?.querySelector<HTMLElement>(`tr[data-code="${CSS.escape(focusAfter.path)}"]`) : null;
    const target = row?.querySelector<HTMLElement>(`[data-action="${focusAfter.action}"]`) ?? row?.querySelector<HTMLElement>('button') ?? main.current;
    target?.focus();
    setFocusAfter(null);
  }, [focusAfter, codes]);

  const close = (resultPath: string | null | undefined) => {
    const from = returnTo.current;
    setAsking(null);
    if (from) setFocusAfter({ path: resultPath === undefined ? from.path : resultPath, action: from.action });
  };

  return (
    <div className="library-app code-manager-app">
      <header className="toolbar">
        <h1 className="toolbar__title">Codes</h1>
        <BackToDocumentButton />
        <button type="button" className="button" onClick={() => showView('library')}>
          Library
        </button>
      </header>
      <LibraryAlerts />
      <main ref={main} className="code-manager" tabIndex={-1} aria-label="Codes">
        <p className="code-manager__hint">
          Every code in the library, as a tree (write <kbd>/</kbd> for a place in it: theme/risk). Renaming, merging, moving and deleting change
          every highlight that carries the code, in every document.
        </p>
        <div className="code-manager__bar">
          <NewCode />
          <label className="code-manager__find">
            <span>Find</span>
            <input type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="Part of a code" spellCheck={false} />
          </label>
        </div>
        {problem && !loaded && <p className="code-manager__problem">The codes could not be read: {problem}</p>}
        {loaded && codes.length === 0 && (
          <p className="code-manager__empty">No codes yet. Select a highlight and add codes in the side panel, or add one here.</p>
        )}
        {codes.length > 0 && (
          <table className="code-manager__table">
            <caption className="visually-hidden">Codes, with the highlights that carry each</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col" className="num" title="Highlights carrying this code itself">
                  Highlights
                </th>
                <th scope="col" className="num" title="Highlights carrying this code or a code under it">
                  With sub-codes
                </th>
                <th scope="col">Colour</th>
                <th scope="col">Description</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <CodeRow key={c.path} code={c} onAsk={ask} readOnly={readOnly} />
              ))}
            </tbody>
          </table>
        )}
        {codes.length > 0 && shown.length === 0 && <p className="code-manager__empty">No code contains “{find}”.</p>}
      </main>
      <StatusBar counts={false} />
      {asking && <OperationDialog asking={asking} codes={codes} onClose={close} />}
    </div>
  );
}
