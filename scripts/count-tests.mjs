// Sums the test reports that the runners wrote under test-results/ and prints the closing line
// CI reads: `tests: N passed, N failed`. Vitest writes its JSON reporter output; our own runners
// (the VS Code suites) write `{ "passed": N, "failed": N }`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let reports = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.report.json')).sort()) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    reports++;
    if (typeof report.numPassedTests === 'number') {
        passed += report.numPassedTests;
        failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    } else {
        passed += report.passed;
        failed += report.failed;
    }
}
if (reports === 0) {
    console.error(`count-tests: no *.report.json under ${dir}`);
    process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
