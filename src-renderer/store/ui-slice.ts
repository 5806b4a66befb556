import type { StateCreator } from 'zustand';
import type { TerminalState } from './slices';

export const TABS = ['overview', 'strategies', 'risk', 'backtest', 'settings', 'data'] as const;
export type TabId = (typeof TABS)[number];

export type BreakerDialog = 'halt' | 'resume' | 'force' | 'rearm';

export type NotificationState = 'default' | 'granted' | 'denied' | 'unsupported';

/** What the trader has open: the view, a breaker dialog, the decision drawer; desktop notification permission. */
export interface UiSlice {
  tab: TabId;
  breakerDialog: BreakerDialog | null;
  /** A reason to start the dialog with (the keyboard halt fills one in). */
  breakerDialogReason: string;
  decisionFillId: number | null;
  notifications: NotificationState;
  setTab(tab: TabId): void;
  openBreakerDialog(dialog: BreakerDialog, reason?: string): void;
  closeBreakerDialog(): void;
  openDecision(fillId: number): void;
  closeDecision(): void;
  setNotifications(state: NotificationState): void;
}

type Slice<T> = StateCreator<TerminalState, [], [], T>;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  tab: 'overview',
  breakerDialog: null,
  breakerDialogReason: '',
  decisionFillId: null,
  notifications: 'default',
  setTab: (tab) => set({ tab }),
  openBreakerDialog: (breakerDialog, reason = '') => set({ breakerDialog, breakerDialogReason: reason }),
  closeBreakerDialog: () => set({ breakerDialog: null, breakerDialogReason: '' }),
  openDecision: (decisionFillId) => set({ decisionFillId }),
  closeDecision: () => set({ decisionFillId: null }),
  setNotifications: (notifications) => set({ notifications }),
});
