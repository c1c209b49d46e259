/** The `code` of a Node error ('ENOENT', 'EPERM', 'ERR_PARSE_ARGS_…'), or null when the error carries none. */
export function errnoCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
}
