/**
 * What travels over the command socket: one request per connection, one reply,
 * each a line of JSON. The app validates every request as it does an IPC
 * payload (schemas.ts), before anything runs.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { MAX_QUOTE_LENGTH, requestSchemas } from '../ipc/schemas';
import type { ErrorCode } from '../../shared/contract';
import type { WriteCommandName, WriteRequest } from './write-commands';

export const PROTOCOL_VERSION = 1;
/** Largest request accepted, in bytes (a note is at most 100,000 characters). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export type CommandRequest = {
  [N in WriteCommandName]: { version: typeof PROTOCOL_VERSION; token: string; name: N; request: WriteRequest<N> };
}[WriteCommandName];

export type CommandReply = { ok: true; value: unknown } | { ok: false; error: { code: ErrorCode; message: string } };

const create = requestSchemas['annotations:create'].shape;

export const commandRequestSchema = z.discriminatedUnion('name', [
  z.strictObject({
    version: z.literal(PROTOCOL_VERSION),
    token: z.string().max(200),
    name: z.literal('highlight'),
    request: z.strictObject({
      documentId: z.string().min(1).max(200),
      quote: z.string().min(1).max(MAX_QUOTE_LENGTH),
      occurrence: z.number().int().positive().optional(),
      color: create.color,
      codes: create.codes.unwrap(),
      note: create.note,
    }),
  }),
  z.strictObject({ version: z.literal(PROTOCOL_VERSION), token: z.string().max(200), name: z.literal('codes'), request: requestSchemas['codes:apply'] }),
  z.strictObject({
    version: z.literal(PROTOCOL_VERSION),
    token: z.string().max(200),
    name: z.literal('replace-text'),
    request: z.strictObject({ documentId: z.string().min(1).max(200), path: z.string().min(1).max(4096).refine(isAbsolute, 'must be an absolute path') }),
  }),
  z.strictObject({ version: z.literal(PROTOCOL_VERSION), token: z.string().max(200), name: z.literal('revert-text'), request: z.strictObject({ documentId: z.string().min(1).max(200), undoToken: z.string().min(1).max(200) }) }),
  z.strictObject({
    version: z.literal(PROTOCOL_VERSION),
    token: z.string().max(200),
    name: z.literal('import'),
    request: z.strictObject({ path: z.string().min(1).max(4096).refine(isAbsolute, 'must be an absolute path'), documentId: z.string().min(1).max(200).nullable().optional() }),
  }),
  z.strictObject({
    version: z.literal(PROTOCOL_VERSION),
    token: z.string().max(200),
    name: z.literal('restore'),
    request: z.strictObject({ path: z.string().min(1).max(4096).refine(isAbsolute, 'must be an absolute path') }),
  }),
]) satisfies z.ZodType<CommandRequest, unknown>;
