'use strict';
// What the bundles (esbuild.mjs) import in place of `ae-cvss-calculator`: the library builds its
// tables when it loads (~10 ms of every CLI run and server start), yet only CVSS 3.1 vectors need
// it (4.0 base scores come from cvss40-base-scores.ts), so it is loaded on first use. Tests and
// tools import the library itself.
let library;
const load = () => (library ??= require('ae-cvss-calculator'));

module.exports = {
    get Cvss4P0() {
        return load().Cvss4P0;
    },
    get Cvss3P1() {
        return load().Cvss3P1;
    }
};
