// Public face of the CI gate, shared by `volact check` and `volact probe`: what decides the verdict (settings),
// the verdict on one analysis, and the report in the reporter the run asked for.
export { GateError, loadGate, type Gate, type GateFlags } from './settings.js';
export { gateChunks, gateJobSummary, judge, REPORTERS, type GateOutput, type Judged, type Reporter } from './verdict.js';
