/**
 * What the language refuses to parse: files beyond the size limit, and text that is not text
 * (a NUL byte, or U+FFFD, which is what undecodable UTF-8 turns into). Such a document is parsed
 * as empty and gets one located diagnostic instead of thousands of syntax errors or a hang.
 */
export const MAX_FILE_SIZE = 20 * 1024 * 1024;

export type TextRejection =
    | { readonly code: 'file-too-large'; readonly message: string }
    | { readonly code: 'invalid-encoding'; readonly message: string; readonly offset: number };

export function rejectText(text: string): TextRejection | undefined {
    if (typeof text !== 'string') {
        // Only a malformed `textDocument/didOpen` (text null or a number) gets here; parsed, it
        // threw in every later build and no document got diagnostics again.
        return { code: 'invalid-encoding', message: 'Not a text model: the editor sent no text', offset: 0 };
    }
    if (text.length > MAX_FILE_SIZE) {
        const mib = (text.length / (1024 * 1024)).toFixed(1);
        return {
            code: 'file-too-large',
            message: `File is ${mib} MiB; models larger than ${MAX_FILE_SIZE / (1024 * 1024)} MiB are not parsed`
        };
    }
    const nul = text.indexOf('\u0000');
    const replacement = text.indexOf('\uFFFD');
    if (nul >= 0 || replacement >= 0) {
        const offset = nul < 0 ? replacement : replacement < 0 ? nul : Math.min(nul, replacement);
        const what = offset === nul ? 'a NUL byte' : 'bytes that are not valid UTF-8';
        return { code: 'invalid-encoding', message: `Not a text model: ${what} at offset ${offset}`, offset };
    }
    return undefined;
}
