/** The most frequent categories (ties by name), at most `cap`, sorted: drift-stats' own rule for reference categories. */
export function topCategories(counts: Iterable<readonly [string, number]>, cap: number): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, cap)
    .map(([k]) => k)
    .sort();
}
