"""GEOS baseline for the coverage bench (bench/coverage-geos.ts runs it): the pipeline a
planner would run in QGIS or PostGIS, through Shapely (Debian's python3-shapely 1.8, GEOS
3.11): buffer every site, unary_union the buffers, intersect with the measured land, area;
once per tier, with the sites of that tier or higher.

Reads JSON on stdin: { "sites": FeatureCollection (lon/lat), "measured": Polygon or
MultiPolygon geometry (lon/lat), "radii": {"leisure": m, ...}, "runs": n, "lon0", "lat0",
"kx", "ky" (the analysis grid's local projection: metres = (lon - lon0) * kx, ...) }.
Positions are projected to those metres first (not timed: a GIS user's data is already in
a metric CRS). Prints JSON: { "first_ms", "median_ms", "runs", "rates": {tier: pct},
"shapely", "geos" }.
"""
import json
import statistics
import sys
import time

import shapely
from shapely.geometry import shape
from shapely.ops import transform, unary_union

TIERS = ["leisure", "garden", "park"]


def main():
    job = json.load(sys.stdin)
    lon0, lat0, kx, ky = job["lon0"], job["lat0"], job["kx"], job["ky"]

    def project(geom):
        return transform(lambda x, y, z=None: ((x - lon0) * kx, (y - lat0) * ky), geom)

    sites = []
    for f in job["sites"]["features"]:
        tier = (f.get("properties") or {}).get("tier")
        if tier in TIERS and f.get("geometry"):
            sites.append((TIERS.index(tier), project(shape(f["geometry"]))))
    measured = project(shape(job["measured"]))
    total = measured.area
    radii = job["radii"]

    def run():
        rates = {}
        for rank, tier in enumerate(TIERS):
            buffers = [g.buffer(radii[tier]) for r, g in sites if r >= rank]
            covered = unary_union(buffers).intersection(measured).area if buffers else 0.0
            rates[tier] = 100.0 * covered / total
        return rates

    times = []
    rates = None
    for _ in range(max(1, int(job.get("runs", 5)))):
        t = time.perf_counter()
        rates = run()
        times.append((time.perf_counter() - t) * 1000)
    print(
        json.dumps(
            {
                "first_ms": times[0],
                "median_ms": statistics.median(times[1:] if len(times) > 1 else times),
                "runs": len(times),
                "rates": rates,
                "shapely": shapely.__version__,
                "geos": ".".join(str(v) for v in shapely.geos.geos_version),
            }
        )
    )


if __name__ == "__main__":
    main()
