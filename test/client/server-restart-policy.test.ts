import { describe, expect, test } from 'vitest';
import { ServerRestartPolicy } from '../../client/server-restart-policy.js';

function policyAt(times: number[]): { policy: ServerRestartPolicy; crash: () => ReturnType<ServerRestartPolicy['onUnexpectedClose']> } {
    let index = 0;
    const policy = new ServerRestartPolicy(2, 1000, () => times[index++]!);
    return { policy, crash: () => policy.onUnexpectedClose() };
}

describe('ServerRestartPolicy', () => {
    test('restarts, and tells the user only about the first restart', () => {
        const { crash } = policyAt([0, 10]);
        expect(crash()).toEqual({ restart: true, notify: true, recentCrashes: 1 });
        expect(crash()).toEqual({ restart: true, notify: false, recentCrashes: 2 });
    });

    test('gives up after too many crashes within the window', () => {
        const { crash } = policyAt([0, 10, 20]);
        crash();
        crash();
        expect(crash()).toEqual({ restart: false, notify: false, recentCrashes: 3 });
    });

    test('crashes older than the window no longer count', () => {
        const { crash } = policyAt([0, 10, 2000]);
        crash();
        crash();
        expect(crash()).toMatchObject({ restart: true, recentCrashes: 1 });
    });

    test('a restart by command starts a fresh count', () => {
        const { policy, crash } = policyAt([0, 10, 20]);
        crash();
        crash();
        policy.reset();
        expect(crash()).toMatchObject({ restart: true, recentCrashes: 1 });
    });
});
