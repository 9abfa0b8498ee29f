import { ChampionTable } from './champion-table';

describe('ChampionTable', () => {
  it('keeps the newest ModelDeployed per model by offset', () => {
    const table = new ChampionTable();
    expect(table.apply({ model: 'a', version: '2', previousVersion: '1' }, { eventId: 'e2', offset: '5' })).toBe(true);
    expect(table.apply({ model: 'a', version: '1' }, { offset: '3' })).toBe(false);
    expect(table.apply({ model: 'a', version: '2' }, { offset: '5' })).toBe(false);
    expect(table.get('a')).toEqual({ version: '2', previousVersion: '1', eventId: 'e2', offset: 5n });
    expect(table.apply({ model: 'a', version: '3', previousVersion: '2' }, { offset: '6' })).toBe(true);
    expect(table.get('a')?.version).toBe('3');
    expect(table.get('b')).toBeUndefined();
  });

  it('applies an event without an offset and keeps the last known offset', () => {
    const table = new ChampionTable();
    table.apply({ model: 'a', version: '1' }, { offset: '9' });
    expect(table.apply({ model: 'a', version: '2', previousVersion: '1' }, { eventId: 'own' })).toBe(true);
    expect(table.get('a')).toEqual({ version: '2', previousVersion: '1', eventId: 'own', offset: 9n });
    expect(table.apply({ model: 'a', version: '2', previousVersion: '1' }, { offset: '9' })).toBe(false);
  });
});
