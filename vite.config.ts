import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { bankPlugin } from './src/lib/content/bank-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), bankPlugin()],
	build: {
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'client',
					environment: 'jsdom',
					// The first render in a fresh jsdom took up to 6 s on a busy 2-core machine.
					testTimeout: 20_000,
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
