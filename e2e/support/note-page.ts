/**
 * Page object for the selected highlight's note: its rich-text field, the
 * formatting toolbar above it (Bold, Italic, Code, Bulleted list, Numbered
 * list, Link) with the field a link's address is typed in, and what the
 * field shows (bold text, list items, links).
 */
import type { Locator, Page } from '@playwright/test';

export type FormatButton = 'Bold' | 'Italic' | 'Code' | 'Bulleted list' | 'Numbered list' | 'Link';

export class NotePage {
  /** The note's editable text ("Note"). */
  readonly field: Locator;
  readonly toolbar: Locator;
  /** Where a link's address is typed, once Link is pressed. */
  readonly linkAddress: Locator;
  /** Why the link's address was not taken. */
  readonly linkProblem: Locator;
  /** The whole note: label, save state, toolbar, field, problem. */
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.editor = page.locator('.note-editor');
    this.field = page.getByRole('textbox', { name: 'Note', exact: true });
    this.toolbar = page.getByRole('toolbar', { name: 'Note formatting' });
    this.linkAddress = page.getByRole('textbox', { name: 'Link address' });
    this.linkProblem = this.editor.getByRole('alert');
  }

  button(name: FormatButton): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** Text shown in bold, italic or as code in the note. */
  bold(text: string): Locator {
    return this.field.locator('.rt-bold').filter({ hasText: text });
  }

  italic(text: string): Locator {
    return this.field.locator('.rt-italic').filter({ hasText: text });
  }

  code(text: string): Locator {
    return this.field.locator('.rt-inline-code').filter({ hasText: text });
  }

  /** The items of the note's bulleted (`ul`) or numbered (`ol`) lists, as shown. */
  listItems(kind: 'bulleted' | 'numbered'): Locator {
    return this.field.locator(kind === 'bulleted' ? 'ul > li' : 'ol > li');
  }

  links(): Locator {
    return this.field.locator('a');
  }

  /** Selects the word `word` in the note (its first occurrence), as a reader's drag would. */
  async selectWord(word: string): Promise<void> {
    await this.field.getByText(word, { exact: false }).first().evaluate((el, w) => {
      const text = Array.from(el.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(w)) ?? el.firstChild!;
      const at = text.textContent!.indexOf(w);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + w.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      // The editor takes in a selection on 'selectionchange', a task of its own: a key pressed sooner would act on the old one.
      return new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    }, word);
  }
}
