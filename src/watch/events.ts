/**
 * The watch's event stream: one JSON object a line (`watch --events FILE`, or standard output),
 * written as things happen, so another program can follow the news without polling the store.
 */
import type { FlagEvidence, VersionFlagKind } from '../store/versions.js';

export type WatchEvent =
  /** A page seen for the first time, stored as an article. */
  | { type: 'article'; at: string; url: string; articleId: string; storyId: string | null; title: string | null }
  /** A new version of a known page. */
  | { type: 'version'; at: string; url: string; n: number; articleId: string; storyId: string | null; changes: number; flags: VersionFlagKind[] }
  /** A correction or stealth edit, with its evidence. */
  | { type: VersionFlagKind; at: string; url: string; n: number; articleId: string; reason: string; evidence: FlagEvidence[] }
  /** A story that did not exist before this round. */
  | { type: 'story'; at: string; storyId: string; title: string; articles: number }
  /** A disputed fact that one of this round's articles is part of. */
  | { type: 'dispute'; at: string; storyId: string; factId: string; summary: string; articleIds: string[] }
  /** A coded problem (fetch failed, robots.txt, backoff, malformed feed); the round went on. */
  | { type: 'problem'; at: string; code: string; severity: string; url: string | null; reason: string }
  /** The end of a round, with its counts. */
  | { type: 'round'; at: string; due: number; fetched: number; notModified: number; new: number; updated: number; errors: number; skipped: number };

export function eventLine(e: WatchEvent): string {
  return JSON.stringify(e) + '\n';
}
