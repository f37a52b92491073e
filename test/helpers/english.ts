// Findings, walk steps and evidence with their English text beside their messages, as the JSON report writes
// them: what tests read when they assert on wording.
import { ReportWriter, speaker } from '../../src/report/index.js';

export const english = new ReportWriter(speaker('en'));
