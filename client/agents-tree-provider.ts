import type { Event, TreeDataProvider } from 'vscode';
import { EventEmitter, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AgentsResult, WorkspaceAgent } from '../server/agents-protocol.js';
import { AGENTS_REQUEST } from '../server/agents-protocol.js';

/** Band → icon: the worst bands stand out, an incomplete score looks unfinished. */
const SEVERITY_ICONS: Readonly<Record<string, ThemeIcon>> = {
    Critical: new ThemeIcon('error', new ThemeColor('errorForeground')),
    High: new ThemeIcon('warning', new ThemeColor('editorWarning.foreground')),
    Medium: new ThemeIcon('warning'),
    Low: new ThemeIcon('info'),
    None: new ThemeIcon('pass')
};
const INCOMPLETE_ICON = new ThemeIcon('circle-large-outline');

/**
 * The "Agents by AIVSS" tree: one flat list, in the server's order (worst headline first,
 * incomplete last). Each row reads `Name  7.8 High`; clicking it opens the file at the agent.
 */
export class AgentsTreeProvider implements TreeDataProvider<WorkspaceAgent> {
    protected readonly changed = new EventEmitter<void>();
    readonly onDidChangeTreeData: Event<void> = this.changed.event;
    /** Shown in the view when there is nothing to list; undefined when rows are shown. */
    message: string | undefined;
    protected readonly messageChanged = new EventEmitter<string | undefined>();
    readonly onDidChangeMessage: Event<string | undefined> = this.messageChanged.event;

    constructor(protected readonly client: LanguageClient) {}

    refresh(): void {
        this.changed.fire();
    }

    async getChildren(element?: WorkspaceAgent): Promise<WorkspaceAgent[]> {
        if (element) return [];
        if (!this.client.isRunning()) {
            this.setMessage('The Threat Model language server is not running.');
            return [];
        }
        try {
            const { agents } = await this.client.sendRequest<AgentsResult>(AGENTS_REQUEST, {});
            this.setMessage(agents.length === 0 ? 'No agents in the .tm files of this workspace.' : undefined);
            return [...agents];
        } catch (error) {
            this.setMessage(`The agents could not be listed: ${error instanceof Error ? error.message : String(error)}`);
            return [];
        }
    }

    getTreeItem(agent: WorkspaceAgent): TreeItem {
        const item = new TreeItem(agent.name, TreeItemCollapsibleState.None);
        const uri = Uri.parse(agent.uri);
        item.id = `${agent.uri}#${agent.name}`;
        item.description = agent.description;
        item.iconPath = agent.severity ? SEVERITY_ICONS[agent.severity] ?? INCOMPLETE_ICON : INCOMPLETE_ICON;
        item.tooltip = tooltip(agent, workspace.asRelativePath(uri));
        item.contextValue = 'threatModelAgent';
        item.command = {
            command: 'vscode.open',
            title: 'Go to Agent',
            arguments: [uri, { selection: this.client.protocol2CodeConverter.asRange(agent.range) }]
        };
        return item;
    }

    dispose(): void {
        this.changed.dispose();
        this.messageChanged.dispose();
    }

    protected setMessage(message: string | undefined): void {
        if (message === this.message) return;
        this.message = message;
        this.messageChanged.fire(message);
    }
}

/** Model strings are shown as text: the tooltip is Markdown, so they are put in code spans or escaped. */
function tooltip(agent: WorkspaceAgent, file: string): MarkdownString {
    const markdown = new MarkdownString();
    markdown.appendText(agent.title ? `${agent.name} — ${agent.title}` : agent.name);
    markdown.appendMarkdown('\n\n');
    const lines = [
        agent.score ? `AIVSS ${agent.description}${agent.headlineFrom ? ` (from ${agent.headlineFrom})` : ''}` : `AIVSS ${agent.description}`,
        agent.factorSum === undefined ? 'factor sum invalid' : `factor sum ${agent.factorSum}/10`,
        agent.coverage,
        file
    ];
    markdown.appendText(lines.join('\n'));
    return markdown;
}
