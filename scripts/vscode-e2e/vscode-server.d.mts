// Types for vscode-server.mjs, for the TypeScript UI suite that imports it.
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare const TEST_SETTINGS: Record<string, unknown>;

export interface VSCodeServer {
    port: number;
    baseUrl: string;
    dirs: { root: string; tmp: string; home: string; serverData: string; userData: string; extensions: string };
    logFile: string;
    remoteUri(path: string): string;
    workbenchUrl(folder?: string, payload?: [string, string][]): string;
    stop(): Promise<void>;
    serverLogTail(): string;
}

export declare function startVSCodeServer(options: {
    codeServer: string;
    node?: string;
    installVsix?: string[];
    env?: Record<string, string>;
    readyTimeoutMs?: number;
}): Promise<VSCodeServer>;
