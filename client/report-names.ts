/**
 * File names for the report commands: where an imported card's model and an exported report
 * are proposed. Pure string work, no `vscode` import, so tests can load it.
 */

/** `wan-2.2-s2v.card.txt` → `wan-2.2-s2v`; `notes.txt` → `notes`; `card` → `card`. */
export function cardStem(fileName: string): string {
    const stem = fileName.replace(/\.txt$/i, '').replace(/\.card$/i, '');
    return stem.length > 0 ? stem : 'imported';
}

/**
 * The model names to try for an imported card, best first: `stem.tm`, then names that say
 * where they came from, never one that exists (the caller checks), so that an import never
 * sits on top of a model that is already there.
 */
export function importCandidates(cardFileName: string, count = 20): string[] {
    const stem = cardStem(cardFileName);
    const names = [`${stem}.tm`, `${stem}-imported.tm`];
    for (let n = 2; names.length < count; n++) names.push(`${stem}-imported-${n}.tm`);
    return names;
}

/** `agent.tm` + `.html` → `agent.html`; `Untitled-1` + `.md` → `Untitled-1.md`. */
export function exportFileName(modelFileName: string, extension: string): string {
    const stem = modelFileName.replace(/\.tm$/i, '');
    return `${stem.length > 0 ? stem : 'model'}${extension}`;
}

/** True for a file the import command may take as a card without asking: a `.txt` file. */
export function looksLikeCard(fileName: string): boolean {
    return /\.txt$/i.test(fileName);
}

/** Text from a model or the server, on one line of a message or the output channel. */
export function oneLine(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}

/** The last segment of a URI's path (`file:///m/agent.tm` → `agent.tm`); takes any `{ path }`, so no `vscode` import. */
export function fileName(uri: { readonly path: string }): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
