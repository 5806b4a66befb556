/** The database cannot be used as it is; the message says why and what to do. Nothing was changed. */
export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}
