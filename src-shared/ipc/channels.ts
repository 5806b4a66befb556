// Electron IPC channel names, kept apart from the schemas so the preload bundle stays small.

export const channelOf = (name: string): string => `botv2:${name}`;
