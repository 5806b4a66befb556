import type { BrowserWindowConstructorOptions } from 'electron';
import { pathToFileURL } from 'node:url';

/** The BrowserWindow options of the terminal: the renderer gets no Node, no remote content, one preload. */
export function hardenedWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: '#0d1117',
    title: 'BotV2 terminal',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle-click (auxclick) is a second way to ask for a new window; the terminal has no use for it.
      disableBlinkFeatures: 'Auxclick',
      // A page that loops alert() cannot lock the window.
      safeDialogs: true,
    },
  };
}

/** The page the window loads; only its main frame may call the engine. */
export const rendererUrl = (indexHtmlPath: string): string => pathToFileURL(indexHtmlPath).href;

/**
 * Whether an IPC message comes from the terminal's own page: the main frame of our window, at our
 * index.html. Checked before the payload is even parsed.
 */
export function isTrustedSender(
  frame: { url: string; isMainFrame: boolean } | null | undefined,
  expectedUrl: string,
): boolean {
  if (!frame || !frame.isMainFrame) return false;
  const withoutHash = frame.url.split('#')[0]!.split('?')[0];
  return withoutHash === expectedUrl;
}
