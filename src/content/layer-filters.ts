/** Feature filters the layer groups share (MapLibre expressions over the shipped layers' properties). */
import type { FilterSpecification } from 'maplibre-gl';

export const polygon: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
export const point: FilterSpecification = ['==', ['geometry-type'], 'Point'];
export const all = (...f: FilterSpecification[]) => ['all', ...f] as FilterSpecification;
export const both = (a: FilterSpecification, b: FilterSpecification) => all(a, b);
/**
 * Sites just outside the district (`outside: true`) serve its residents: drawn, but lighter
 * and with a dashed edge, and left out of the district's counts. A missing flag means inside.
 */
export const inside: FilterSpecification = ['!=', ['get', 'outside'], true];
export const outside: FilterSpecification = ['==', ['get', 'outside'], true];
/** Features whose name is a description (`unnamed: true`) get no label on the map. */
export const named: FilterSpecification = ['!=', ['get', 'unnamed'], true];
/** Metro and rail bridges without a footway: drawn, but not as a way across. */
export const walkable: FilterSpecification = ['!=', ['get', 'walkable'], false];
export const tunnel: FilterSpecification = ['==', ['get', 'tunnel'], true];
export const railKind = (...kinds: string[]): FilterSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
export const not = (f: FilterSpecification) => ['!', f] as unknown as FilterSpecification;
