import { describe, expect, it } from 'vitest';
import { hardenedWindowOptions } from '../../src-main/host/window-security';

// The whole webPreferences object is pinned: adding or loosening an option must show up in review here
// (docs/SECURITY.md and docs/electronegativity-accepted.json point at this test).

describe('BrowserWindow options', () => {
  it('are exactly the hardened ones', () => {
    const options = hardenedWindowOptions('/opt/BotV2/resources/app.asar/dist/main/preload.cjs');
    expect(options.webPreferences).toEqual({
      preload: '/opt/BotV2/resources/app.asar/dist/main/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    });
    // Nothing else that widens the renderer: no Blink features switched on, no extra arguments, no
    // persistent partition, no second preload.
    const keys = Object.keys(options);
    expect(keys.sort()).toEqual(
      [
        'backgroundColor',
        'height',
        'minHeight',
        'minWidth',
        'show',
        'title',
        'webPreferences',
        'width',
      ].sort(),
    );
    expect(options.show).toBe(false); // shown on ready-to-show, so no blank window flashes
  });
});
