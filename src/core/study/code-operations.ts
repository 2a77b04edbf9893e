/**
 * Code operations (rename, merge, move, delete) as pure functions: which
 * operations are allowed on a code tree, and how one highlight's list of
 * codes changes under one. A code's children always follow it (`a` renamed
 * `b` takes `a/x` to `b/x`), a list never holds a code twice, and the order
 * the reader gave is kept. The store applies them across documents.
 */
import type { CodeOperation } from '../../shared/model';
import { codeProblem, isWithin, leafOf } from './code-path';

/** What an operation does to the tree: the code it acts on (with its children) and where that goes (null: away). */
export interface CodePlan {
  root: string;
  target: string | null;
}

export function planOf(op: CodeOperation): CodePlan {
  switch (op.kind) {
    case 'rename':
      return { root: op.from, target: op.to };
    case 'merge':
      return { root: op.from, target: op.into };
    case 'move':
      return { root: op.code, target: op.parent === '' ? leafOf(op.code) : `${op.parent}/${leafOf(op.code)}` };
    case 'delete':
      return { root: op.code, target: null };
  }
}

/** Where `code` goes under the plan: itself when the plan does not touch it, null when it is taken away. */
export function mapCode(code: string, plan: CodePlan): string | null {
  if (!isWithin(code, plan.root)) return code;
  if (plan.target === null) return null;
  return plan.target + code.slice(plan.root.length);
}

/** A highlight's codes after the plan, each once, in the order they were; null when the plan changes nothing. */
export function recode(codes: readonly string[], plan: CodePlan): string[] | null {
  if (!codes.some((c) => isWithin(c, plan.root))) return null;
  const out: string[] = [];
  for (const code of codes) {
    const next = mapCode(code, plan);
    if (next !== null && !out.includes(next)) out.push(next);
  }
  return out;
}

/** Why an operation cannot be made, in words, and what kind of refusal it is. */
export interface OperationProblem {
  kind: 'not-found' | 'conflict' | 'invalid-request';
  message: string;
}

/** The operation in the reader's words ("rename “a” to “b”"). */
export function describeOperation(op: CodeOperation): string {
  switch (op.kind) {
    case 'rename':
      return `rename “${op.from}” to “${op.to}”`;
    case 'merge':
      return `merge “${op.from}” into “${op.into}”`;
    case 'move':
      return op.parent === '' ? `move “${op.code}” to the top` : `move “${op.code}” under “${op.parent}”`;
    case 'delete':
      return `delete “${op.code}”`;
  }
}

/**
 * Why `op` cannot be made on a library whose code tree (every code used or described, and their parents) is
 * `tree`; null when it can. A rename or move may not land a code on one already in the tree (merging is the way to
 * join two codes), and no code may go under itself.
 */
export function operationProblem(op: CodeOperation, tree: ReadonlySet<string>): OperationProblem | null {
  const plan = planOf(op);
  const refuse = (kind: OperationProblem['kind'], message: string): OperationProblem => ({ kind, message });
  if (!tree.has(plan.root)) return refuse('not-found', `There is no code “${plan.root}” in the library.`);
  if (plan.target === null) return null;
  if (op.kind === 'move' && isWithin(op.parent, op.code)) return refuse('invalid-request', `“${op.code}” cannot be moved under itself.`);
  if (plan.target === plan.root) {
    return refuse('invalid-request', op.kind === 'move' ? `“${op.code}” is already there.` : `“${plan.root}” is already called that.`);
  }
  if (isWithin(plan.target, plan.root)) return refuse('invalid-request', `“${plan.root}” cannot go under itself (to “${plan.target}”).`);
  const moved = [...tree].filter((code) => isWithin(code, plan.root));
  for (const code of moved) {
    const target = mapCode(code, plan)!;
    const problem = codeProblem(target);
    if (problem) return refuse('invalid-request', `Cannot ${describeOperation(op)}: “${code}” would become “${target.slice(0, 250)}”, and ${problem}.`);
    if (op.kind !== 'merge' && tree.has(target)) {
      const what = code === plan.root ? `“${target}”` : `“${target}” (where “${code}” would go)`;
      return refuse('conflict', `Cannot ${describeOperation(op)}: ${what} is already in use. To join the two codes, merge “${code}” into “${target}” instead.`);
    }
  }
  return null;
}

/**
 * The codebook's entries after the plan: an entry goes with its code (and is dropped with a deleted one); where a
 * merged code lands on one that has an entry of its own, that entry is kept.
 */
export function recodeEntries<E>(entries: ReadonlyMap<string, E>, plan: CodePlan): Map<string, E> {
  const out = new Map<string, E>();
  for (const [code, entry] of entries) if (!isWithin(code, plan.root)) out.set(code, entry);
  for (const [code, entry] of entries) {
    const target = mapCode(code, plan);
    if (target !== null && target !== code && !out.has(target)) out.set(target, entry);
  }
  return out;
}
