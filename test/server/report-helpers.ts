/** Headless server services with a workspace folder, for the report request handlers. */
import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import type { LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { InitializeParams } from 'vscode-languageserver';
import type { Model } from '../../language/generated/ast.js';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

export const WORKSPACE = 'file:///work/space';

export const { shared, ThreatModel: services } = createThreatModelLspServices(EmptyFileSystem);
export const reports = services.reports.ReportRequests;

shared.workspace.WorkspaceManager.initialize({ workspaceFolders: [{ uri: WORKSPACE, name: 'space' }] } as unknown as InitializeParams);
await shared.workspace.WorkspaceManager.initialized({});

const parse = parseHelper<Model>(services);

export function fixture(path: string): string {
    return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/**
 * A model in the server's documents at `WORKSPACE/path`. `validated: false` leaves it linked
 * only, as Langium leaves workspace files that no editor opened.
 */
export async function addModel(path: string, text: string, validated = true): Promise<LangiumDocument<Model>> {
    return parse(text, { documentUri: `${WORKSPACE}/${path}`, validation: validated });
}
