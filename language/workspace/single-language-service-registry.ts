import type { LangiumCoreServices, URI } from 'langium';
import { DefaultServiceRegistry } from 'langium';

/**
 * This project registers one language, so every document is a `.tm` model whatever its URI:
 * an untitled editor (`untitled:Untitled-1`, no extension), a file the CLI was pointed at by
 * name (`model.txt`). Langium's registry looks a closed document's language up by extension
 * and throws for those, which made every later build fail after an untitled editor closed.
 */
export class SingleLanguageServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const [only, ...others] = this.all;
        return only && others.length === 0 ? only : super.getServices(uri);
    }
}
