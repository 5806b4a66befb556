import type { RiskView } from '../../../src-shared/domain/analytics';
import { formatRatio } from '../../format';

/** Blue for negative, red for positive correlation; stronger colour for a stronger correlation. */
function colourOf(value: number): string {
  const strength = Math.min(1, Math.abs(value));
  return value >= 0
    ? `rgba(248, 81, 73, ${0.1 + 0.8 * strength})`
    : `rgba(88, 166, 255, ${0.1 + 0.8 * strength})`;
}

/** The strategies' signal-return correlation matrix as a table of coloured cells, with its summary. */
export function CorrelationHeatmap({ correlation }: { correlation: RiskView['correlation'] }) {
  const ids = correlation.strategyIds;
  const n = ids.length;
  return (
    <section className="panel" aria-labelledby="correlation-title">
      <h2 id="correlation-title">Strategy correlation</h2>
      <p className="muted">
        Portfolio correlation {formatRatio(correlation.portfolioCorrelation, 3)} (threshold{' '}
        {formatRatio(correlation.threshold, 2)}); confidence penalty × {formatRatio(correlation.penalty, 3)}
      </p>
      <div className="scroll">
        <table className="heatmap" data-testid="correlation-heatmap">
          <caption className="sr-only">Correlation of each pair of strategies, −1 to 1</caption>
          <thead>
            <tr>
              <td />
              {ids.map((id) => (
                <th key={id} scope="col" className="vertical">
                  <span>{id}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((row, i) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {ids.map((column, j) => {
                  const value = correlation.matrix[i * n + j] ?? 0;
                  return (
                    <td
                      key={column}
                      className="cell"
                      style={{ background: colourOf(value) }}
                      title={`${row} × ${column}: ${formatRatio(value, 2)}`}
                      data-value={value}
                    >
                      {formatRatio(value, 2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
