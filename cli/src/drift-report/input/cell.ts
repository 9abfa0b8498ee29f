/** One raw value of a data row: text from CSV, or a JSON scalar from JSON Lines (null when absent). */
export type Cell = string | number | boolean | null;
