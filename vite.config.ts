import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { bankPlugin } from './src/lib/content/bank-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), bankPlugin()],
	build: {
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	// The backup worker (src/lib/data/backup-worker.ts) is a module worker.
	worker: { format: 'es' },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'client',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts', 'src/**/*.component.test.ts'],
					setupFiles: ['./src/vitest-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts', 'src/**/*.component.test.ts'],
					setupFiles: ['./src/vitest-setup-node.ts']
				}
			}
		]
	}
});
