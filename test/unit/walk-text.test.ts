// What a Nearby row and a walk's map label say of the time on foot: minutes, never "1 min" for 0 m.
import { describe, expect, it } from 'vitest';
import { walkText } from '../../src/state/nearby';

describe('walkText', () => {
  it('says the walk in whole minutes, at least one, for any distance over 0 m', () => {
    expect(walkText('en', 400, 5.2)).toBe('about 5 min on foot (estimate)');
    expect(walkText('en', 20, 0.25)).toBe('about 1 min on foot (estimate)');
    expect(walkText('zh', 900, 11.6)).toBe('估计步行约 12 分钟');
  });

  it('says "you are there" at 0 m (standing in the site), in both languages', () => {
    expect(walkText('en', 0, 0)).toBe('you are there');
    expect(walkText('zh', 0, 0)).toBe('您就在这里');
  });
});
