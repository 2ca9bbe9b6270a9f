/** Loads models the way the CLI does and hands them to the pure report functions. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCliServices } from '../../cli/cli-services.js';
import { loadDocuments } from '../../cli/load-documents.js';
import { toReportFile } from '../../cli/commands/common-options.js';
import { DEFAULT_CONFIG } from '../../language/config/atm-config.js';
import type { ReportFile } from '../../language/report/report-types.js';
import { FIXTURES, tempDir } from '../cli/cli-harness.js';

const quietIo = (cwd: string) => ({ out: () => undefined, err: () => undefined, cwd });

/** A fixture of test/fixtures/cli, with its path relative to that folder. */
export async function reportFileOf(name: string, cwd: string = FIXTURES): Promise<ReportFile> {
    const [file] = await loadDocuments(createCliServices(DEFAULT_CONFIG), [join(cwd, name)], quietIo(cwd));
    return toReportFile(file!);
}

/** A model written from text into a fresh folder. */
export async function reportFileFromText(text: string, name = 'model.tm'): Promise<ReportFile> {
    const dir = tempDir('atm-report-');
    writeFileSync(join(dir, name), text);
    return reportFileOf(name, dir);
}
