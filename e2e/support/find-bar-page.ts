/**
 * Page object for the find bar over the reading view: the field, the count,
 * the toggles, and what is painted in the transcript (the CSS custom
 * highlights the bar uses, read back as text and as boxes on screen).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type FindToggle = 'Match case' | 'Whole words' | 'Speaker names';

export class FindBarPage {
  readonly bar: Locator;
  readonly field: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.bar = page.getByRole('search', { name: 'Find in the transcript' });
    this.field = this.bar.getByRole('textbox', { name: 'Find in the transcript' });
    this.count = this.bar.getByRole('status');
  }

  /** Opens the bar with the platform's Ctrl/Cmd+F, from the reading view. */
  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+f');
    await expect(this.field).toBeFocused();
  }

  /** Types a query in the field, replacing what it held. */
  async search(query: string): Promise<void> {
    await this.field.fill(query);
  }

  toggle(name: FindToggle): Locator {
    return this.bar.getByRole('button', { name, exact: true });
  }

  /** The text of every painted match near the view (the current one included), in order. */
  async paintedMatches(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...(CSS.highlights.get('find-match') ?? []), ...(CSS.highlights.get('find-current') ?? [])]
        .map((r) => r as Range)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
        .map((r) => r.toString()),
    );
  }

  /** The current match's text, and whether it is wholly inside the reading view's visible box, below the bar. */
  async current(): Promise<{ text: string; onScreen: boolean } | null> {
    return this.page.evaluate(() => {
      const range = [...(CSS.highlights.get('find-current') ?? [])][0] as Range | undefined;
      if (!range) return null;
      const box = range.getBoundingClientRect();
      const view = document.querySelector('.reader')!.getBoundingClientRect();
      // Not hidden under the find bar either.
      const top = Math.max(view.top, document.querySelector('.find-bar')?.getBoundingClientRect().bottom ?? view.top);
      return { text: range.toString(), onScreen: box.height > 0 && box.top >= top && box.bottom <= view.bottom };
    });
  }

  /** How many painted matches are on screen in the reading view. */
  async paintedOnScreen(): Promise<number> {
    return this.page.evaluate(() => {
      const view = document.querySelector('.reader')!.getBoundingClientRect();
      return [...(CSS.highlights.get('find-match') ?? []), ...(CSS.highlights.get('find-current') ?? [])].filter((r) => {
        const box = (r as Range).getBoundingClientRect();
        return box.height > 0 && box.bottom > view.top && box.top < view.bottom;
      }).length;
    });
  }

  /** The speakers' names painted as matches: [name, 'match' | 'current'] for each. */
  async paintedNames(): Promise<[string, string][]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.para[data-find-label]')].map((p) => [p.dataset.speaker ?? '', p.dataset.findLabel ?? ''] as [string, string]),
    );
  }
}
