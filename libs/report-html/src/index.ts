// Shared HTML drift-report renderer (CLI `drift-report` and the drift service's report endpoint).
export {};
