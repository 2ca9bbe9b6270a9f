/** `atm --help` and `atm <command> --help`. */

export const GENERAL_HELP = `atm — agentic threat models (.tm): OWASP AIVSS scores and MAESTRO layer coverage

Usage: atm <command> [options]

Commands:
  check [paths…]       validate models (files or folders, *.tm recursively)
  score [paths…]       print every agent's and threat's AIVSS score
  calc                 the AIVSS calculator
  export FILE.tm       write a report: card, markdown, html, json or sarif
  import CARD          turn an AgentReady threat-model card into .tm source
  fmt [paths…]         format models as the editor does (--check: only report)

Every command: --config PATH (default ./atm.config.json), --debug (stack traces), --help.
Exit codes: 0 no error; 1 errors in the models (or a failed gate); 2 usage or I/O error.
Run 'atm <command> --help' for its options.
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
    check: `Usage: atm check [paths…] [options]

Validates .tm models; folders are searched recursively (node_modules and dot-folders skipped).
Each diagnostic is one line: path:line:col: severity code: message

  --format text|json     output format (default text); --json is the same as --format json
  --quiet, -q            errors only
  --strict               warnings fail too (exit 1)
  --fail-on BAND         exit 1 when a complete score is at or above low|medium|high|critical
  --max-warnings N       exit 1 when there are more than N warnings
`,
    score: `Usage: atm score [paths…] [--json | --format text|json]

Prints per agent the headline score (the maximum of its complete scores), the factor sum,
layer coverage and every threat's score, or "incomplete" with what to add.
The JSON document is described by schemas/atm-score.schema.json.
`,
    calc: `Usage: atm calc --cvss VECTOR|NUMBER (--factors f1,…,f10 | --factor-sum X) [options]

  --cvss VECTOR|NUMBER           a CVSS:4.0 vector (CVSS:3.1 only with --aivss 0.5) or a base 0.0–10.0
  --factors f1,…,f10             the ten factor values, 0.0–1.0, at most 2 decimals
  --factor-sum X                 or their sum, 0.0–10.0
  --thm X | --exploit LEVEL      threat multiplier (0 < ThM ≤ 1.5) or attacked|proof_of_concept|unreported
  --mf X | --mitigation LEVEL    mitigation factor (0 < MF ≤ 1) or none|partial|strong (v0.8 only)
  --aivss 0.8|0.5                formula version (default from atm.config.json, else 0.8)
  --rounding half_up|half_even   rounding of the final value (default half_up)
  --json | --format json         JSON output
`,
    export: `Usage: atm export FILE.tm --format card|markdown|html|json|sarif [options]

  -o, --output OUT               write to OUT instead of stdout; an existing OUT needs --force
  --force                        overwrite OUT
  --agent NAME                   only this agent
  --min-severity BAND            SARIF: report scores at or above low|medium|high|critical
                                 (default: every complete score, or export.minSeverity)
  --json                         the same as --format json
`,
    import: `Usage: atm import CARD [-o FILE.tm] [--force]

Reads an AgentReady threat-model card (plain or rich) and prints .tm source, or writes it to
FILE.tm (never over an existing file without --force). A rejected card prints its errors with
line and column, and nothing is written.
`,
    fmt: `Usage: atm fmt [paths…] [--check]

Formats .tm models exactly as the editor's Format Document does, rewriting the files given (and
the *.tm files under the folders given) that change. A file with syntax errors is reported with
its location and left untouched.

  --check                        write nothing; list unformatted files and exit 1 if there are any
`
};
