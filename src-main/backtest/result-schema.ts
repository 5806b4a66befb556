// The backtest result's schema lives in src-shared (the renderer shows runs); re-exported here for the engine side.
export * from '../../src-shared/domain/backtest-result';
