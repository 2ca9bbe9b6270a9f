/** Command ids as declared in package.json `contributes.commands`; keep the two in step. */
export const Commands = {
    restartServer: 'threatModel.restartServer',
    /** Declared in the manifest; registered by the AIVSS breakdown feature. */
    showBreakdown: 'threatModel.showBreakdown'
} as const;
