import { channelOf } from '../../src-shared/ipc/channels';
import { REQUEST_NAMES, type RequestName } from '../../src-shared/ipc/contract';
import { err, type Result } from '../../src-shared/ipc/result';
import type { Dispatch } from './request-handlers';
import { isTrustedSender } from './window-security';

// The Electron side of the contract, kept apart from main.ts so it runs in tests with fake events:
// every call's sender is checked before its payload is looked at; refusals are logged.

/** What the guard reads of an IpcMainInvokeEvent. */
export interface IpcCallEvent {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string } | null | undefined;
}

/** Our window's webContents: the only sender allowed, and its main frame the only frame. */
export interface OurContents {
  readonly mainFrame: unknown;
}

/** The two log calls the guard makes (a pino Logger fits). */
export interface GuardLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface IpcGuardOptions {
  contents: OurContents;
  /** The file:// URL of our index.html (rendererUrl). */
  expectedUrl: string;
  dispatch: Dispatch;
  logger: GuardLogger;
}

export type IpcCallHandler = (
  name: RequestName,
  event: IpcCallEvent,
  input: unknown,
) => Promise<Result<unknown>>;

export const UNTRUSTED_FRAME_ERROR = 'refused: this frame may not call the engine';

/** A URL for the log: no query or fragment (they could carry anything), at most 200 characters. */
function loggableUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return url.split(/[?#]/)[0]!.slice(0, 200);
}

/** The sender's frame, or null when Electron no longer has it (navigated away, destroyed). */
function frameOf(event: IpcCallEvent): { readonly url: string } | null {
  try {
    return event.senderFrame ?? null;
  } catch {
    return null;
  }
}

/**
 * Payloads arrive by structured clone, so a page could send a Date, Map, typed array or class instance.
 * The contract's inputs are plain objects of named fields (or nothing); anything else is refused here,
 * before zod, which would read such an object as an empty one.
 */
function isPlainInput(input: unknown): boolean {
  if (input === undefined || input === null) return true;
  if (typeof input !== 'object') return true; // primitives get zod's own error from the dispatch
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
}

/**
 * The per-call rule: the event must come from our window's webContents, from its main frame, at our
 * index.html; otherwise the call is refused with UNTRUSTED_FRAME_ERROR and a warning is logged (request
 * name and frame URL, never the payload). A trusted call goes to the shared dispatch, which parses the
 * payload with the contract's schema. Never throws.
 */
export function createIpcCallHandler(options: IpcGuardOptions): IpcCallHandler {
  const { contents, expectedUrl, dispatch, logger } = options;
  return async (name, event, input) => {
    const frame = frameOf(event);
    const trusted =
      event.sender === contents &&
      isTrustedSender(frame && { url: frame.url, isMainFrame: frame === contents.mainFrame }, expectedUrl);
    if (!trusted) {
      logger.warn(
        { request: name, url: loggableUrl(frame?.url), ownWindow: event.sender === contents },
        'IPC from an untrusted frame refused',
      );
      return err(UNTRUSTED_FRAME_ERROR);
    }
    if (!isPlainInput(input)) {
      logger.warn({ request: name }, 'IPC payload that is not a plain object refused');
      return err(`invalid ${name} request: expected an object of named fields`);
    }
    try {
      return await dispatch.async(name, input);
    } catch (error) {
      // The dispatch catches handler errors itself; this is the last net so nothing throws into Electron.
      logger.error({ err: error, request: name }, 'IPC request failed');
      return err(`${name} failed`);
    }
  };
}

/** The part of ipcMain used here. */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: IpcCallEvent, input: unknown) => Promise<Result<unknown>>): void;
}

/** Registers one invoke handler per contract entry (botv2:<name>), each through the guard. */
export function bindContract(ipc: InvokeRegistry, handler: IpcCallHandler): void {
  for (const name of REQUEST_NAMES) {
    ipc.handle(channelOf(name), (event, input) => handler(name, event, input));
  }
}

/** What the guard reads of an IpcMainEvent (ipcRenderer.send / sendSync). */
export interface IpcSendEvent {
  returnValue: unknown;
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of webContents used here. */
export interface SendSource {
  on(
    event: 'ipc-message' | 'ipc-message-sync',
    listener: (event: IpcSendEvent, channel: string) => void,
  ): unknown;
}

/**
 * The contract is invoke-only: the preload never uses ipcRenderer.send or sendSync. Any such message on
 * our window is unexpected — logged (channel name, frame URL) and dropped; a sync one gets a refusal as
 * its return value so the page does not hang. An invoke on a channel with no handler is refused by
 * Electron itself ("No handler registered"); the preload exposes no way to name a channel.
 */
export function refuseUnexpectedIpc(source: SendSource, logger: Pick<GuardLogger, 'warn'>): void {
  const refuse = (kind: 'send' | 'sendSync') => (event: IpcSendEvent, channel: string) => {
    let url: string | undefined;
    try {
      url = loggableUrl(event.senderFrame?.url);
    } catch {
      url = undefined;
    }
    logger.warn(
      { channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel, kind, url },
      'IPC message on an unexposed channel refused',
    );
    if (kind === 'sendSync') event.returnValue = err('refused: unexposed channel');
  };
  source.on('ipc-message', refuse('send'));
  source.on('ipc-message-sync', refuse('sendSync'));
}
