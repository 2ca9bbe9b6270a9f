import { stat } from 'node:fs/promises';
import type { LangiumDocument, Stream, URI } from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import { MAX_FILE_SIZE } from '../language/workspace/text-guard.js';

/**
 * Bytes beyond which a workspace file is not read at startup: four times the characters the
 * language parses, room for any UTF-8 text within the limit (the CLI reads up to the same).
 */
export const WORKSPACE_READ_LIMIT = 4 * MAX_FILE_SIZE;

/**
 * Loads the workspace's `.tm` files so that one bad file cannot stop the server: Langium reads
 * every file whole and loads them all in one `Promise.all`, so a file too large for a string
 * (a 600 MB dump named `.tm`) or one that vanished or became unreadable meanwhile failed the
 * whole startup, and no document ever got diagnostics. Files over `WORKSPACE_READ_LIMIT` are
 * skipped unread, and a file that cannot be read is skipped, each with one line in the log (the
 * client's output channel). Opened in the editor, such a file gets its diagnostic from the text
 * the editor sends.
 */
export class ThreatModelWorkspaceManager extends DefaultWorkspaceManager {
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(
            uris.map(async (uri) => {
                try {
                    if (uri.scheme === 'file') {
                        const { size } = await stat(uri.fsPath);
                        if (size > WORKSPACE_READ_LIMIT) {
                            console.warn(`Not loaded: ${uri.fsPath} is ${size} bytes; models over ${WORKSPACE_READ_LIMIT} bytes are not read`);
                            return;
                        }
                    }
                    collector(await this.langiumDocuments.getOrCreateDocument(uri));
                } catch (error) {
                    console.warn(`Not loaded: ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
                }
            })
        );
    }
}
