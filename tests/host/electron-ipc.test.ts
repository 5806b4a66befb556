import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindContract,
  createIpcCallHandler,
  refuseUnexpectedIpc,
  UNTRUSTED_FRAME_ERROR,
  type IpcCallEvent,
  type IpcSendEvent,
} from '../../src-main/host/electron-ipc';
import { createDispatch, type Dispatch } from '../../src-main/host/request-handlers';
import { rendererUrl } from '../../src-main/host/window-security';
import { channelOf } from '../../src-shared/ipc/channels';
import { REQUEST_NAMES } from '../../src-shared/ipc/contract';
import { createLogger } from '../../src-main/log';
import { testHost } from '../helpers/host';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const expectedUrl = rendererUrl('/opt/BotV2/resources/app.asar/dist/renderer/index.html');

/** A logger that records what it was asked to log. */
function spyLogger() {
  const warnings: { fields: Record<string, unknown>; message: string }[] = [];
  const errors: unknown[][] = [];
  return {
    warnings,
    errors,
    logger: {
      warn: (fields: Record<string, unknown>, message: string) => void warnings.push({ fields, message }),
      error: (fields: Record<string, unknown>, message: string) => void errors.push([fields, message]),
    },
  };
}

/** Our window: a webContents object and its main frame, compared by identity like Electron's. */
function ourWindow() {
  const mainFrame = { url: expectedUrl };
  const contents = { mainFrame };
  return { contents, mainFrame };
}

/** A dispatch that records whether it was reached: a refused call must never get this far. */
function recordingDispatch() {
  const calls: [unknown, unknown][] = [];
  const record = (name: unknown, input: unknown) => {
    calls.push([name, input]);
    return { ok: true as const, value: 'dispatched' };
  };
  const dispatch: Dispatch = Object.assign(record, {
    async: (name: unknown, input: unknown) => Promise.resolve(record(name, input)),
  });
  return { calls, dispatch };
}

