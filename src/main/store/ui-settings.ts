/**
 * Reading comfort, layout and reading positions as kept in settings.json:
 * `ui` (theme, font, sizes, the side panel) and `reading` (where the reader
 * was in each document, with the text's hash, so a position is not applied
 * to a text that changed since). Checked when read: a value this Gloss does
 * not understand falls back to its default, one key at a time.
 */
import { z } from 'zod';
import { DEFAULT_UI_SETTINGS, READING_FONTS, THEMES, UI_SETTINGS_LIMITS, type ReadingPosition, type UiSettings } from '../../shared/model';

const between = ({ min, max }: { min: number; max: number }) => z.number().min(min).max(max);

/** Each setting's schema; a change is checked against these before it is saved. */
export const uiSettingsShape = {
  theme: z.enum(THEMES),
  font: z.enum(READING_FONTS),
  textSize: between(UI_SETTINGS_LIMITS.textSize),
  lineHeight: between(UI_SETTINGS_LIMITS.lineHeight),
  columnWidth: between(UI_SETTINGS_LIMITS.columnWidth),
  sidePanelWidth: between(UI_SETTINGS_LIMITS.sidePanelWidth),
  sidePanelCollapsed: z.boolean(),
} as const;

export const uiSettingsChange = z.strictObject(uiSettingsShape).partial() satisfies z.ZodType<Partial<UiSettings>>;

/** The settings as kept, each key that does not check out replaced by its default. */
export function readUiSettings(kept: unknown): UiSettings {
  const out: UiSettings = { ...DEFAULT_UI_SETTINGS };
  if (!kept || typeof kept !== 'object') return out;
  for (const key of Object.keys(uiSettingsShape) as (keyof UiSettings)[]) {
    const parsed = uiSettingsShape[key].safeParse((kept as Record<string, unknown>)[key]);
    if (parsed.success) (out as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/** Most documents whose reading position is kept; the least recently read go first. */
export const MAX_READING_POSITIONS = 2000;

export const readingPosition = z.strictObject({
  offset: z.number().int().nonnegative(),
  top: z.number().finite().min(-1e7).max(1e7),
}) satisfies z.ZodType<ReadingPosition>;

const keptPosition = z.looseObject({ offset: z.number().int().nonnegative(), top: z.number().finite(), hash: z.string(), at: z.string() });
export type KeptPosition = z.infer<typeof keptPosition>;

/** The position kept for a document, if it was kept for this text (hash). */
export function readReadingPosition(kept: unknown, documentId: string, hash: string): ReadingPosition | null {
  if (!kept || typeof kept !== 'object' || !Object.hasOwn(kept, documentId)) return null;
  const parsed = keptPosition.safeParse((kept as Record<string, unknown>)[documentId]);
  return parsed.success && parsed.data.hash === hash ? { offset: parsed.data.offset, top: parsed.data.top } : null;
}

/** The kept positions with this one set, trimmed to the most recent MAX_READING_POSITIONS. */
export function withReadingPosition(kept: unknown, documentId: string, position: KeptPosition): Record<string, KeptPosition> {
  const entries: [string, KeptPosition][] = [];
  if (kept && typeof kept === 'object') {
    for (const [id, value] of Object.entries(kept)) {
      const parsed = keptPosition.safeParse(value);
      if (parsed.success && id !== documentId) entries.push([id, parsed.data]);
    }
  }
  entries.push([documentId, position]);
  entries.sort((a, b) => (a[1].at < b[1].at ? 1 : a[1].at > b[1].at ? -1 : 0));
  return Object.fromEntries(entries.slice(0, MAX_READING_POSITIONS));
}
