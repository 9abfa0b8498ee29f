import { SeriesBook, SeriesRef } from './series-book';

describe('SeriesBook', () => {
  it('keeps the two most recently reported versions of a model and evicts the series of older ones', () => {
    const evicted: SeriesRef[][] = [];
    const book = new SeriesBook(2, (s) => evicted.push(s));
    const s = (version: string, feature: string): SeriesRef => ({ metric: 'featureScore', labels: { model: 'm', version, feature } });
    book.record('m', '1', s('1', 'a'));
    book.record('m', '1', s('1', 'b'));
    book.record('m', '2', s('2', 'a'));
    book.record('m', '1', s('1', 'a')); // 1 reported again: 2 is now the oldest
    book.record('other', '9', { metric: 'samples', labels: { model: 'other', version: '9' } });
    expect(evicted).toEqual([]);
    book.record('m', '3', s('3', 'a'));
    expect(evicted).toEqual([[s('2', 'a')]]);
  });
});
