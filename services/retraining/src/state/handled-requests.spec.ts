import { HandledRequests } from './handled-requests';

describe('HandledRequests', () => {
  it('remembers ids until they are older than the horizon', () => {
    const handled = new HandledRequests(1000);
    handled.add('a', 100);
    handled.add('b', 1500);
    expect(handled.has('a') && handled.has('b')).toBe(true);
    expect(handled.expire(1200)).toBe(1);
    expect(handled.has('a')).toBe(false);
    expect(handled.has('b')).toBe(true);
    expect(handled.size).toBe(1);
  });
});
