/**
 * A store failure the user can act on (locked file, newer schema, not a crosscheck database).
 * Store methods reject with a StoreError carrying a catalogue Message; any other error is a bug.
 */
import { message, type Message, type MessageCode } from '../model/index.js';

export type StoreErrorCode = Extract<MessageCode, `CC6${string}`>;

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly problem: Message;

  constructor(code: StoreErrorCode, reason: string, options: { uri?: string; cause?: unknown } = {}) {
    const problem = message(code, reason, options.uri === undefined ? {} : { uri: options.uri });
    super(`${code} ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.problem = problem;
  }
}

export function isStoreError(e: unknown): e is StoreError {
  return e instanceof StoreError;
}
