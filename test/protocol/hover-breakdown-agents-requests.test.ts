import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RequestType, NotificationType0 } from 'vscode-languageserver-protocol/node';
import type { AgentsParams, AgentsResult } from '../../server/agents-protocol.js';
import { AGENTS_CHANGED_NOTIFICATION, AGENTS_REQUEST } from '../../server/agents-protocol.js';
import type { BreakdownParams, BreakdownResult } from '../../server/breakdown-protocol.js';
import { BREAKDOWN_REQUEST } from '../../server/breakdown-protocol.js';
import { LspSession, pathToUri } from './lsp-session.js';

const breakdownRequest = new RequestType<BreakdownParams, BreakdownResult | null, void>(BREAKDOWN_REQUEST);
const agentsRequest = new RequestType<AgentsParams, AgentsResult, void>(AGENTS_REQUEST);
const agentsChanged = new NotificationType0(AGENTS_CHANGED_NOTIFICATION);

const seed = readFileSync(fileURLToPath(new URL('../fixtures/example.tm', import.meta.url)), 'utf8');
// Table 5's "Tool Misuse": 9.9 Critical; and an agent with no CVSS at all.
const other = [
    'agent ToolUser {',
    '    cvss "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"',
    '    factors {',
    '        execution_autonomy 1 external_tool_control_surface 1 natural_language_interface 1 contextual_awareness 1',
    '        behavioral_non_determinism 1 opacity_and_reflexivity 1 persistent_state_retention 0.5 dynamic_identity 1',
    '        multi_agent_interactions 1 self_modification 0.5',
    '    }',
    '}',
    'agent Unscored { layer L1 { threat T } }',
    ''
].join('\n');

let root: string;
let session: LspSession;
let seedUri: string;
let changedNotifications = 0;

beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'atm-views-'));
    writeFileSync(join(root, 'seed.tm'), seed);
    writeFileSync(join(root, 'other.tm'), other);
    seedUri = pathToUri(join(root, 'seed.tm'));
    session = await LspSession.start({
        rootPath: root,
        beforeInitialize: (connection) => connection.onNotification(agentsChanged, () => {
            changedNotifications++;
        })
    });
});

afterAll(async () => {
    await session?.dispose();
    rmSync(root, { recursive: true, force: true });
});

describe('threatModel/agents', () => {
    test('every agent of the workspace (files not opened included), worst first, incomplete last', async () => {
        const { agents } = await session.request(agentsRequest, {});
        expect(agents.map((agent) => [agent.name, agent.description])).toEqual([
            ['ToolUser', '9.9 Critical'],
            ['Wan22S2V', '7.8 High'],
            ['Unscored', 'incomplete — add cvss']
        ]);
        expect(agents[1]).toMatchObject({
            uri: seedUri,
            title: 'WAN 2.2-S2V',
            score: '7.8',
            score10: 78,
            severity: 'High',
            headlineFrom: 'UploadParsing',
            blockers: [],
            factorSum: '1.3',
            coverage: '7/7 layers (6 uncertain)'
        });
        const line = seed.slice(0, seed.indexOf('agent Wan22S2V')).split('\n').length - 1;
        expect(agents[1]!.range.start).toEqual({ line, character: 'agent '.length });
    });

    test('an edit re-scores and the server notifies the client to ask again', async () => {
        await session.open(seedUri, seed);
        const before = changedNotifications;
        await session.change(seedUri, seed.replace('mitigated_by UploadSandbox', ''));
        const deadline = Date.now() + 10_000;
        while (changedNotifications === before && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(changedNotifications).toBeGreaterThan(before);
        const { agents } = await session.request(agentsRequest, {});
        // Without the partial control MF is 1.00: 9.3 + 0.7 × 0.13 × 0.50 = 9.3455 → 9.3.
        const [first, second] = agents;
        expect([first?.name, first?.description, second?.name, second?.description]).toEqual(['ToolUser', '9.9 Critical', 'Wan22S2V', '9.3 Critical']);
        await session.change(seedUri, seed);
    });
});

describe('threatModel/breakdown', () => {
    test("an agent's page and a threat's page", async () => {
        const agent = await session.request(breakdownRequest, { uri: seedUri, agent: 'Wan22S2V' });
        expect(agent?.title).toBe('Wan22S2V');
        expect(agent?.markdown).toContain('# Agent `Wan22S2V`');
        expect(agent?.markdown).toContain('**AIVSS 7.8 High**');
        const threat = await session.request(breakdownRequest, { uri: seedUri, agent: 'Wan22S2V', threat: 'ModelStealing' });
        expect(threat?.title).toBe('Wan22S2V.ModelStealing');
        expect(threat?.markdown).toContain('**AIVSS incomplete**');
    });

    test('from the cursor, for a file that is not open, and null for what does not exist', async () => {
        const line = seed.slice(0, seed.indexOf('exploit unreported')).split('\n').length - 1;
        const atCursor = await session.request(breakdownRequest, { uri: seedUri, position: { line, character: 12 } });
        expect(atCursor?.title).toBe('Wan22S2V.UploadParsing');
        const closed = await session.request(breakdownRequest, { uri: pathToUri(join(root, 'other.tm')), agent: 'ToolUser' });
        expect(closed?.markdown).toContain('**AIVSS 9.9 Critical**');
        expect(await session.request(breakdownRequest, { uri: seedUri, agent: 'Nobody' })).toBeNull();
        expect(await session.request(breakdownRequest, { uri: pathToUri(join(root, 'missing.tm')) })).toBeNull();
    });
});
