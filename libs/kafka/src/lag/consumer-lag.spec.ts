import { lagOf } from './consumer-lag';

describe('lagOf', () => {
  it('is the distance from the committed offset to the end', () => {
    expect(lagOf('0', '100', '40')).toBe(60);
    expect(lagOf('0', '100', '100')).toBe(0);
  });

  it('counts everything retained when nothing is committed', () => {
    expect(lagOf('20', '100', '-1')).toBe(80);
  });

  it('never counts messages already deleted by retention', () => {
    expect(lagOf('50', '100', '10')).toBe(50);
  });
});
