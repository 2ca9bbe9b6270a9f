import type { AstNode, MaybePromise, ValidationAcceptor, ValidationCheck } from 'langium';
import { ValidationRegistry } from 'langium';

/**
 * Langium wraps every registered check in two async functions (to turn a thrown error into a
 * diagnostic), so a synchronous check costs two promises and two microtasks per node. This
 * wrapper calls the check directly and handles a synchronous throw the same way (the error
 * becomes an 'An error occurred during validation' diagnostic on the node); a check that
 * returns a promise still gets Langium's handling for its rejection. Our checks are all
 * synchronous, and there are thousands of calls per validation.
 */
export class ThreatModelValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept: ValidationAcceptor, cancelToken): MaybePromise<void> => {
            let result: MaybePromise<void>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => {
                    throw error;
                }, 'An error occurred during validation', accept, node);
            }
            if (result !== undefined && typeof (result as PromiseLike<void>).then === 'function') {
                return this.handleException(() => result, 'An error occurred during validation', accept, node);
            }
            return undefined;
        };
    }
}

