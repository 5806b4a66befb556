import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Execution } from '../../../src-shared/domain/trading';
import type { Bridge } from '../../bridge/bridge';
import { formatMoney, formatPrice, formatQty, formatSignedMoney, formatTime, tone } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import { TradeFilters } from './TradeFilters';
import { useTradePages, type TradeFilter } from './use-trade-pages';

/** Every row has this height, so the view can place any row without measuring. */
export const ROW_HEIGHT = 24;
/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 8;

const COLUMNS = [
  'Time',
  'Instrument',
  'Side',
  'Qty',
  'Price',
  'Effect',
  'Realised',
  'Commission',
  'Strategy',
];

function Cells({ trade }: { trade: Execution }) {
  return (
    <>
      <span role="gridcell">{formatTime(trade.time)}</span>
      <span role="gridcell">{trade.instrument}</span>
      <span role="gridcell" className={trade.side === 'buy' ? 'gain' : 'loss'}>
        {trade.side}
      </span>
      <span role="gridcell">{formatQty(trade.qty)}</span>
      <span role="gridcell">{formatPrice(trade.price)}</span>
      <span role="gridcell">{trade.effect}</span>
      <span role="gridcell" className={tone(trade.realizedPnl)}>
        {formatSignedMoney(trade.realizedPnl)}
      </span>
      <span role="gridcell">{formatMoney(trade.commission)}</span>
      <span role="gridcell">{trade.strategy}</span>
    </>
  );
}

/**
 * Every trade, newest first, in a windowed list: only the rows in view (and a few beyond) are in the page,
 * read a page at a time from the host, so 100 000 trades scroll as smoothly as 100. At the top the list
 * follows new trades; scrolled down it holds still and offers the new ones. Enter or a click opens a
 * trade's decision record.
 */
export function TradeLog({ bridge }: { bridge: Bridge }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState<TradeFilter>({});
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const following = scrollTop < ROW_HEIGHT;
  const pages = useTradePages(bridge, filter, following);
  const openDecision = useTerminal((s) => s.openDecision);
  const titleId = useId();

  useLayoutEffect(() => {
    const element = scroller.current!;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(pages.total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const { want } = pages;
  useEffect(() => want(first, Math.max(first, last)), [want, first, last]);

  const frame = useRef<number | null>(null);
  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setScrollTop(scroller.current?.scrollTop ?? 0);
    });
  };
  useEffect(() => () => void (frame.current !== null && cancelAnimationFrame(frame.current)), []);

  const toTop = () => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
    pages.refresh();
  };

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, trade: Execution | undefined) => {
    const move = (to: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(pages.total - 1, to));
      const element = scroller.current!;
      const top = target * ROW_HEIGHT;
      if (top < element.scrollTop + ROW_HEIGHT) element.scrollTop = Math.max(0, top - ROW_HEIGHT);
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
        element.scrollTop = top + 2 * ROW_HEIGHT - element.clientHeight;
      requestAnimationFrame(() =>
        element.querySelector<HTMLElement>(`[aria-rowindex="${target + 2}"]`)?.focus(),
      );
    };
    if ((event.key === 'Enter' || event.key === ' ') && trade) {
      event.preventDefault();
      openDecision(trade.id);
    } else if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'PageDown') move(index + Math.floor(height / ROW_HEIGHT));
    else if (event.key === 'PageUp') move(index - Math.floor(height / ROW_HEIGHT));
  };

  const rows = [];
  for (let index = first; index <= last; index++) {
    const trade = pages.row(index);
    rows.push(
      <div
        key={trade ? trade.id : `pending-${index}`}
        role="row"
        aria-rowindex={index + 2}
        className="vrow"
        style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
        tabIndex={trade ? 0 : -1}
        aria-busy={trade ? undefined : true}
        data-trade-id={trade?.id}
        data-effect={trade?.effect}
        title={trade?.reason}
        onClick={() => trade && openDecision(trade.id)}
        onKeyDown={(e) => onRowKey(e, index, trade)}
      >
        {trade ? (
          <Cells trade={trade} />
        ) : (
          <span role="gridcell" className="muted">
            …
          </span>
        )}
      </div>,
    );
  }

  return (
    <section className="panel trades" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>
          Trades{' '}
          <span className="muted" data-testid="trade-total">
            {pages.total.toLocaleString('en-US')}
          </span>
        </h2>
        <TradeFilters
          bridge={bridge}
          filter={filter}
          onChange={(next) => {
            // A new filter is a new list: start at its newest trade.
            scroller.current?.scrollTo({ top: 0 });
            setScrollTop(0);
            setFilter(next);
          }}
        />
      </div>
      {!following && pages.newSinceAnchor > 0 && (
        <button type="button" className="link new-trades" onClick={toTop}>
          {pages.newSinceAnchor} new trades: show the newest
        </button>
      )}
      {pages.error && (
        <p className="fault" role="alert">
          {pages.error}
        </p>
      )}
      <div
        ref={scroller}
        className="vlist"
        role="grid"
        aria-labelledby={titleId}
        aria-rowcount={pages.total + 1}
        aria-colcount={COLUMNS.length}
        data-testid="trade-log"
        data-following={following}
        onScroll={onScroll}
      >
        <div role="rowgroup" className="vhead">
          <div role="row" aria-rowindex={1} className="vrow header">
            {COLUMNS.map((c) => (
              <span role="columnheader" key={c}>
                {c}
              </span>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="vbody" style={{ height: pages.total * ROW_HEIGHT }}>
          {pages.total === 0 && (
            <div role="row" className="vrow empty">
              <span role="gridcell" className="muted">
                No trades
              </span>
            </div>
          )}
          {rows}
        </div>
      </div>
    </section>
  );
}
