// Preloaded into the processes the benchmark measures (`NODE_OPTIONS=--require …`), so the
// shipped bundles run unchanged. With ATM_BENCH_PROBE=<file> set:
// - at exit, writes <file> with CPU time, peak RSS and heap of the process;
// - on SIGUSR2, collects garbage and writes <file>.heap with the live heap (server memory).
// With ATM_BENCH_CPU_PROF_DIR=<dir> set, profiles the process (`--cpu-prof` is not allowed in
// NODE_OPTIONS) and writes <dir>/<script>-<pid>.cpuprofile at exit.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const out = process.env.ATM_BENCH_PROBE;
const profileDir = process.env.ATM_BENCH_CPU_PROF_DIR;
if (profileDir) {
    const inspector = require('node:inspector');
    const session = new inspector.Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 500 });
    session.post('Profiler.start');
    process.on('exit', () => {
        // Same-thread inspector sessions answer synchronously, so this completes before exit.
        session.post('Profiler.stop', (error, result) => {
            if (error) return;
            const script = path.basename(process.argv[1] || 'node').replace(/\.c?js$/, '');
            fs.writeFileSync(path.join(profileDir, `${script}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
        });
    });
}
if (out) {
    // Children of the measured process (none today) must not overwrite its figures.
    delete process.env.ATM_BENCH_PROBE;
    process.on('exit', () => {
        const cpu = process.cpuUsage();
        const usage = process.resourceUsage();
        fs.writeFileSync(out, JSON.stringify({
            cpuMs: (cpu.user + cpu.system) / 1000,
            maxRssBytes: usage.maxRSS * 1024,
            heapUsedBytes: process.memoryUsage().heapUsed,
            uptimeMs: process.uptime() * 1000
        }));
    });
    process.on('SIGUSR2', () => {
        require('node:v8').setFlagsFromString('--expose-gc');
        const gc = require('node:vm').runInNewContext('gc');
        gc();
        const memory = process.memoryUsage();
        fs.writeFileSync(`${out}.heap`, JSON.stringify({ heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal, rssBytes: memory.rss }));
    });
}
