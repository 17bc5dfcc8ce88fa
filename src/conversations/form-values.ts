/** Template variables arrive as numbered fields (`var_0`, `var_1`…): browsers and htmx may send them in any order. */
export const VARIABLE_FIELD = 'var_';
const MAX_VARIABLES = 100;

/** Reads `var_0`, `var_1`… in order until the first missing one, from a form body or from URL search params. */
export function readVariables(read: (name: string) => unknown): string[] {
  const values: string[] = [];
  for (let i = 0; i < MAX_VARIABLES; i++) {
    const value = read(`${VARIABLE_FIELD}${i}`);
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text !== 'string') break;
    values.push(text);
  }
  return values;
}
