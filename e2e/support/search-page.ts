/**
 * Page object for the library search: the field, the scope, the count line,
 * and the hits grouped by document (what kind each is, who speaks, the words
 * marked), opened by the keyboard or the mouse.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface SearchGroupSummary {
  /** The document's title (or "Library notebook"). */
  title: string;
  hits: number;
}

export class SearchPage {
  readonly field: Locator;
  /** "23 hits in 4 documents". */
  readonly count: Locator;
  readonly results: Locator;
  readonly hits: Locator;
  readonly error: Locator;
  readonly help: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.field = page.getByRole('combobox', { name: 'Search the library' });
    this.count = page.locator('#search-count');
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.hits = this.results.getByRole('option');
    this.error = page.getByRole('alert').filter({ hasText: 'This search cannot be run' });
    this.help = page.locator('.search-help');
    this.back = page.getByRole('button', { name: /^Back to/ });
  }

  /** Opens the search with its shortcut, from wherever the reader is. */
  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Shift+F');
    await expect(this.field).toBeFocused();
  }

  /** Types a query as a reader does (replacing what was there) and waits for its answer. */
  async search(query: string): Promise<void> {
    await this.field.fill(query);
    await expect(this.page.locator('main.search')).toHaveAttribute('data-answered', query);
  }

  /** Each document's group as shown: its title and how many hits it lists. */
  async groups(): Promise<SearchGroupSummary[]> {
    return this.results.getByRole('group').evaluateAll((groups) =>
      groups.map((g) => ({ title: g.querySelector('.search-group__title')?.textContent ?? '', hits: g.querySelectorAll('[role="option"]').length })),
    );
  }

  /** The hits of the group with this title. */
  hitsIn(title: string): Locator {
    return this.results.getByRole('group', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) }).getByRole('option');
  }

  /** What kind each hit says it is ("Transcript", "Highlight", "Note", "Notebook"), in order. */
  async kinds(): Promise<string[]> {
    return this.hits.locator('.search-kind').allTextContents();
  }

  /** The speaker each hit names ('' where it names none), in order. */
  async speakers(): Promise<string[]> {
    return this.hits.evaluateAll((hits) => hits.map((h) => h.querySelector('.search-hit__speaker')?.textContent ?? ''));
  }

  /** The words marked in each hit's snippet, in order. */
  async markedWords(): Promise<string[][]> {
    return this.hits.evaluateAll((hits) => hits.map((h) => Array.from(h.querySelectorAll('mark'), (m) => m.textContent ?? '')));
  }

  /** The hit the arrow keys are on. */
  readonly active = () => this.results.locator('[role="option"][aria-selected="true"]');
}
