/** Invented articles for the ingest and cluster tests: a few events, each told by several outlets. */

export interface TestRecord {
  id?: string;
  outlet: string;
  title: string;
  publishedAt?: string;
  text: string;
}

const EVENTS = [
  { place: 'Marrowby', who: 'Harbour Master Elin Sorvik', what: 'ferry Kestrel Dawn collided with the cargo ship Osprey Trader in thick fog', extra: 'The radar at the harbour tower was switched off for maintenance.' },
  { place: 'Dunmere', who: 'Councillor Ravi Oduya', what: 'council voted to close the Old Mill Bridge for eighteen months of repairs', extra: 'Engineers found cracks in two of the stone arches last winter.' },
  { place: 'Tollcross', who: 'Professor Amaya Lindqvist', what: 'university laboratory fire destroyed a decade of seed bank samples', extra: 'Firefighters from three stations fought the blaze for six hours.' },
  { place: 'Brackenfield', who: 'Chief Constable Tomas Varga', what: 'police arrested four men over the theft of rare books from the county library', extra: 'The stolen atlases were found in a storage unit near the motorway.' },
];

/** `n` articles of event `e` (by different outlets, a day apart at most). */
export function eventArticles(e: number, n: number, day = 10): TestRecord[] {
  const ev = EVENTS[e % EVENTS.length];
  if (!ev) return [];
  const out: TestRecord[] = [];
  for (let k = 0; k < n; k++) {
    out.push({
      outlet: `outlet-${k}`,
      title: `${ev.place}: ${ev.what.split(' ').slice(0, 6).join(' ')} (${k})`,
      publishedAt: `2025-04-${String(day + (k % 2)).padStart(2, '0')}`,
      text: `In ${ev.place}, the ${ev.what}, officials said on ${k % 2 ? 'Tuesday' : 'Monday'}. ${ev.who} said the ${ev.what.split(' ').slice(-4).join(' ')} had shaken the town. ${ev.extra} Residents of ${ev.place} gathered to hear ${ev.who} speak. Report number ${k} from ${ev.place}, filed ${day}.`,
    });
  }
  return out;
}

export function jsonl(records: readonly object[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
