import type { SeriesMarker, Time, UTCTimestamp } from 'lightweight-charts';
import type { BreakerEvent } from '../../../src-shared/domain/risk';

const RED = '#f85149';
const GREEN = '#3fb950';
const AMBER = '#d29922';
const BLUE = '#58a6ff';

/** The chart's marker for one breaker event: trips and recoveries (automatic), and the trader's actions. */
function markerOf(event: BreakerEvent): SeriesMarker<Time> {
  const time = Math.floor(event.time / 1000) as UTCTimestamp;
  const level = event.after.level;
  switch (event.kind) {
    case 'trip':
      return { time, position: 'aboveBar', shape: 'arrowDown', color: RED, text: `L${level}` };
    case 'recover':
      return { time, position: 'belowBar', shape: 'arrowUp', color: GREEN, text: `L${level}` };
    case 'halt':
      return { time, position: 'aboveBar', shape: 'square', color: RED, text: 'Halt' };
    case 'resume':
      return { time, position: 'belowBar', shape: 'circle', color: GREEN, text: 'Resume' };
    case 'force':
      return { time, position: 'aboveBar', shape: 'square', color: AMBER, text: `Force L${level}` };
    case 'rearm':
      return { time, position: 'belowBar', shape: 'circle', color: BLUE, text: 'Re-arm' };
  }
}

/** Markers for the breaker events, oldest first (the chart needs them in time order). */
export function breakerMarkers(events: readonly BreakerEvent[]): SeriesMarker<Time>[] {
  return events.map(markerOf).sort((a, b) => (a.time as number) - (b.time as number));
}
