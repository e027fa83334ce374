// Types for migration-diff.mjs, for the TypeScript tests that import it.

export declare const ROOT: string;
export declare const SCHEMA_PATH: string;
export declare const MIGRATIONS_DIR: string;
export declare const WRANGLER_CONFIG: string;
export declare const DEFAULT_PERSIST_DIR: string;

export declare function listMigrations(): string[];
export declare function applyMigrationsWithWrangler(persistDir: string): void;
export declare function diffDatabaseAgainstSchema(options: {
  persistDir: string;
  schemaPath?: string;
}): Promise<string>;
export declare function diffMigrationsAgainstSchema(options?: {
  persistDir?: string;
  schemaPath?: string;
}): Promise<string>;
