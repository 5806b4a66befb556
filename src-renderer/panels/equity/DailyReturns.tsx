import { useCallback } from 'react';
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bridge } from '../../bridge/bridge';
import { formatMoney, formatSignedPercent } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import { usePolling } from '../../store/use-polling';

const DAYS = 60;
const REFRESH_MS = 5000;

/** Return of each UTC day (closing equity against the day before), the last 60 days; today is partial. */
export function DailyReturns({ bridge }: { bridge: Bridge }) {
  const days = useTerminal((s) => s.dailyReturns);
  const load = useCallback(async () => {
    const result = await bridge.dailyReturns({ days: DAYS });
    if (result.ok) useTerminal.getState().setDailyReturns(result.value);
  }, [bridge]);
  usePolling(load, REFRESH_MS);
  const data = days.map((d) => ({ ...d, percent: d.return * 100 }));
  const latest = days[days.length - 1];
  return (
    <section className="panel daily" aria-labelledby="daily-title">
      <h2 id="daily-title">Daily returns</h2>
      <figure className="bars" data-testid="daily-returns" data-days={days.length}>
        <ResponsiveContainer width="100%" height={130}>
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <XAxis dataKey="day" hide />
            <YAxis
              width={52}
              tick={{ fill: '#8b949e', fontSize: 11 }}
              tickFormatter={(v: number) => `${v.toFixed(2)}%`}
            />
            <ReferenceLine y={0} stroke="#30363d" />
            <Tooltip
              cursor={{ fill: 'rgba(88, 166, 255, 0.1)' }}
              contentStyle={{ background: '#161b22', border: '1px solid #30363d' }}
              formatter={(value) => [formatSignedPercent(Number(value) / 100), 'Return']}
            />
            <Bar dataKey="percent" isAnimationActive={false}>
              {data.map((d) => (
                <Cell
                  key={d.day}
                  fill={d.return >= 0 ? '#3fb950' : '#f85149'}
                  fillOpacity={d.partial ? 0.5 : 1}
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
        <figcaption className="muted">
          {latest
            ? `${latest.day}${latest.partial ? ' (so far)' : ''}: ${formatSignedPercent(latest.return)}, equity ${formatMoney(latest.close)}`
            : 'No closed day yet'}
        </figcaption>
      </figure>
      <table className="sr-only">
        <caption>Daily returns</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Return</th>
          </tr>
        </thead>
        <tbody>
          {days.slice(-10).map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              <td>{formatSignedPercent(d.return)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
