/**
 * Reading an approved template's text: Meta stores components as JSON (`[{ "type": "BODY", "text": "Hi {{1}}" }, …]`)
 * with positional ({{1}}) or named ({{order_id}}) placeholders, filled in the order placeholdersOf gives.
 */
export interface TemplateText {
  header: string;
  body: string;
  footer: string;
  /** Placeholder names of the body, in the order their values are sent. */
  placeholders: string[];
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

export function readTemplateText(componentsJson: string): TemplateText {
  let components: unknown;
  try {
    components = JSON.parse(componentsJson);
  } catch {
    components = [];
  }
  const list = Array.isArray(components) ? (components as { type?: unknown; text?: unknown; format?: unknown }[]) : [];
  const textOf = (type: string) => {
    const found = list.find((c) => c && typeof c === 'object' && String(c.type ?? '').toUpperCase() === type);
    // A media header has no text; only TEXT headers are shown.
    return found && typeof found.text === 'string' && (type !== 'HEADER' || !found.format || String(found.format).toUpperCase() === 'TEXT') ? found.text : '';
  };
  const body = textOf('BODY');
  return { header: textOf('HEADER'), body, footer: textOf('FOOTER'), placeholders: placeholdersOf(body) };
}

/** Positional placeholders in number order ({{1}}, {{2}}…, as Meta takes their values), named ones as they appear. */
export function placeholdersOf(text: string): string[] {
  const seen: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) if (!seen.includes(match[1]!)) seen.push(match[1]!);
  return seen.every((name) => /^\d+$/.test(name)) ? seen.sort((a, b) => Number(a) - Number(b)) : seen;
}

/** Fills the placeholders; one without a value (or an empty value) stays visible as {{n}} in the preview. */
export function fillTemplate(text: string, variables: readonly string[]): string {
  const order = placeholdersOf(text);
  return text.replace(PLACEHOLDER, (whole, name: string) => variables[order.indexOf(name)] || whole);
}
