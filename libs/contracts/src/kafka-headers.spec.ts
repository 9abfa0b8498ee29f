import { HeaderValidationError } from './errors/header-validation.error';
import { readHeader, requireHeader } from './kafka-headers';

describe('kafka headers', () => {
  it('reads strings, Buffers and single-element arrays alike', () => {
    expect(readHeader({ a: 'x' }, 'a')).toBe('x');
    expect(readHeader({ a: Buffer.from('x') }, 'a')).toBe('x');
    expect(readHeader({ a: [Buffer.from('x'), 'x'] }, 'a')).toBe('x');
    expect(readHeader({}, 'a')).toBeUndefined();
  });

  it('rejects a header repeated with different values', () => {
    expect(() => readHeader({ a: ['x', 'y'] }, 'a')).toThrow(new HeaderValidationError('a', 'duplicate', '2 different values'));
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(() => readHeader({ a: Buffer.from([0xc3, 0x28]) }, 'a')).toThrow('header a invalid: not valid UTF-8');
  });

  it('marks header errors as not retriable and names the header', () => {
    try {
      requireHeader({}, 'ce_id');
      throw new Error('expected requireHeader to throw');
    } catch (error) {
      expect(error).toBeInstanceOf(HeaderValidationError);
      expect(error).toMatchObject({ header: 'ce_id', problem: 'missing', retriable: false });
    }
  });
});
