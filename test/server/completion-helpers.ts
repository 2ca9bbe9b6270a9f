import { EmptyFileSystem } from 'langium';
import { createThreatModelLspServices } from '../../server/threat-model-lsp-module.js';

/** The server's services, headless: completion runs through the provider the module binds. */
export const services = createThreatModelLspServices(EmptyFileSystem);
