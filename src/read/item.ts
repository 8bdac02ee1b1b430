/** What every reader yields: a source record, or a problem with one input (the batch goes on). */
import { message, type Message, type MessageCode, type MessageOptions, type SourceRecord } from '../model/index.js';

export type ReadItem = { kind: 'source'; source: SourceRecord } | { kind: 'problem'; message: Message };

export function sourceItem(source: SourceRecord): ReadItem {
  return { kind: 'source', source };
}

export function problem(code: MessageCode, reason: string, uri: string, options: Omit<MessageOptions, 'uri'> = {}): ReadItem {
  return { kind: 'problem', message: message(code, reason, { ...options, uri }) };
}
