import { describe, expect, it } from 'vitest';
import { hardenedWindowOptions, isTrustedSender, rendererUrl } from '../../src-main/host/window-security';

describe('Electron window hardening', () => {
  it('gives the renderer no Node, a sandbox, isolation and one preload', () => {
    const prefs = hardenedWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('trusts only the main frame at our own page', () => {
    const url = rendererUrl('/app/dist/renderer/index.html');
    expect(url).toBe('file:///app/dist/renderer/index.html');
    expect(isTrustedSender({ url, isMainFrame: true }, url)).toBe(true);
    expect(isTrustedSender({ url: `${url}?x=1#top`, isMainFrame: true }, url)).toBe(true);
    expect(isTrustedSender({ url, isMainFrame: false }, url)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, url)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/other.html', isMainFrame: true }, url)).toBe(false);
    expect(isTrustedSender(null, url)).toBe(false);
  });
});
