import type { TextDocument } from 'vscode';
import { commands, FileSystemError, languages, Position, Range, Selection, Uri, window, workspace, WorkspaceEdit } from 'vscode';
import type { ImportCardParams, ImportCardResult } from '../server/report-protocol.js';
import { IMPORT_CARD_REQUEST, MAX_CARD_LENGTH } from '../server/report-protocol.js';
import { Commands, LANGUAGE_ID } from './manifest-ids.js';
import type { ClientFeatureContext } from './register-commands.js';
import { fileName, importCandidates, looksLikeCard, oneLine } from './report-names.js';

/** UTF-8 takes at most four bytes a character: a file beyond this cannot be a card the server reads. */
const MAX_CARD_BYTES = 4 * MAX_CARD_LENGTH;

/**
 * "Import Threat-Model Card…": the card is the file the command was run on (explorer), else
 * the `.txt` file in the active editor, else one the user picks. The client reads that one
 * file; the server parses the text (`threatModel/importCard`) and reads nothing. The model
 * opens unsaved, under a name next to the card that no file has yet, so saving it never
 * replaces a model; a rejected card shows where it stopped.
 */
export function registerImportCardCommand(features: ClientFeatureContext): void {
    features.extension.subscriptions.push(
        commands.registerCommand(Commands.importCard, async (resource?: unknown) => {
            const card = resource instanceof Uri ? resource : await chooseCard();
            if (!card) return;
            const text = await readCard(card, features);
            if (text === undefined) return;
            const name = fileName(card);
            let result: ImportCardResult;
            try {
                result = await features.client.sendRequest<ImportCardResult>(IMPORT_CARD_REQUEST, { text, source: name } satisfies ImportCardParams);
            } catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                features.output.error(`${IMPORT_CARD_REQUEST} failed: ${reason}`);
                void window.showErrorMessage(`The card could not be imported: ${reason}`);
                return;
            }
            if (!result.ok) {
                showRejection(card, name, result.errors, features);
                return;
            }
            const document = await openImported(card, result.tm);
            features.output.info(`Imported ${name} as ${document.uri.toString()}.`);
            void window.showInformationMessage(
                `Imported "${oneLine(result.name)}" from ${name} as an unsaved model. Save it to keep it.`,
                'Save'
            ).then(async (choice) => {
                if (choice === 'Save' && !document.isClosed) await document.save();
            });
        })
    );
}

async function chooseCard(): Promise<Uri | undefined> {
    const active = window.activeTextEditor?.document;
    if (active && active.uri.scheme !== 'untitled' && looksLikeCard(fileName(active.uri))) return active.uri;
    const picked = await window.showOpenDialog({
        title: 'Import Threat-Model Card',
        openLabel: 'Import',
        canSelectMany: false,
        canSelectFolders: false,
        filters: { 'Threat-model cards': ['txt'], 'All files': ['*'] },
        ...(workspace.workspaceFolders?.[0] ? { defaultUri: workspace.workspaceFolders[0].uri } : {})
    });
    return picked?.[0];
}

/** The card's text: what its editor shows when it is open (unsaved edits included), else the file. */
async function readCard(card: Uri, { output }: ClientFeatureContext): Promise<string | undefined> {
    const open = workspace.textDocuments.find((document) => document.uri.toString() === card.toString());
    if (open) return open.getText();
    try {
        const stat = await workspace.fs.stat(card);
        if (stat.size > MAX_CARD_BYTES) {
            void window.showErrorMessage(`${fileName(card)} is ${stat.size} bytes: far too large for a threat-model card.`);
            return undefined;
        }
        // Undecodable bytes become U+FFFD, which the server reports as "not a text card".
        return new TextDecoder('utf-8').decode(await workspace.fs.readFile(card));
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        output.error(`Reading ${card.toString()} failed: ${reason}`);
        void window.showErrorMessage(`${fileName(card)} could not be read: ${reason}`);
        return undefined;
    }
}

function showRejection(card: Uri, name: string, errors: readonly { line: number; column: number; message: string }[], { output }: ClientFeatureContext): void {
    for (const error of errors) output.error(`${name}:${error.line}:${error.column}: ${oneLine(error.message)}`);
    const first = errors[0];
    if (!first) return;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more in the Threat Model output)` : '';
    const actions = errors.length > 1 ? ['Go to Error', 'Show All'] : ['Go to Error'];
    void window.showErrorMessage(
        `${name} is not a threat-model card: line ${first.line}, column ${first.column}: ${oneLine(first.message)}${more}`,
        ...actions
    ).then(async (choice) => {
        if (choice === 'Show All') output.show(true);
        if (choice === 'Go to Error') {
            const position = new Position(Math.max(0, first.line - 1), Math.max(0, first.column - 1));
            const editor = await window.showTextDocument(card, { preview: true });
            editor.selection = new Selection(position, position);
            editor.revealRange(new Range(position, position));
        }
    });
}

/** An untitled `.tm` document with the model, named after the card and saved beside it on Save. */
async function openImported(card: Uri, tm: string): Promise<TextDocument> {
    const target = await freeTarget(card);
    const document = await workspace.openTextDocument(target);
    const edit = new WorkspaceEdit();
    edit.replace(target, new Range(new Position(0, 0), document.lineAt(Math.max(0, document.lineCount - 1)).range.end), tm);
    await workspace.applyEdit(edit);
    if (document.languageId !== LANGUAGE_ID) await languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    await window.showTextDocument(document, { preview: false });
    return document;
}

/**
 * `untitled:` plus the path of the first candidate name beside the card that neither a file
 * nor an open unsaved import holds. The `.tm` extension also keeps the document a model for
 * the server after it is closed.
 */
async function freeTarget(card: Uri): Promise<Uri> {
    const folder = Uri.joinPath(card, '..');
    const names = importCandidates(fileName(card));
    for (const name of names) {
        const file = Uri.joinPath(folder, name);
        const untitled = file.with({ scheme: 'untitled' });
        if (workspace.textDocuments.some((document) => document.uri.toString() === untitled.toString())) continue;
        if (!(await exists(file))) return untitled;
    }
    // Twenty imports of one card unsaved or on disk: the last name again (Save asks before replacing).
    return Uri.joinPath(folder, names[names.length - 1]!).with({ scheme: 'untitled' });
}

async function exists(file: Uri): Promise<boolean> {
    try {
        await workspace.fs.stat(file);
        return true;
    } catch (error) {
        // Anything but "not found" (no permission, say): treat the name as taken.
        return !(error instanceof FileSystemError && error.code === 'FileNotFound');
    }
}
