/** Where the planner's work is saved: the browser's storage, or memory when it is unavailable. */

/** A Storage that keeps work in memory when the browser's storage is unavailable. */
export class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}

export function browserStorage(): { storage: Storage; persistent: boolean } {
  try {
    const s = window.localStorage;
    s.getItem('jb.probe');
    return { storage: s, persistent: true };
  } catch {
    return { storage: new MemoryStorage(), persistent: false };
  }
}
