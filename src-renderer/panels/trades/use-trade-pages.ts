import { useCallback, useEffect, useRef, useState } from 'react';
import type { Execution, Side } from '../../../src-shared/domain/trading';
import type { Bridge } from '../../bridge/bridge';
import { useTerminal } from '../../store/terminal-store';

export const PAGE_SIZE = 100;
/** Pages kept in memory; the farthest from the view are dropped first. */
const MAX_PAGES = 24;
/** New fills refresh a log that shows the newest rows at most this often. */
const FOLLOW_REFRESH_MS = 300;

export interface TradeFilter {
  instrument?: string | undefined;
  strategy?: string | undefined;
  side?: Side | undefined;
}

export interface TradePages {
  total: number;
  /** The row at an index (0 = newest), or undefined while its page loads. */
  row(index: number): Execution | undefined;
  /** Asks for the pages covering rows first..last (inclusive). */
  want(first: number, last: number): void;
  /** Fills that arrived since the list was fixed (shown when not following). */
  newSinceAnchor: number;
  /** Re-reads from the newest fill. */
  refresh(): void;
  error: string | null;
}

/**
 * The trade log's rows, read page by page as the view needs them. The list is fixed to the newest fill id
 * when it was (re)read, so scrolling never shifts rows; while `following` (the view at the top), new fills
 * re-read it from the newest.
 */
export function useTradePages(bridge: Bridge, filter: TradeFilter, following: boolean): TradePages {
  const pages = useRef(new Map<number, Execution[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const anchor = useRef<number | undefined>(undefined);
  const lastWanted = useRef({ first: 0, last: PAGE_SIZE });
  const [total, setTotal] = useState(0);
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [tradeTotalAtAnchor, setTradeTotalAtAnchor] = useState(0);
  const tradeTotal = useTerminal((s) => s.tradeTotal);
  const connected = useTerminal((s) => s.connection === 'open');

  const wantRef = useRef<(first: number, last: number) => void>(() => undefined);
  /** Reads a page; the first page after a refresh fixes the newest id and replaces the rows shown. */
  const fetchPage = useCallback(
    (page: number) => {
      pending.current.add(page);
      const asked = generation.current;
      const fixing = anchor.current === undefined;
      // Fills counted by now are in the list read now (they were committed before they were pushed).
      const tradeTotalAtAsk = useTerminal.getState().tradeTotal;
      void bridge
        .tradeLog({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, maxId: anchor.current, ...filter })
        .then((result) => {
          if (asked !== generation.current) return;
          pending.current.delete(page);
          if (!result.ok) return setError(result.error);
          setError(null);
          if (fixing) {
            anchor.current = result.value.maxId;
            pages.current = new Map();
            setTradeTotalAtAnchor(tradeTotalAtAsk);
          }
          pages.current.set(page, result.value.items);
          evict(pages.current, page);
          setTotal(result.value.total);
          setVersion((v) => v + 1);
          if (fixing) wantRef.current(lastWanted.current.first, lastWanted.current.last);
        });
    },
    // The filter's fields, not its identity, decide what is read.
    [bridge, filter.instrument, filter.strategy, filter.side],
  );

  const want = useCallback(
    (first: number, last: number) => {
      lastWanted.current = { first, last };
      // Until the first page fixes the newest id, other pages would be read against a moving list.
      if (anchor.current === undefined) return;
      const from = Math.max(0, Math.floor(first / PAGE_SIZE));
      const to = Math.max(from, Math.floor(Math.max(first, last) / PAGE_SIZE));
      for (let page = from; page <= to; page++)
        if (!pages.current.has(page) && !pending.current.has(page)) fetchPage(page);
    },
    [fetchPage],
  );
  wantRef.current = want;

  /** Reads the list again from the newest fill; the rows shown stay until the new first page is in. */
  const refresh = useCallback(() => {
    generation.current += 1;
    anchor.current = undefined;
    pending.current = new Set();
    fetchPage(0);
  }, [fetchPage]);

  // A new filter, or a (re)connection: read from the newest fill.
  useEffect(() => {
    if (connected) refresh();
  }, [refresh, connected]);

  // New fills while following: read the newest page again (at most every FOLLOW_REFRESH_MS).
  const lastRefresh = useRef(0);
  useEffect(() => {
    if (!following || tradeTotal === tradeTotalAtAnchor) return;
    const wait = Math.max(0, lastRefresh.current + FOLLOW_REFRESH_MS - Date.now());
    const timer = setTimeout(() => {
      lastRefresh.current = Date.now();
      refresh();
    }, wait);
    return () => clearTimeout(timer);
  }, [following, tradeTotal, tradeTotalAtAnchor, refresh]);

  return {
    total,
    row: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    want,
    newSinceAnchor: Math.max(0, tradeTotal - tradeTotalAtAnchor),
    refresh,
    error,
  };
}

/** Keeps the MAX_PAGES pages nearest to the one just read. */
function evict(pages: Map<number, Execution[]>, around: number): void {
  if (pages.size <= MAX_PAGES) return;
  const farthest = [...pages.keys()].sort((a, b) => Math.abs(b - around) - Math.abs(a - around));
  for (const page of farthest.slice(0, pages.size - MAX_PAGES)) pages.delete(page);
}
