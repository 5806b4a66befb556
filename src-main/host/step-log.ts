import type { Logger } from '../log';
import type { StepResult } from '../engine/loop';

/** What the log keeps of one committed step: a rejected slice, skipped bars, fills and breaker events. */
export function logStep(logger: Logger, step: StepResult): void {
  if (step.rejected) logger.warn({ time: step.time, reason: step.rejected }, 'market slice rejected');
  for (const issue of step.dataIssues) {
    if (issue.severity === 'error') {
      logger.warn(
        { rule: issue.rule, instrument: issue.instrument, time: issue.timestamp },
        `bar skipped: ${issue.message}`,
      );
    }
  }
  for (const execution of step.trades) {
    logger.info(
      {
        fill: execution.id,
        order: execution.orderId,
        instrument: execution.instrument,
        side: execution.side,
        qty: execution.qty,
        price: execution.price,
      },
      'fill',
    );
  }
  for (const event of step.breakerEvents) {
    logger.warn(
      { event: { kind: event.kind, level: event.after.level, reason: event.reason } },
      'circuit breaker',
    );
  }
}
