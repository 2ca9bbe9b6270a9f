#!/bin/sh
# Stand-in for a VS Code executable (vscodeExecutablePath / useInstallation.fromPath): runs the
# extension tests in the VS Code server + web workbench of a code-server package.
exec node "$(dirname "$0")/run-ext-tests.mjs" "$@"
