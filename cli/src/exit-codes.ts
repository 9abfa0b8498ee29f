/** Exit codes shared by every subcommand (documented in cli/README.md). */
export const EXIT = { ok: 0, driftDetected: 1, badInput: 2, interrupted: 130 } as const;
