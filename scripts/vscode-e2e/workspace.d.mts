// Types for workspace.mjs, for the TypeScript UI suite that imports it.
export declare const SEED_NAME: string;
export declare function makeWorkspace(label: string): string;
