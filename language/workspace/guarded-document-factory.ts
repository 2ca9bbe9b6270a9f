import type { AstNode, Cancellation, ParseResult, ParserOptions, URI } from 'langium';
import { DefaultLangiumDocumentFactory } from 'langium';
import { rejectText } from './text-guard.js';

/**
 * Parses rejected text (too large, binary) as an empty model. The document keeps its real
 * text, so the validator can report why at 1:1, while every other service sees an empty, valid
 * AST and stays fast.
 */
export class GuardedDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return super.parse(uri, rejectText(text) ? '' : text, options);
    }

    protected override parseAsync<T extends AstNode>(
        uri: URI,
        text: string,
        cancellationToken: Cancellation.CancellationToken
    ): Promise<ParseResult<T>> {
        return super.parseAsync(uri, rejectText(text) ? '' : text, cancellationToken);
    }
}
