// The map as the browser gets it: SVG path data projected at build time from Natural Earth
// boundaries (src/lib/content/read-map.ts), so that no projection code or boundary file ships.

/** One country drawn on a map view. */
export interface MapShape {
	/** The state's id: its id in questions/membership.yaml, or its name in kebab case. */
	id: string;
	/** SVG path data in the view's coordinates. */
	d: string;
	/** Where a label fits inside the shape (its largest part), in the view's coordinates. */
	label: { x: number; y: number };
	/** The shape's area in square units of the view: small shapes get small labels. */
	area: number;
	/** False when the label point is too near the view's edge for a label to fit. */
	hasRoomForLabel: boolean;
}

/** One projected view: the whole region, or the South Caucasus inset. */
export interface MapView {
	width: number;
	height: number;
	shapes: MapShape[];
	/** Land outside the states drawn, for context, as one path with no borders. */
	background: string;
}

/** Both views, the names of the states drawn and where the inset's area lies on the main view. */
export interface MapGeometry {
	main: MapView;
	inset: MapView;
	/** The inset's area, drawn as a frame on the main view. */
	insetFrame: { x: number; y: number; width: number; height: number };
	/** The states chosen in the inset (too small to pick on the main view). */
	insetIds: string[];
	/** Every state drawn, by id, with its name, in alphabetical order. */
	names: { id: string; name: string }[];
}
