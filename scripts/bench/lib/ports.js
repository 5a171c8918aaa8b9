// The ports the benchmarks serve the build on: BENCH_PORT (default 4360) plus a fixed offset per
// benchmark, so that two benchmarks, or two people's runs on one machine, never share a port.
const BASE = Number(process.env.BENCH_PORT ?? 4360);

/**
 * The port of one benchmark: BENCH_PORT plus its offset.
 * @param {number} offset
 */
export function benchPort(offset) {
	return BASE + offset;
}
