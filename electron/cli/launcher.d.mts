// Types for launcher.mjs (plain JavaScript: it runs before anything is compiled).
export declare const REPO_ROOT: string;
export declare const BUNDLE_DIR: string;
export declare const BUNDLE_ENTRY: string;
export declare const STAMP_FILE: string;
export declare const STAMP_FORMAT: number;

export declare function sha256File(path: string): string;

export type BundleState = { fresh: true } | { fresh: false; reason: string };
export declare function bundleState(root?: string): BundleState;

export declare function launch(root?: string, env?: NodeJS.ProcessEnv): Promise<void>;
