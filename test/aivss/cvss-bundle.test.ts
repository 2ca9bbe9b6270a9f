import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';

// ae-cvss-calculator is CommonJS; the default import must also resolve once esbuild bundles the
// engine to CJS (the extension and the CLI ship that way), not only under vitest.
test('the engine scores a vector when bundled to CommonJS by esbuild', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const result = await build({
        stdin: {
            contents: "import { parseCvssVector } from './language/aivss/index.js';\n" +
                "const parsed = parseCvssVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U');\n" +
                'module.exports = parsed.ok ? parsed.value.base10 : parsed.errors;\n',
            resolveDir: root,
            sourcefile: 'bundle-entry.ts',
            loader: 'ts'
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        write: false,
        logLevel: 'silent'
    });
    const module = { exports: {} as unknown };
    runInNewContext(result.outputFiles[0]?.text ?? '', { module, exports: module.exports, console });
    expect(module.exports).toBe(93);
});
