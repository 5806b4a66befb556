import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf } from '../src-shared/ipc/channels';
import type { PreloadApi } from '../src-shared/ipc/bridge-api';

// One named function per contract entry; no generic invoke reaches the page. The main process parses every
// input and checks the sending frame; the renderer parses every result and event.

const listen = (name: string) => (listener: (payload: unknown) => void) => {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channelOf(name), wrapped);
  return () => {
    ipcRenderer.removeListener(channelOf(name), wrapped);
  };
};

const api = {
  snapshot: (input: unknown) => ipcRenderer.invoke(channelOf('snapshot'), input),
  trades: (input: unknown) => ipcRenderer.invoke(channelOf('trades'), input),
  equityHistory: (input: unknown) => ipcRenderer.invoke(channelOf('equityHistory'), input),
  breakerEvents: (input: unknown) => ipcRenderer.invoke(channelOf('breakerEvents'), input),
  halt: (input: unknown) => ipcRenderer.invoke(channelOf('halt'), input),
  resume: (input: unknown) => ipcRenderer.invoke(channelOf('resume'), input),
  forceLevel: (input: unknown) => ipcRenderer.invoke(channelOf('forceLevel'), input),
  rearm: (input: unknown) => ipcRenderer.invoke(channelOf('rearm'), input),
  strategyTable: (input: unknown) => ipcRenderer.invoke(channelOf('strategyTable'), input),
  riskView: (input: unknown) => ipcRenderer.invoke(channelOf('riskView'), input),
  tradeLog: (input: unknown) => ipcRenderer.invoke(channelOf('tradeLog'), input),
  tradeLogOptions: (input: unknown) => ipcRenderer.invoke(channelOf('tradeLogOptions'), input),
  decisionRecord: (input: unknown) => ipcRenderer.invoke(channelOf('decisionRecord'), input),
  riskMetrics: (input: unknown) => ipcRenderer.invoke(channelOf('riskMetrics'), input),
  dailyReturns: (input: unknown) => ipcRenderer.invoke(channelOf('dailyReturns'), input),
  strategyPnl: (input: unknown) => ipcRenderer.invoke(channelOf('strategyPnl'), input),
  settings: (input: unknown) => ipcRenderer.invoke(channelOf('settings'), input),
  saveSettings: (input: unknown) => ipcRenderer.invoke(channelOf('saveSettings'), input),
  exportData: (input: unknown) => ipcRenderer.invoke(channelOf('exportData'), input),
  startBacktest: (input: unknown) => ipcRenderer.invoke(channelOf('startBacktest'), input),
  cancelBacktest: (input: unknown) => ipcRenderer.invoke(channelOf('cancelBacktest'), input),
  backtestRuns: (input: unknown) => ipcRenderer.invoke(channelOf('backtestRuns'), input),
  backtestRun: (input: unknown) => ipcRenderer.invoke(channelOf('backtestRun'), input),
  chooseDataFiles: (input: unknown) => ipcRenderer.invoke(channelOf('chooseDataFiles'), input),
  onEquity: listen('equity'),
  onFill: listen('fill'),
  onBreaker: listen('breaker'),
  onStatus: listen('status'),
  onBacktestProgress: listen('backtestProgress'),
} satisfies PreloadApi;

contextBridge.exposeInMainWorld('botv2', api);
