/**
 * The bundled language server over stdio keeps answering whatever it is sent: bytes that are
 * not JSON-RPC, requests with missing or wrong parameters, unknown methods, requests for
 * documents that are closed or were never opened, edits racing with requests and
 * cancellations, and hostile documents. Every wait has a timeout (the session's), so a hung
 * server fails the test instead of stalling it. Restarting a server that does die is the
 * client's job: test/client/server-restart-policy.test.ts and the VS Code robustness suite.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CancellationTokenSource,
    CodeLensRequest,
    CompletionRequest,
    DocumentFormattingRequest,
    DocumentSymbolRequest,
    ErrorCodes,
    HoverRequest,
    RequestType,
    ResponseError
} from 'vscode-languageserver-protocol/node';
import { MAX_FILE_SIZE } from '../../language/workspace/text-guard.js';
import { LspSession } from '../protocol/lsp-session.js';
import { agentsText } from './extreme-texts.js';

let session: LspSession;

beforeAll(async () => {
    session = await LspSession.start({ timeoutMs: 30_000 });
}, 60_000);

afterAll(async () => {
    await session?.dispose();
});

const SEED = agentsText(1);

/** A document symbol request that must still be answered: the server is alive and responsive. */
async function stillAnswers(): Promise<void> {
    const uri = 'file:///survival/alive.tm';
    await session.open(uri, SEED);
    const symbols = await session.request(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect(symbols?.length).toBe(1);
    await session.close(uri);
}

/** The request's result, or the error it was answered with: either is an answer. */
async function answer(type: { readonly method: string }, params: unknown): Promise<{ result?: unknown; error?: ResponseError<unknown> }> {
    try {
        return { result: await session.request(new RequestType<unknown, unknown, unknown>(type.method), params) };
    } catch (error) {
        if (error instanceof ResponseError) return { error };
        throw error;
    }
}

function frame(body: string | Buffer): Buffer {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

describe.sequential('the server survives', () => {
    test('bytes that are not JSON-RPC: broken JSON, binary, wrong shapes, a bare header', async () => {
        const garbage = [
            frame('{"jsonrpc":"2.0","id":'),
            frame(Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x81])),
            frame('[1,2,3]'),
            frame('"just a string"'),
            frame('{"jsonrpc":"1.0","method":42}'),
            frame('{"jsonrpc":"2.0","id":{"nested":true},"method":"textDocument/hover"}'),
            frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":7,"text":null}}}'),
            frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":null}'),
            frame('{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"no-such-request"}}'),
            Buffer.from('X-Unknown-Header: yes\r\n\r\n', 'ascii')
        ];
        for (const bytes of garbage) session.process.stdin.write(bytes);
        // vscode-jsonrpc drops a frame without Content-Length and reads on at the next chunk of
        // input: what arrived in the same chunk after it waits until then. Real clients never
        // send such a frame; pause so the next message arrives on its own.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await stillAnswers();
        expect(session.process.exitCode).toBeNull();
    });

    test('a didOpen whose text is not a string: an invalid-encoding error for it, and every other document still built', async () => {
        // Before: parsing null threw in every later build, and no document got diagnostics again.
        for (const [uri, text] of [['file:///survival/null.tm', 'null'], ['file:///survival/number.tm', '12'], ['file:///survival/object.tm', '{"a":1}']]) {
            session.process.stdin.write(
                frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${uri}","languageId":"threat-model","version":1,"text":${text}}}}`)
            );
            const published = await session.waitForDiagnostics(uri);
            expect(published.diagnostics.map((d) => d.code)).toEqual(['invalid-encoding']);
        }
        await stillAnswers();
    });

    test('unknown methods and missing or wrong parameters get errors, not a crash', async () => {
        const unknown = await answer({ method: 'atm/noSuchMethod' }, {});
        expect(unknown.error?.code).toBe(ErrorCodes.MethodNotFound);
        for (const params of [{}, { textDocument: {} }, { textDocument: { uri: 42 }, position: 'here' }, { textDocument: { uri: 'file:///x.tm' }, position: { line: -1, character: 1e12 } }]) {
            await answer(HoverRequest.type, params);
            await answer(CompletionRequest.type, params);
            await answer(CodeLensRequest.type, params);
        }
        await stillAnswers();
    });

    test('requests for a closed document, and for one never opened, are answered', async () => {
        const uri = 'file:///survival/closed.tm';
        await session.open(uri, SEED);
        await session.waitForDiagnostics(uri);
        await session.close(uri);
        await session.close(uri);
        await session.change('file:///survival/never-opened.tm', 'agent X {}');
        for (const target of [uri, 'file:///survival/never-opened.tm', 'untitled:Nothing', 'file:///etc/passwd']) {
            const position = { line: 8, character: 10 };
            await answer(HoverRequest.type, { textDocument: { uri: target }, position });
            await answer(CompletionRequest.type, { textDocument: { uri: target }, position });
            await answer(CodeLensRequest.type, { textDocument: { uri: target } });
            await answer(DocumentFormattingRequest.type, { textDocument: { uri: target }, options: { tabSize: 4, insertSpaces: true } });
        }
        await stillAnswers();
    });

    test('edits racing with requests and cancellations: every request is answered, the last text wins', async () => {
        const uri = 'file:///survival/racing.tm';
        await session.open(uri, SEED);
        const pending: Array<Promise<unknown>> = [];
        for (let i = 0; i < 60; i++) {
            // Alternate valid and broken texts, as a user typing does.
            const text = i % 3 === 0 ? SEED.slice(0, (SEED.length * i) / 60) : SEED.replace('Agent0', `Agent${i}`);
            await session.change(uri, text);
            const position = { line: 3, character: i % 20 };
            pending.push(
                session.connection
                    .sendRequest(HoverRequest.type, { textDocument: { uri }, position })
                    .catch((error: unknown) => expect(error).toBeInstanceOf(ResponseError)),
                answer(CodeLensRequest.type, { textDocument: { uri } }),
                answer(CompletionRequest.type, { textDocument: { uri }, position })
            );
        }
        // A request cancelled by the client is answered too (with RequestCancelled or a result).
        const source = new CancellationTokenSource();
        const cancelled = session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }, source.token).catch((error: unknown) => error);
        source.cancel();
        pending.push(cancelled);
        await Promise.race([Promise.all(pending), new Promise((_, reject) => setTimeout(() => reject(new Error('requests left unanswered')), 30_000))]);
        const since = session.diagnosticCount(uri);
        await session.change(uri, SEED.replace('Agent0', 'Final'));
        const last = await session.waitForDiagnostics(uri, { since });
        expect(last.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        const symbols = await session.request(DocumentSymbolRequest.type, { textDocument: { uri } });
        expect(symbols?.map((s) => s.name)).toEqual(['Final']);
        await session.close(uri);
    });

    test('hostile documents get their diagnostics: too large, binary, Trojan Source, a 5 MB string', async () => {
        const cases: Array<[string, string, string]> = [
            ['file:///survival/huge.tm', ' '.repeat(MAX_FILE_SIZE + 1), 'file-too-large'],
            ['file:///survival/binary.tm', `agent A {}\u0000\u0001`, 'invalid-encoding'],
            ['file:///survival/trojan.tm', 'agent A "admin\u202E\u2066" {}\n', 'bidi-control'],
            ['file:///survival/long.tm', `agent A { summary "${'x'.repeat(5 * 1024 * 1024)}" }`, 'missing-layer']
        ];
        for (const [uri, text, code] of cases) {
            await session.open(uri, text);
            const published = await session.waitForDiagnostics(uri, { accept: (params) => params.diagnostics.some((d) => d.code === code) });
            expect(published.diagnostics.every((d) => String(d.message).length <= 500)).toBe(true);
            await answer(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
            await session.close(uri);
        }
        await stillAnswers();
    });

    test('after all that: no uncaught exception on stderr, and a clean shutdown', async () => {
        expect(session.stderr).not.toMatch(/Uncaught|UnhandledPromiseRejection|FATAL|heap out of memory/i);
        expect(await session.dispose()).toBe(0);
    });
});
