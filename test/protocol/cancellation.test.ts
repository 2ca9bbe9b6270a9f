import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CancellationTokenSource,
    CodeLensRequest,
    DocumentSymbolRequest,
    FoldingRangeRequest,
    LSPErrorCodes,
    ResponseError
} from 'vscode-languageserver-protocol/node';
import { generateModel } from '../../bench/model-generator.js';
import { LspSession } from './lsp-session.js';

// Large enough that each request below runs for tens of milliseconds: the cancellation arrives
// while the provider is working, not before it starts (Langium alone handles that case).
const model = generateModel({ lines: 30_000, seed: 11 });
const uri = 'file:///cancellation/big.tm';

let session: LspSession;

beforeAll(async () => {
    session = await LspSession.start({ timeoutMs: 60_000 });
    await session.open(uri, model.text);
    await session.waitForDiagnostics(uri);
}, 90_000);

afterAll(async () => {
    await session?.dispose();
});

/** Sends a request, cancels it ($/cancelRequest) a moment later, and returns the error code (or 'result'). */
async function cancelDuring(type: { readonly method: string }): Promise<number | 'result'> {
    const source = new CancellationTokenSource();
    const pending = session.connection.sendRequest(type.method, { textDocument: { uri } }, source.token);
    await new Promise((resolve) => setTimeout(resolve, 2));
    source.cancel();
    try {
        await pending;
        return 'result';
    } catch (error) {
        if (error instanceof ResponseError) return error.code;
        throw error;
    }
}

describe('$/cancelRequest during a request on a 30k-line model', () => {
    test('document symbols: RequestCancelled (-32800), then the server answers in full', async () => {
        expect(await cancelDuring(DocumentSymbolRequest.type)).toBe(LSPErrorCodes.RequestCancelled);
        expect(await session.request(DocumentSymbolRequest.type, { textDocument: { uri } })).toHaveLength(model.agents);
    });

    test('folding ranges: RequestCancelled, then an answer', async () => {
        expect(await cancelDuring(FoldingRangeRequest.type)).toBe(LSPErrorCodes.RequestCancelled);
        expect((await session.request(FoldingRangeRequest.type, { textDocument: { uri } }))?.length).toBeGreaterThan(model.agents);
    });

    test('code lenses asked right after an edit: RequestCancelled, and the next request lists every lens', async () => {
        // Listing takes ~10 ms here now, too short to cancel reliably mid-way (the unit tests
        // cancel the listing loop itself); after an edit the request first waits for the build.
        await session.change(uri, `${model.text}\n// edited\n`);
        expect(await cancelDuring(CodeLensRequest.type)).toBe(LSPErrorCodes.RequestCancelled);
        expect(await session.request(CodeLensRequest.type, { textDocument: { uri } })).toHaveLength(model.agents + model.threats);
    });
});
