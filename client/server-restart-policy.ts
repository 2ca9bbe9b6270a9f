/** What to do after the language server's connection closed without being asked to. */
export interface RestartDecision {
    /** Start the server again (false: it crashed too often, leave it stopped). */
    readonly restart: boolean;
    /** Tell the user: only the first restart of a session, so a flaky server does not nag. */
    readonly notify: boolean;
    /** Crashes within the window, this one included. */
    readonly recentCrashes: number;
}

/**
 * Restarts a crashed server, but not forever: a server that crashes more than `maxRestarts`
 * times within `windowMs` is left stopped (it would crash again on the same input), and the
 * user can restart it by command. No `vscode` import, so it is unit-testable.
 */
export class ServerRestartPolicy {
    protected readonly crashes: number[] = [];
    protected notified = false;

    constructor(
        readonly maxRestarts = 4,
        readonly windowMs = 3 * 60_000,
        protected readonly now: () => number = Date.now
    ) {}

    onUnexpectedClose(): RestartDecision {
        const time = this.now();
        this.crashes.push(time);
        while (this.crashes.length > 0 && time - this.crashes[0]! > this.windowMs) {
            this.crashes.shift();
        }
        const restart = this.crashes.length <= this.maxRestarts;
        const notify = restart && !this.notified;
        this.notified ||= notify;
        return { restart, notify, recentCrashes: this.crashes.length };
    }

    /** A restart the user asked for starts a fresh count. */
    reset(): void {
        this.crashes.length = 0;
    }
}
