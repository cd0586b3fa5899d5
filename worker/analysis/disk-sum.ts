/**
 * Sums of a per-cell weight over disks of cells, by row prefix sums: a disk of radius R
 * cells costs one subtraction per disk row (2R + 1), whatever its area. Used by the greedy
 * suggestions (suggest.ts) and by the gap pieces' best site (gap-pieces.ts). Works on any
 * block of cells w × h (the whole grid, or a window of it).
 */
export class DiskSum {
  /** Half-width (cells) of the disk on each row offset −R … R. */
  readonly half: Int32Array;
  /** Disk radius in whole cells. */
  readonly R: number;
  private readonly prefix: Float64Array;
  private readonly pw: number;

  /**
   * `open`: the weight of every cell of the block, row-major (kept by reference: change it
   * with `clearDisk` or call `rebuildRow` after writing to it). `radiusCells`: the disk's
   * radius in cells; a cell is in the disk when its centre is within it.
   */
  constructor(
    readonly w: number,
    readonly h: number,
    radiusCells: number,
    readonly open: Float64Array,
  ) {
    const R = radiusCells + 1e-9;
    this.R = Math.floor(R);
    this.half = new Int32Array(2 * this.R + 1);
    for (let dy = -this.R; dy <= this.R; dy++) this.half[dy + this.R] = Math.floor(Math.sqrt(Math.max(0, R * R - dy * dy)));
    this.pw = w + 1;
    this.prefix = new Float64Array(this.pw * h);
    for (let j = 0; j < h; j++) this.rebuildRow(j);
  }

  rebuildRow(j: number): void {
    const { open, prefix, w } = this;
    let s = 0;
    const o = j * w;
    const p = j * this.pw;
    prefix[p] = 0;
    for (let i = 0; i < w; i++) {
      s += open[o + i]!;
      prefix[p + i + 1] = s;
    }
  }

  /** Total weight within the disk centred on cell (i, j). */
  at(i: number, j: number): number {
    const { R, half, prefix, pw, w, h } = this;
    let g = 0;
    for (let dy = -R; dy <= R; dy++) {
      const jj = j + dy;
      if (jj < 0 || jj >= h) continue;
      const hw = half[dy + R]!;
      const a = Math.max(0, i - hw);
      const b = Math.min(w, i + hw + 1);
      g += prefix[jj * pw + b]! - prefix[jj * pw + a]!;
    }
    return g;
  }

  /** Zeroes the weight within the disk centred on (i, j) (a site placed there covers it). */
  clearDisk(i: number, j: number): void {
    const { R, half, open, w, h } = this;
    for (let dy = -R; dy <= R; dy++) {
      const jj = j + dy;
      if (jj < 0 || jj >= h) continue;
      const hw = half[dy + R]!;
      open.fill(0, jj * w + Math.max(0, i - hw), jj * w + Math.min(w, i + hw + 1));
      this.rebuildRow(jj);
    }
  }
}
