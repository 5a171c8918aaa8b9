// The import rules of HOUSE-STYLE.md: each layer may import only the layers below it.
type Layer = 'domain' | 'content' | 'data' | 'state' | 'components' | 'routes' | 'other';

const FORBIDDEN: Record<Layer, { layers: Layer[]; packages: RegExp[] }> = {
	domain: {
		layers: ['content', 'data', 'state', 'components', 'routes'],
		packages: [/^svelte(\/|$)/, /^dexie(\/|$)/, /^\$app\//, /^@sveltejs\//]
	},
	content: {
		layers: ['data', 'state', 'components', 'routes'],
		packages: [/^svelte(\/|$)/, /^dexie(\/|$)/]
	},
	data: {
		layers: ['content', 'state', 'components', 'routes'],
		packages: [/^svelte(\/|$)/, /^\$app\//]
	},
	state: { layers: ['components', 'routes'], packages: [] },
	components: { layers: ['data', 'state', 'routes'], packages: [/^dexie(\/|$)/] },
	routes: { layers: [], packages: [] },
	other: { layers: [], packages: [] }
};

function layerOf(path: string): Layer {
	const match = /^(?:src\/)?lib\/(domain|content|data|state|components)\//.exec(path);
	if (match) return match[1] as Layer;
	return path.startsWith('routes/') || path.startsWith('src/routes/') ? 'routes' : 'other';
}

function resolveLayer(from: string, specifier: string): Layer | undefined {
	if (specifier.startsWith('$lib/')) return layerOf(`lib/${specifier.slice(5)}`);
	if (!specifier.startsWith('.')) return undefined;
	const parts = from.split('/').slice(0, -1);
	for (const step of specifier.split('/')) {
		if (step === '..') parts.pop();
		else if (step !== '.') parts.push(step);
	}
	return layerOf(parts.join('/'));
}

const IMPORT =
	/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** Lists every import that goes up a layer, as `file imports specifier (layer)`. */
export function findLayerViolations(files: readonly { path: string; source: string }[]): string[] {
	const violations: string[] = [];
	for (const { path, source } of files) {
		const layer = layerOf(path);
		const rules = FORBIDDEN[layer];
		for (const match of source.matchAll(IMPORT)) {
			const specifier = match[1] ?? match[2] ?? match[3]!;
			const target = resolveLayer(path, specifier);
			if (target && target !== layer && rules.layers.includes(target)) {
				violations.push(`${path} imports ${specifier} (${target} is above ${layer})`);
			} else if (rules.packages.some((pattern) => pattern.test(specifier))) {
				violations.push(
					`${path} imports ${specifier} (${specifier.split('/')[0]} is not allowed in ${layer})`
				);
			}
		}
	}
	return violations;
}
