/** A value that survives JSON.stringify → JSON.parse unchanged (the baseline profile is one). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
