import type { LangiumCoreServices, LangiumParser } from 'langium';
import { createLangiumParser } from 'langium';

/**
 * Recognition errors after which the parser reads no further. Error recovery costs far more
 * than parsing: 1 MB of `agent agent …` took 30 s and 1.4 GB to parse into 175 000 broken
 * agents, so a 20 MiB file of junk (a hostile workspace) would take many minutes and more
 * memory than the server has. A real file never has this many errors; past them, the text is
 * left unparsed and one more error says where parsing stopped.
 */
export const MAX_PARSER_ERRORS = 500;

/** What the limit needs of Chevrotain's parser (13.2, Langium 4.4): protected API, checked. */
interface ChevrotainParserInternals {
    SAVE_ERROR(error: RecognitionError): RecognitionError;
    moveToTerminatedState(): void;
    readonly _errors: readonly unknown[];
}

interface RecognitionError {
    name: string;
    message: string;
    token: unknown;
    resyncedTokens: unknown[];
}

/** Langium's parser, stopping after `MAX_PARSER_ERRORS` syntax errors. */
export function createThreatModelParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const wrapper = (parser as unknown as { wrapper?: Partial<ChevrotainParserInternals> }).wrapper;
    if (!wrapper || typeof wrapper.SAVE_ERROR !== 'function' || typeof wrapper.moveToTerminatedState !== 'function' || !Array.isArray(wrapper._errors)) {
        // A Chevrotain without these internals: parse without the limit rather than fail.
        return parser;
    }
    const internals = wrapper as ChevrotainParserInternals;
    const save = internals.SAVE_ERROR.bind(internals);
    let stopped = false;
    internals.SAVE_ERROR = (error: RecognitionError): RecognitionError => {
        if (internals._errors.length === 0) stopped = false;
        if (stopped) return error;
        const saved = save(error);
        if (internals._errors.length >= MAX_PARSER_ERRORS) {
            stopped = true;
            save({
                name: 'NotAllInputParsedException',
                message: `Parsing stopped after ${MAX_PARSER_ERRORS} syntax errors; the rest of the file is not read. Fix the first errors.`,
                token: error.token,
                resyncedTokens: []
            });
            internals.moveToTerminatedState();
        }
        return saved;
    };
    return parser;
}
