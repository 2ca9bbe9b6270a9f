import { window } from 'vscode';
import { State } from 'vscode-languageclient/node';
import { AgentsTreeProvider } from './agents-tree-provider.js';
import type { ClientFeatureContext } from './register-commands.js';

/** The view id declared in package.json `contributes.views.explorer`. */
export const AGENTS_VIEW_ID = 'threatModel.agents';

/**
 * Registers the "Agents by AIVSS" explorer view. It asks the server (`threatModel/agents`) when
 * it is shown, and again on `threatModel/agentsChanged`, which the server sends after builds,
 * and whenever the server (re)starts.
 */
export function registerAgentsTree({ extension, client, onScoresChanged }: ClientFeatureContext): void {
    const provider = new AgentsTreeProvider(client);
    const view = window.createTreeView(AGENTS_VIEW_ID, { treeDataProvider: provider });
    extension.subscriptions.push(
        provider,
        view,
        provider.onDidChangeMessage((message) => {
            view.message = message;
        }),
        onScoresChanged(() => provider.refresh()),
        client.onDidChangeState((event) => {
            if (event.newState === State.Running || event.newState === State.Stopped) provider.refresh();
        })
    );
}
