import { describe, expect, it } from 'vitest';
import { ShareRecords } from '../../src/state/share';
import { MemoryStorage } from '../../src/state/storage';

describe('edit tokens kept in this browser', () => {
  it('one record per shared scenario, found by its id or by the local copy linked to it', () => {
    const storage = new MemoryStorage();
    storage.setItem('jb.scenario.sc-1', '{"id":"sc-1"}'); // the workbench's own entries sit beside them
    const r = new ShareRecords(storage);
    r.put({ id: 'AAAAAAAAAAAAAAAAAAAAAA', token: 't1', version: 1, local: 'sc-1' });
    r.put({ id: 'BBBBBBBBBBBBBBBBBBBBBB', version: 3, local: 'sc-2' });
    expect(r.get('AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ id: 'AAAAAAAAAAAAAAAAAAAAAA', token: 't1', version: 1, local: 'sc-1' });
    expect(r.byLocal('sc-1')?.id).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(r.byLocal('sc-2')?.token).toBeUndefined();
    expect(r.byLocal('sc-3')).toBeUndefined();
    r.put({ ...r.get('AAAAAAAAAAAAAAAAAAAAAA')!, version: 4 });
    expect(r.byLocal('sc-1')?.version).toBe(4);
  });

  it('an unreadable or mislabelled entry is no record, never an error', () => {
    const storage = new MemoryStorage();
    storage.setItem('jb.shared.X', '{not json');
    storage.setItem('jb.shared.Y', '{"id":"Z","version":1,"local":"sc-1"}');
    const r = new ShareRecords(storage);
    expect(r.get('X')).toBeUndefined();
    expect(r.get('Y')).toBeUndefined();
    expect(r.byLocal('sc-1')).toBeUndefined();
  });
});
