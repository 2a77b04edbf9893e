// Types for apply-fuses.mjs, which runs in plain Node (no TypeScript at packaging time).
import type { FuseV1Config } from '@electron/fuses';

export declare const GLOSS_FUSES: FuseV1Config;
export declare function fuseMismatches(binaryPath: string): Promise<string[]>;
export declare function applyFuses(binaryPath: string, options?: { resetAdHocDarwinSignature?: boolean }): Promise<void>;
export default function afterPack(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}): Promise<void>;
