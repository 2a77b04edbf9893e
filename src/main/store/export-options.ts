/**
 * The Markdown export options as kept in settings.json (`export.markdown`), so
 * that the next export starts from the last one's choices. Checked when read:
 * a value this Gloss does not understand falls back to the defaults.
 */
import { z } from 'zod';
import { MARKDOWN_GROUPINGS, type MarkdownOptions } from '../../shared/model';

export const markdownOptionsKind = z.strictObject({
  groupBy: z.enum(MARKDOWN_GROUPINGS),
  notes: z.boolean(),
  codes: z.boolean(),
  colorNames: z.boolean(),
  times: z.boolean(),
  notebook: z.boolean(),
  orphans: z.boolean(),
  links: z.boolean(),
}) satisfies z.ZodType<MarkdownOptions>;

export const MARKDOWN_OPTION_KEYS = Object.keys(markdownOptionsKind.shape) as (keyof MarkdownOptions)[];
