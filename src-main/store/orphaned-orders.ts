import type { Db } from './database';

/**
 * Orders still 'working' in the store when an engine is built from it (at start, after a crash or a clean
 * stop, or after a rollback) belong to an engine that is gone: the new one does not know them and will never
 * work them. They become 'cancelled', their filled quantity unchanged. Returns how many.
 */
export function cancelOrphanedOrders(db: Db): number {
  return db.prepare("UPDATE orders SET status = 'cancelled' WHERE status = 'working'").run().changes;
}