describe('Electron IPC guard', () => {
  it('passes a call from our main frame at our page to the dispatch', async () => {
    const { contents, mainFrame } = ourWindow();
    const { calls, dispatch } = recordingDispatch();
    const spy = spyLogger();
    const handle = createIpcCallHandler({ contents, expectedUrl, dispatch, logger: spy.logger });
    const result = await handle('halt', { sender: contents, senderFrame: mainFrame }, { reason: 'test' });
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(calls).toEqual([['halt', { reason: 'test' }]]);
    expect(spy.warnings).toEqual([]);
  });

  it('refuses and logs a call from a subframe, another page, another webContents or a gone frame', async () => {
    const { calls, dispatch } = recordingDispatch();
    const spy = spyLogger();
    // Each case: our window, and the event as Electron would deliver it.
    const strangers: ((own: ReturnType<typeof ourWindow>) => IpcCallEvent)[] = [
      ({ contents }) => ({ sender: contents, senderFrame: { url: expectedUrl } }), // an iframe at our URL
      ({ contents, mainFrame }) => {
        mainFrame.url = 'https://evil.example/x?k=v'; // the main frame navigated away
        return { sender: contents, senderFrame: mainFrame };
      },
      ({ mainFrame }) => ({ sender: { mainFrame }, senderFrame: mainFrame }), // another webContents
      ({ contents }) => ({ sender: contents, senderFrame: null }), // frame destroyed
      ({ contents }) => ({
        sender: contents,
        get senderFrame(): { url: string } {
          throw new Error('Render frame was disposed');
        },
      }),
    ];
    for (const makeEvent of strangers) {
      const own = ourWindow();
      const handle = createIpcCallHandler({
        contents: own.contents,
        expectedUrl,
        dispatch,
        logger: spy.logger,
      });
      expect(await handle('halt', makeEvent(own), { reason: 'x' })).toEqual({
        ok: false,
        error: UNTRUSTED_FRAME_ERROR,
      });
    }
    expect(calls).toEqual([]);
    expect(spy.warnings).toHaveLength(strangers.length);
    expect(spy.warnings.every((w) => w.message === 'IPC from an untrusted frame refused')).toBe(true);
    expect(spy.warnings.map((w) => w.fields.request)).toEqual(strangers.map(() => 'halt'));
    // The navigated frame is named in the log without its query string.
    expect(spy.warnings[1]!.fields.url).toBe('https://evil.example/x');
    expect(spy.warnings[2]!.fields.ownWindow).toBe(false);
  });

  it('admits the main frame only at exactly our page, whatever its query or fragment (property)', async () => {
    const { calls, dispatch } = recordingDispatch();
    const spy = spyLogger();
    const lookAlike = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string().map((s) => `file:///${s}`),
      fc.string().map((s) => `${expectedUrl}${s}`),
      fc.string().map((s) => `${s}${expectedUrl}`),
      fc.constantFrom(expectedUrl.toUpperCase(), expectedUrl.replace('index', 'Index'), `${expectedUrl}/`),
    );
    await fc.assert(
      fc.asyncProperty(lookAlike, async (url) => {
        const { contents, mainFrame } = ourWindow();
        mainFrame.url = url;
        const handle = createIpcCallHandler({ contents, expectedUrl, dispatch, logger: spy.logger });
        const admitted = (await handle('snapshot', { sender: contents, senderFrame: mainFrame }, {})).ok;
        expect(admitted).toBe(url.split(/[?#]/)[0] === expectedUrl);
      }),
      { numRuns: 300 },
    );
    expect(calls.length + spy.warnings.length).toBe(300);
  });

  it('refuses payloads that are not plain objects, which zod would read as empty input', async () => {
    const { contents, mainFrame } = ourWindow();
    const { calls, dispatch } = recordingDispatch();
    const spy = spyLogger();
    const handle = createIpcCallHandler({ contents, expectedUrl, dispatch, logger: spy.logger });
    const event = { sender: contents, senderFrame: mainFrame };
    for (const input of [new Date(0), new Map([['reason', 'x']]), new Set(), new Uint8Array(4), /x/]) {
      expect(await handle('snapshot', event, input)).toEqual({
        ok: false,
        error: 'invalid snapshot request: expected an object of named fields',
      });
    }
    expect(calls).toEqual([]);
    // Plain objects, null-prototype objects, nothing, and primitives (zod answers those) go through.
    for (const input of [{}, Object.create(null) as object, undefined, null, 'text', 42])
      await handle('snapshot', event, input);
    expect(calls).toHaveLength(6);
  });

  it('answers through the real dispatch: schema errors for a bad payload, values for a good one', async () => {
    const { contents, mainFrame } = ourWindow();
    const host = testHost(tempDir());
    try {
      const spy = spyLogger();
      const handle = createIpcCallHandler({
        contents,
        expectedUrl,
        dispatch: createDispatch(host, createLogger(null, 'error')),
        logger: spy.logger,
      });
      const event = { sender: contents, senderFrame: mainFrame };
      expect(await handle('halt', event, { reason: '' })).toEqual({
        ok: false,
        error: 'invalid halt request: reason: a reason is required',
      });
      expect(await handle('halt', event, { reason: 'news' })).toMatchObject({
        ok: true,
        value: { halted: true },
      });
    } finally {
      host.close();
    }
  });

  it('turns a throwing dispatch into an error result and logs it', async () => {
    const { contents, mainFrame } = ourWindow();
    const spy = spyLogger();
    const handle = createIpcCallHandler({
      contents,
      expectedUrl,
      dispatch: Object.assign(
        () => {
          throw new Error('boom');
        },
        {
          async: () => {
            throw new Error('boom');
          },
        },
      ),
      logger: spy.logger,
    });
    expect(await handle('snapshot', { sender: contents, senderFrame: mainFrame }, {})).toEqual({
      ok: false,
      error: 'snapshot failed',
    });
    expect(spy.errors).toHaveLength(1);
  });

  it('binds exactly one guarded invoke handler per contract entry', () => {
    const { contents, mainFrame } = ourWindow();
    const { calls, dispatch } = recordingDispatch();
    const handlers = new Map<string, (event: IpcCallEvent, input: unknown) => unknown>();
    bindContract(
      { handle: (channel, listener) => void handlers.set(channel, listener) },
      createIpcCallHandler({ contents, expectedUrl, dispatch, logger: spyLogger().logger }),
    );
    expect([...handlers.keys()].sort()).toEqual(REQUEST_NAMES.map(channelOf).sort());
    for (const name of REQUEST_NAMES)
      handlers.get(channelOf(name))!({ sender: contents, senderFrame: mainFrame }, {});
    expect(calls.map(([name]) => name)).toEqual(REQUEST_NAMES);
    handlers.get(channelOf('halt'))!({ sender: contents, senderFrame: { url: expectedUrl } }, {});
    expect(calls).toHaveLength(REQUEST_NAMES.length);
  });

  it('logs and refuses send/sendSync messages, which the contract never uses', () => {
    const listeners = new Map<string, (event: IpcSendEvent, channel: string) => void>();
    const spy = spyLogger();
    refuseUnexpectedIpc(
      {
        on: (event: string, listener: (e: IpcSendEvent, c: string) => void) => listeners.set(event, listener),
      },
      spy.logger,
    );
    const asyncEvent: IpcSendEvent = { returnValue: undefined, senderFrame: { url: `${expectedUrl}#x` } };
    listeners.get('ipc-message')!(asyncEvent, 'botv2:secrets');
    const syncEvent: IpcSendEvent = { returnValue: undefined, senderFrame: null };
    listeners.get('ipc-message-sync')!(syncEvent, 'x'.repeat(500));
    expect(asyncEvent.returnValue).toBeUndefined();
    expect(syncEvent.returnValue).toEqual({ ok: false, error: 'refused: unexposed channel' });
    expect(spy.warnings).toEqual([
      {
        fields: { channel: 'botv2:secrets', kind: 'send', url: expectedUrl },
        message: 'IPC message on an unexposed channel refused',
      },
      {
        fields: { channel: 'x'.repeat(64), kind: 'sendSync', url: undefined },
        message: 'IPC message on an unexposed channel refused',
      },
    ]);
  });
});
