/**
 * Fills `{{contact.name}}`, `{{agent.name}}`, `{{business.name}}` in a canned response. Unknown variables stay
 * visible as typed so the agent notices them before sending. Pure: the result is plain text, escaped when rendered.
 */
export function fillCannedVariables(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi, (whole, name: string) => {
    const value = values[name.toLowerCase()];
    return value === undefined ? whole : value;
  });
}
