/**
 * Runs an action once after a burst of triggers has been quiet for `delayMs`. Builds come one
 * per keystroke; the client needs one refresh after the burst, not one per build.
 */
export class Debouncer {
    protected timer: NodeJS.Timeout | undefined;

    constructor(protected readonly delayMs: number, protected readonly action: () => void) {}

    trigger(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.action();
        }, this.delayMs);
        // A pending refresh must never keep a shutting-down server alive.
        this.timer.unref();
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
    }
}
