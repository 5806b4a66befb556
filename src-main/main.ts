import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { loadSettings, SettingsError } from './config/load-settings';
import { resolveSecrets, SecretStore } from './config/secret-store';
import { secretValues } from './config/secrets';
import { channelOf } from '../src-shared/ipc/channels';
import type { ExportFormat } from '../src-shared/ipc/dashboard-schemas';
import { bindContract, createIpcCallHandler, refuseUnexpectedIpc } from './host/electron-ipc';
import { EngineHost } from './host/engine-host';
import { USER_SETTINGS_FILE } from './host/paths';
import { createDispatch } from './host/request-handlers';
import { defaultSettingsFile } from './host/resources';
import { hardenedWindowOptions, rendererUrl } from './host/window-security';
import { createLogger } from './log';
import { DatabaseRefusedError } from './store/database';

// Electron entry only: lifecycle, the hardened window, and binding the EngineHost to ipcMain.

const indexHtml = join(__dirname, '..', 'renderer', 'index.html');
const expectedUrl = rendererUrl(indexHtml);
let host: EngineHost | null = null;

app.enableSandbox();

// No page may navigate, open windows, attach webviews or get permissions.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Hardening: no URL from a page reaches shell.openExternal (the terminal links nowhere outside).
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

/** Opens the host; an unusable database is moved aside only if the trader agrees in a dialog. */
function openHost(options: ConstructorParameters<typeof EngineHost>[0]): EngineHost | null {
  try {
    return new EngineHost(options);
  } catch (error) {
    if (!(error instanceof DatabaseRefusedError) || !error.message.includes('--fresh-db')) throw error;
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: 'BotV2: the database cannot be used',
      message: 'The database file is damaged or is not a BotV2 database.',
      detail: `${error.message.split('. Nothing was changed.')[0]}.\n\nBotV2 can move the file aside (it is kept, not deleted) and start a new, empty database.`,
      buttons: ['Quit', 'Move it aside and start a new database'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice !== 1) return null;
    return new EngineHost({ ...options, allowFreshDatabase: true });
  }
}

/** "Export database…" / "Export CSV…": the trader picks where; null when the dialog is cancelled. */
async function chooseExportPath(window: BrowserWindow, format: ExportFormat): Promise<string | null> {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'database') {
    const { canceled, filePath } = await dialog.showSaveDialog(window, {
      title: 'Export the BotV2 database',
      defaultPath: join(app.getPath('documents'), `botv2-${stamp}.sqlite`),
      filters: [{ name: 'SQLite database', extensions: ['sqlite'] }],
    });
    return canceled || !filePath ? null : filePath;
  }
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Choose a folder for trades.csv, fills.csv and checkpoints.csv',
    defaultPath: app.getPath('documents'),
    properties: ['openDirectory', 'createDirectory'],
  });
  return canceled ? null : (filePaths[0] ?? null);
}

function start(): void {
  const dataDir = app.getPath('userData');
  const settings = loadSettings(defaultSettingsFile(), join(dataDir, USER_SETTINGS_FILE));
  // Hardening: keys from the environment, else from the safeStorage-encrypted store (no UI writes it yet).
  const { secrets, problems } = resolveSecrets(process.env, new SecretStore(dataDir, safeStorage));
  const logger = createLogger(dataDir, { ...settings.logging, secrets: secretValues(secrets) });
  for (const problem of problems) logger.warn(problem);
  host = openHost({ dataDir, settings, logger, mode: 'app' });
  if (!host) {
    app.quit();
    return;
  }
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Hardening: synchronous permission checks (navigator.permissions, clipboard, …) are refused too.
  session.defaultSession.setPermissionCheckHandler(() => false);

  const window = new BrowserWindow(hardenedWindowOptions(join(__dirname, 'preload.cjs')));
  const dispatch = createDispatch(host, logger, {
    chooseExportPath: (format) => chooseExportPath(window, format),
    chooseDataFiles: async () => {
      const { canceled, filePaths } = await dialog.showOpenDialog(window, {
        title: 'Choose market data (CSV) for a backtest',
        filters: [{ name: 'CSV files', extensions: ['csv', 'txt'] }],
        properties: ['openFile', 'multiSelections'],
      });
      return canceled ? null : filePaths;
    },
  });
  // Hardening: the sender check, refusal and logging live in host/electron-ipc.ts (tested with fake events).
  bindContract(
    ipcMain,
    createIpcCallHandler({ contents: window.webContents, expectedUrl, dispatch, logger }),
  );
  refuseUnexpectedIpc(window.webContents, logger);
  host.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channelOf(name), payload);
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(indexHtml);
  host.start();
}

app.whenReady().then(
  () => {
    try {
      start();
    } catch (error) {
      const message = error instanceof SettingsError ? `Settings refused:\n${error.message}` : String(error);
      dialog.showErrorBox('BotV2 cannot start', message);
      app.exit(1);
    }
  },
  (error: unknown) => {
    console.error(error);
    app.exit(1);
  },
);

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  host?.close();
  host = null;
});
