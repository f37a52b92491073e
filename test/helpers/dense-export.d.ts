export interface DenseExportOptions {
  /** Distinct client machines. */
  clients: number;
  /** Stop after the first exchange that brings the export to at least this many bytes. */
  targetBytes: number;
  /** Unrelated Application events per client exchange (default 1: three quarters activation events). */
  unrelatedPerExchange?: number;
  /** Epoch ms of the first exchange (default 2024-01-01 UTC). */
  start?: number;
  /** 'per-channel' (default): each channel numbers its records; 'interleaved': one counter for all records. */
  ids?: 'per-channel' | 'interleaved';
}
export function denseExportChunks(options: DenseExportOptions): Generator<string>;
export function denseExport(options: DenseExportOptions): string;
