import type { Settings } from '../../src-shared/settings/schema';
import { createEngine } from '../engine/create-engine';
import type { Engine } from '../engine/loop';
import type { MarketFeed } from '../engine/ports';
import type { Db } from '../store/database';
import type { ReadModels } from '../store/read-models';
import { SqliteJournal } from '../store/sqlite-journal';
import type { CommittedSlices } from './committed-slices';
import { restoreWithSettings, type RestoredState } from './restore';

/** What building the host's engine from the database needs. */
export interface EngineSource {
  db: Db;
  sessionId: number;
  read: ReadModels;
  settings: Settings;
  /** The market seed in use (the command line's, else the settings'). */
  seed: number;
  feed: MarketFeed;
  committed: CommittedSlices;
}

/**
 * The engine as the database says it is (the latest checkpoint, the fills and the committed slices after
 * it), journalling to the session, warmed up on the committed market history (see Engine.warmUp and
 * WARM_UP_STEPS). Breaker changes the restore found that the journal lacks are journalled first.
 */
export function buildHostEngine(
  source: EngineSource,
  restored: RestoredState | null = restoreWithSettings(source.read, source.settings, source.committed.slices),
): Engine {
  const { settings, feed, read } = source;
  let engine: Engine | null = null;
  const journal = new SqliteJournal(source.db, source.sessionId, () => engine?.breakerMemory() ?? null);
  engine = createEngine({
    settings,
    instruments: feed.instruments,
    journal,
    seed: source.seed,
    restored: restored ?? undefined,
    firstOrderId: read.maxOrderId() + 1,
    resolveInstrument: (id) => feed.instruments.find((spec) => spec.id === id),
    aroundTheClock: feed.aroundTheClock ?? false,
  });
  for (const event of restored?.unjournalledBreakerEvents ?? []) journal.recordBreakerEvent(event);
  engine.warmUp(source.committed.slices);
  return engine;
}
