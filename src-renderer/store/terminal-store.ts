import { create } from 'zustand';
import {
  createConnectionSlice,
  createPortfolioSlice,
  createRiskSlice,
  createTradesSlice,
  type TerminalState,
} from './slices';

/** The renderer's one store, combined from its slices. */
export const useTerminal = create<TerminalState>()((...a) => ({
  ...createPortfolioSlice(...a),
  ...createTradesSlice(...a),
  ...createRiskSlice(...a),
  ...createConnectionSlice(...a),
}));
