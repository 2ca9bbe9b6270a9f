/**
 * The `data` of an unresolved code lens: `[list, agent]` or `[list, agent, threat]`, indexes
 * into the lens list `list` of one document (agents in source order, an agent's threats in
 * source order across its layers). A dozen bytes instead of the document URI and names.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export interface LensData {
    readonly list: number;
    readonly agent: number;
    readonly threat?: number;
}

/** The handle of a lens this server listed, or undefined for anything else a client sends. */
export function lensData(data: unknown): LensData | undefined {
    if (!Array.isArray(data) || (data.length !== 2 && data.length !== 3)) return undefined;
    if (!data.every((item) => Number.isSafeInteger(item) && (item as number) >= 0)) return undefined;
    const [list, agent, threat] = data as number[];
    return { list: list!, agent: agent!, ...(threat !== undefined ? { threat } : {}) };
}

/**
 * A resolve for a list the document has moved past (it was edited or re-parsed). LSP's
 * `ContentModified`: the client drops the answer and asks for lenses again after the change.
 */
export class StaleLensError extends ResponseError<void> {
    constructor() {
        super(LSPErrorCodes.ContentModified, 'The document changed since these code lenses were listed.');
    }
}
