// Build-time only (Node): projects Natural Earth boundaries (world-atlas TopoJSON, 1:50m) into SVG
// paths for the Members page, the map questions and the flashcards. The browser gets only the paths
// of the region, simplified; topojson-client, topojson-simplify and d3-geo never ship.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoConicEqualArea, geoContains, geoPath, type GeoProjection } from 'd3-geo';
import { feature, merge, mergeArcs, neighbors } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { MapState } from '../domain/bank/schema.ts';
import type { Membership } from '../domain/bank/membership.ts';
import type { MapGeometry, MapShape, MapView } from '../domain/map/types.ts';

type Countries = GeometryCollection<{ name: string }>;
type CountryGeometry = Countries['geometries'][number];
type WorldTopology = Topology<{ countries: Countries }>;

/** Natural Earth's short names that read badly in a sentence. */
const NAMES: Record<string, string> = {
	'Dem. Rep. Korea': 'North Korea',
	'Bosnia and Herz.': 'Bosnia and Herzegovina',
	Macedonia: 'North Macedonia'
};
/** Spherical triangle area (steradians) below which a boundary point is dropped: about 1/4 px². */
const MIN_WEIGHT = 3e-6;
/** Islands smaller than this (square px of the view) are left out; a state always keeps one part. */
const MIN_PART_AREA = 6;
const MAIN = { width: 1000, height: 600 };
const INSET = { width: 400, height: 300 };
/** The South Caucasus: too small on the main view, drawn again in the inset. */
const INSET_ISO = ['051', '031', '268'];
/** A point in Crimea: Natural Earth 4 draws it inside Russia; the map shows Ukraine's recognised border. */
const CRIMEA: [number, number] = [34.1, 45.0];
const UKRAINE_ISO = '804';
const RUSSIA_ISO = '643';

const kebab = (name: string) =>
	name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

let raw: WorldTopology | undefined;
let world: WorldTopology | undefined;

/** The 1:50m countries as published (enough to know who borders whom), with Crimea in Ukraine. */
function loadRawWorld(): WorldTopology {
	if (raw) return raw;
	const require = createRequire(import.meta.url);
	raw = JSON.parse(
		readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')
	) as WorldTopology;
	moveCrimeaToUkraine(raw);
	return raw;
}

/** The same, simplified for drawing (once per process: presimplify takes about a second). */
function loadWorld(): WorldTopology {
	world ??= simplify(
		presimplify(structuredClone(loadRawWorld()), sphericalTriangleArea),
		MIN_WEIGHT
	);
	return world;
}

/** Takes the polygon that holds Crimea out of Russia's geometry and merges it into Ukraine's. */
function moveCrimeaToUkraine(topology: WorldTopology): void {
	const geometries = topology.objects.countries.geometries;
	const russia = geometries.find((g) => g.id === RUSSIA_ISO) as MultiPolygon<{ name: string }>;
	const ukraineIndex = geometries.findIndex((g) => g.id === UKRAINE_ISO);
	const ukraine = geometries[ukraineIndex] as (Polygon | MultiPolygon) & {
		properties: { name: string };
	};
	const index = russia.arcs.findIndex((arcs) =>
		geoContains(toFeature(topology, { type: 'Polygon', arcs }), CRIMEA)
	);
	if (index < 0) return;
	const crimea: Polygon = { type: 'Polygon', arcs: russia.arcs[index]! };
	russia.arcs = russia.arcs.filter((_, i) => i !== index);
	const merged = mergeArcs(topology, [ukraine as Polygon | MultiPolygon, crimea]);
	geometries[ukraineIndex] = { ...merged, id: UKRAINE_ISO, properties: ukraine.properties };
}

/** One geometry of the topology as a GeoJSON feature. */
function toFeature(topology: WorldTopology, geometry: CountryGeometry | Polygon): GeoJSON.Feature {
	return feature(topology, geometry as Polygon) as GeoJSON.Feature;
}

interface Selection {
	/** The geometries drawn as states, with our id and name. */
	states: { geometry: CountryGeometry; id: string; name: string; iso: string }[];
	/** Every other country, drawn as background land. */
	others: CountryGeometry[];
}

const adjacencies = new WeakMap<WorldTopology, number[][]>();

/** Who borders whom, by geometry index (computed once per topology). */
function adjacencyOf(topology: WorldTopology): number[][] {
	let adjacency = adjacencies.get(topology);
	if (!adjacency) {
		adjacency = neighbors(topology.objects.countries.geometries);
		adjacencies.set(topology, adjacency);
	}
	return adjacency;
}

/** The states of the membership data, and every state that borders a party to the treaty. */
function selectStates(
	membership: Pick<Membership, 'states'>,
	topology: WorldTopology = loadWorld()
): Selection {
	const geometries = topology.objects.countries.geometries;
	const byIso = new Map(membership.states.map((s) => [s.iso, s]));
	const adjacency = adjacencyOf(topology);
	const chosen = new Set<number>();
	geometries.forEach((g, i) => {
		const state = byIso.get(String(g.id));
		if (!state) return;
		chosen.add(i);
		if (state.periods.length > 0) for (const j of adjacency[i]!) chosen.add(j);
	});
	const states = [...chosen].map((i) => {
		const geometry = geometries[i]!;
		const iso = String(geometry.id ?? '');
		const known = byIso.get(iso);
		const ne = (geometry.properties as { name: string }).name;
		const name = known?.name ?? NAMES[ne] ?? ne;
		return { geometry, iso, id: known?.id ?? kebab(name), name };
	});
	return { states, others: geometries.filter((_, i) => !chosen.has(i)) };
}

