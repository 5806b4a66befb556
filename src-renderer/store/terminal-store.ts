import { create } from 'zustand';
import { createRiskAnalyticsSlice, createStrategiesSlice } from './analytics-slices';
import {
  createConnectionSlice,
  createPortfolioSlice,
  createRiskSlice,
  createTradesSlice,
  type TerminalState,
} from './slices';
import { createUiSlice } from './ui-slice';

/** The renderer's one store, combined from its slices. */
export const useTerminal = create<TerminalState>()((...a) => ({
  ...createPortfolioSlice(...a),
  ...createTradesSlice(...a),
  ...createRiskSlice(...a),
  ...createConnectionSlice(...a),
  ...createStrategiesSlice(...a),
  ...createRiskAnalyticsSlice(...a),
  ...createUiSlice(...a),
}));
