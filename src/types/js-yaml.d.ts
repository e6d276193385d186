// js-yaml 3 ships no types (@types/js-yaml would add them): the part of its API the Markdown importer
// uses, safeLoad with a schema of plain data only.
declare module "js-yaml" {
  export interface Schema {
    readonly __schema: unique symbol;
  }
  export const CORE_SCHEMA: Schema;
  export const FAILSAFE_SCHEMA: Schema;
  export function safeLoad(text: string, options?: { schema?: Schema; filename?: string; json?: boolean }): unknown;
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
  const yaml: {
    CORE_SCHEMA: Schema;
    FAILSAFE_SCHEMA: Schema;
    safeLoad: typeof safeLoad;
    YAMLException: typeof YAMLException;
  };
  export default yaml;
}
