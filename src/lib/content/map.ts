import raw from 'virtual:csto-map';
import { deepFreeze } from '../domain/freeze';
import type { MapGeometry } from '../domain/map/types';

/** The map's paths, projected at build time from Natural Earth boundaries. */
export const MAP_GEOMETRY: MapGeometry = deepFreeze(raw);
