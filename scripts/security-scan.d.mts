// Types for security-scan.mjs, which runs in plain Node.
export interface ScanFinding {
  /** Relative to src/, with forward slashes. */
  file: string;
  /** 1-based; 0 when the finding has no line. */
  line: number;
  id: string;
}

export declare function parseExplanation(text: string): { ids: string[]; reason: string } | null;
export declare function commentBlockAbove(lines: string[], index: number): number[];
export declare function findExplanation(lines: string[], line: number, id: string): { index: number; reason: string } | null;
export declare function explanationsIn(lines: string[]): { index: number; ids: string[] }[];
export declare function judgeFindings<F extends ScanFinding>(
  findings: F[],
  sources: Map<string, string[]>,
): { explained: (F & { reason: string })[]; unexplained: F[]; stale: ScanFinding[] };
