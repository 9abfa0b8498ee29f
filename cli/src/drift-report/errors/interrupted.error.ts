/** The user stopped the command (Ctrl-C) while it was reading. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}
