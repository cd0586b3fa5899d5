/**
 * Exact Euclidean feature transform on a grid (Felzenszwalb & Huttenlocher, "Distance
 * Transforms of Sampled Functions", 2012): for every cell, the index of the nearest source
 * cell (by centre-to-centre distance), in two linear passes. The first pass finds, per
 * column, the nearest source row; the second takes the lower envelope of the parabolas
 * (x − q)² + f(q) along each row. Cells with no source anywhere get −1.
 */
export interface EdtWorkspace {
  w: number;
  h: number;
  /** Per cell: nearest source row in the same column (−1 none). */
  nearRow: Int32Array;
  /** Per cell: index of the nearest source cell (−1 none). */
  nearest: Int32Array;
  // Scratch for one row of the envelope.
  v: Int32Array;
  z: Float64Array;
  f: Float64Array;
  colLast: Int32Array;
}

export function edtWorkspace(w: number, h: number): EdtWorkspace {
  return {
    w,
    h,
    nearRow: new Int32Array(w * h),
    nearest: new Int32Array(w * h),
    v: new Int32Array(w),
    z: new Float64Array(w + 1),
    f: new Float64Array(w),
    colLast: new Int32Array(w),
  };
}

/**
 * Nearest source cell for every cell. `isSource(i)` is given as a Uint8Array mask (non-zero =
 * source). The result is `ws.nearest` (overwritten on the next call with the same workspace).
 */
export function featureTransform(source: Uint8Array, ws: EdtWorkspace): Int32Array {
  const { w, h, nearRow, nearest, v, z, f, colLast } = ws;
  // Pass 1, down the columns (swept row by row for cache locality): nearest source row.
  colLast.fill(-1);
  for (let j = 0, o = 0; j < h; j++, o += w) {
    for (let i = 0; i < w; i++) {
      if (source[o + i] !== 0) colLast[i] = j;
      nearRow[o + i] = colLast[i]!;
    }
  }
  colLast.fill(-1);
  for (let j = h - 1, o = (h - 1) * w; j >= 0; j--, o -= w) {
    for (let i = 0; i < w; i++) {
      if (source[o + i] !== 0) colLast[i] = j;
      const below = colLast[i]!;
      if (below >= 0) {
        const above = nearRow[o + i]!;
        if (above < 0 || below - j < j - above) nearRow[o + i] = below;
      }
    }
  }
  // Pass 2, along the rows: lower envelope of parabolas rooted at columns that have a source.
  for (let j = 0, o = 0; j < h; j++, o += w) {
    let k = -1;
    for (let q = 0; q < w; q++) {
      const r = nearRow[o + q]!;
      if (r < 0) continue;
      const dy = r - j;
      const fq = dy * dy + q * q;
      f[q] = fq;
      if (k < 0) {
        k = 0;
        v[0] = q;
        z[0] = -Infinity;
        z[1] = Infinity;
        continue;
      }
      let p = v[k]!;
      let s = (fq - f[p]!) / (2 * (q - p));
      while (s <= z[k]!) {
        // z[0] is −∞, so this stops at k = 0.
        k--;
        p = v[k]!;
        s = (fq - f[p]!) / (2 * (q - p));
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = Infinity;
    }
    if (k < 0) {
      nearest.fill(-1, o, o + w);
      continue;
    }
    let kk = 0;
    for (let q = 0; q < w; q++) {
      while (z[kk + 1]! < q) kk++;
      const p = v[kk]!;
      nearest[o + q] = nearRow[o + p]! * w + p;
    }
  }
  return nearest;
}
