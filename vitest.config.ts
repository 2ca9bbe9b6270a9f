import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/vscode/**', 'node_modules/**'],
        setupFiles: ['./language/object-group-by-polyfill.js'],
        deps: { interopDefault: true },
        testTimeout: 30_000
    }
});
