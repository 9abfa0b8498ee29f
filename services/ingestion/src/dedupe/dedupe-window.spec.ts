import { DedupeWindow } from './dedupe-window';

describe('DedupeWindow', () => {
  it('reports a repeat within the horizon as a duplicate', () => {
    const window = new DedupeWindow(1000, 10);
    expect(window.add('a', 0)).toBe(true);
    expect(window.add('a', 500)).toBe(false);
    expect(window.add('b', 500)).toBe(true);
  });

  it('forgets ids older than the horizon', () => {
    const window = new DedupeWindow(1000, 10);
    window.add('a', 0);
    window.add('b', 800);
    expect(window.expire(1500)).toBe(1);
    expect(window.has('a')).toBe(false);
    expect(window.has('b')).toBe(true);
    expect(window.add('a', 1500)).toBe(true);
  });

  it('never holds more than its capacity, dropping the oldest first', () => {
    const window = new DedupeWindow(1e9, 3);
    for (const id of ['a', 'b', 'c', 'd']) window.add(id, 0);
    expect(window.size).toBe(3);
    expect(window.has('a')).toBe(false);
    expect(window.has('d')).toBe(true);
  });

  it('rejects a non-positive horizon or capacity', () => {
    expect(() => new DedupeWindow(0, 1)).toThrow(RangeError);
    expect(() => new DedupeWindow(1, 0)).toThrow(RangeError);
  });
});
