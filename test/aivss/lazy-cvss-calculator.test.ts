import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SHIM = fileURLToPath(new URL('../../language/aivss/lazy-cvss-calculator.cjs', import.meta.url));

// The bundles import this stand-in instead of ae-cvss-calculator (esbuild.mjs), so that a run
// without CVSS 3.1 vectors never initialises the library. Checked in a fresh process: here,
// vitest has long loaded the library itself.
describe('lazy-cvss-calculator.cjs', () => {
    it('loads the library on first use only, and then is the library', () => {
        const script = `
            const loaded = () => Object.keys(require.cache).some((path) => path.includes('ae-cvss-calculator'));
            const shim = require(${JSON.stringify(SHIM)});
            const before = loaded();
            const score = new shim.Cvss3P1('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:N').calculateScores().base;
            const library = require('ae-cvss-calculator');
            process.stdout.write(JSON.stringify({ before, after: loaded(), score, same: shim.Cvss3P1 === library.Cvss3P1 && shim.Cvss4P0 === library.Cvss4P0 }));
        `;
        const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' })) as Record<string, unknown>;
        expect(result).toEqual({ before: false, after: true, score: 8.2, same: true });
    });
});
