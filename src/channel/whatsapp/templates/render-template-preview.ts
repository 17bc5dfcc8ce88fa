/** Meta's template components as synced: HEADER (format TEXT/IMAGE/…), BODY, FOOTER, BUTTONS. */
export interface TemplateComponent {
  type: string;
  format?: string;
  text?: string;
  buttons?: { type: string; text?: string }[];
}

export interface TemplatePreview {
  header: string | null;
  /** Media header kind (IMAGE, VIDEO, DOCUMENT, LOCATION) when the header is not text. */
  headerFormat: string | null;
  body: string;
  footer: string | null;
  buttons: string[];
  /** How many variables the body needs; a send must supply exactly this many. */
  variableCount: number;
  /** Variables the caller has not filled yet (1-based), so the form can flag them. */
  missing: number[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Distinct placeholders in first-appearance order: {{1}}, {{2}}… or named ones ({{first_name}}). */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

const componentOf = (components: TemplateComponent[], type: string) => components.find((c) => c.type?.toUpperCase() === type);

export function countTemplateVariables(components: TemplateComponent[]): number {
  return templateVariables(componentOf(components, 'BODY')?.text ?? '').length;
}

/**
 * Fills the body's placeholders with `variables` in order ({{1}} takes the first, or the first named placeholder
 * does); unfilled ones stay visible as {{n}}. Pure: the result is plain text, escaped by whoever renders it.
 */
export function renderTemplatePreview(components: TemplateComponent[], variables: string[]): TemplatePreview {
  const bodyText = componentOf(components, 'BODY')?.text ?? '';
  const names = templateVariables(bodyText);
  const valueOf = (name: string) => {
    const index = /^\d+$/.test(name) ? Number(name) - 1 : names.indexOf(name);
    const value = variables[index];
    return value === undefined || value === '' ? null : value;
  };
  const body = bodyText.replace(PLACEHOLDER, (whole, name: string) => valueOf(name) ?? whole);
  const header = componentOf(components, 'HEADER');
  const headerFormat = header?.format && header.format.toUpperCase() !== 'TEXT' ? header.format.toUpperCase() : null;
  return {
    header: header && !headerFormat ? (header.text ?? null) : null,
    headerFormat,
    body,
    footer: componentOf(components, 'FOOTER')?.text ?? null,
    buttons: (componentOf(components, 'BUTTONS')?.buttons ?? []).map((b) => b.text ?? '').filter(Boolean),
    variableCount: names.length,
    missing: names.filter((name) => valueOf(name) === null).map((name) => (/^\d+$/.test(name) ? Number(name) : names.indexOf(name) + 1)),
  };
}