/**
 * The states drawn on the map, with the states each borders (by id): what the map questions need.
 * @example readMapStates(membership).find((s) => s.id === 'armenia')?.neighbours // ['azerbaijan', 'georgia', 'iran', 'turkey']
 */
export function readMapStates(membership: Pick<Membership, 'states'>): MapState[] {
	const { states } = selectStates(membership, loadRawWorld());
	const adjacency = neighbors(states.map((s) => s.geometry));
	return states
		.map((s, i) => ({
			id: s.id,
			name: s.name,
			neighbours: adjacency[i]!.map((j) => states[j]!.id).sort()
		}))
		.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function drawView(
	projection: GeoProjection,
	size: { width: number; height: number },
	selection: Selection,
	only?: ReadonlySet<string>
): MapView {
	const topology = loadWorld();
	projection.clipExtent([
		[0, 0],
		[size.width, size.height]
	]);
	const path = geoPath(projection).digits(only ? 1 : 0);
	const prune = (geometry: GeoJSON.Geometry): GeoJSON.Geometry => {
		if (geometry.type !== 'MultiPolygon') return geometry;
		const parts = geometry.coordinates.filter(
			(coordinates) => path.area({ type: 'Polygon', coordinates }) >= MIN_PART_AREA
		);
		return parts.length > 0 ? { ...geometry, coordinates: parts } : geometry;
	};
	const shapes: MapShape[] = [];
	for (const state of selection.states) {
		if (only && !only.has(state.iso)) continue;
		const shape = prune(toFeature(topology, state.geometry).geometry);
		const d = path(shape);
		if (!d) continue;
		const largest =
			shape.type === 'MultiPolygon'
				? shape.coordinates
						.map((coordinates) => ({ type: 'Polygon' as const, coordinates }))
						.reduce((a, b) => (path.area(a) >= path.area(b) ? a : b))
				: shape;
		const [x, y] = path.centroid(largest);
		const margin = { x: size.width * 0.12, y: size.height * 0.06 };
		shapes.push({
			id: state.id,
			d,
			label: { x: Math.round(x), y: Math.round(y) },
			area: Math.round(path.area(shape)),
			hasRoomForLabel:
				x > margin.x && x < size.width - margin.x && y > margin.y && y < size.height - margin.y
		});
	}
	const drawnElsewhere = only
		? selection.states.filter((s) => !only.has(s.iso)).map((s) => s.geometry)
		: [];
	const background = path(
		prune(merge(topology, [...selection.others, ...drawnElsewhere] as (Polygon | MultiPolygon)[]))
	);
	return { ...size, shapes, background: background ?? '' };
}

/**
 * Projects the region (conic equal-area, centred on 100° E) and the South Caucasus inset into SVG
 * paths. Borders are today's in every year; Crimea is drawn within Ukraine's recognised border.
 */
export function readMapGeometry(membership: Pick<Membership, 'states'>): MapGeometry {
	const topology = loadWorld();
	const selection = selectStates(membership);
	const isoOfInterest = new Set(membership.states.map((s) => s.iso));
	const focus = selection.states.filter((s) => isoOfInterest.has(s.iso));
	const focusFeatures: GeoJSON.FeatureCollection = {
		type: 'FeatureCollection',
		features: focus.map((s) => toFeature(topology, s.geometry))
	};
	const main = geoConicEqualArea()
		.rotate([-100, 0])
		.parallels([40, 65])
		.fitExtent(
			[
				[60, 10],
				[MAIN.width - 10, MAIN.height - 10]
			],
			focusFeatures
		);

	const caucasus: GeoJSON.FeatureCollection = {
		type: 'FeatureCollection',
		features: selection.states
			.filter((s) => INSET_ISO.includes(s.iso))
			.map((s) => toFeature(topology, s.geometry))
	};
	const inset = geoConicEqualArea()
		.rotate([-45, 0])
		.parallels([39, 43])
		.fitExtent(
			[
				[20, 20],
				[INSET.width - 20, INSET.height - 20]
			],
			caucasus
		);
	const [[west, south], [east, north]] = geoBounds(caucasus);
	const corners = [
		main([west - 1, north + 1])!,
		main([east + 1, north + 1])!,
		main([west - 1, south - 1])!,
		main([east + 1, south - 1])!
	];
	const xs = corners.map((c) => c[0]);
	const ys = corners.map((c) => c[1]);
	const insetFrame = {
		x: Math.round(Math.min(...xs)),
		y: Math.round(Math.min(...ys)),
		width: Math.round(Math.max(...xs) - Math.min(...xs)),
		height: Math.round(Math.max(...ys) - Math.min(...ys))
	};

	const insetStates = new Set(
		selection.states
			.filter((s) => {
				const bounds = pathOf(inset).bounds(toFeature(topology, s.geometry));
				return (
					bounds[1][0] > 0 &&
					bounds[0][0] < INSET.width &&
					bounds[1][1] > 0 &&
					bounds[0][1] < INSET.height
				);
			})
			.map((s) => s.iso)
	);
	return {
		main: drawView(main, MAIN, selection),
		inset: drawView(inset, INSET, selection, insetStates),
		insetFrame,
		insetIds: selection.states.filter((s) => INSET_ISO.includes(s.iso)).map((s) => s.id),
		names: selection.states
			.map((s) => ({ id: s.id, name: s.name }))
			.sort((a, b) => (a.name < b.name ? -1 : 1))
	};
}

function pathOf(projection: GeoProjection) {
	return geoPath(projection);
}
