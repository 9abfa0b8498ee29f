/** Elements without a closing tag in HTML. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Problems with an HTML document's tag structure (empty when every non-void element is closed in
 * order). Script and style bodies are skipped; self-closing SVG elements are accepted.
 */
export function htmlStructureProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '<$1></$1>').replace(/<!--[\s\S]*?-->/g, '');
  const tag = /<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    const [, closing, rawName, selfClosing] = m;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || selfClosing === '/') continue;
    if (closing === '') stack.push(name);
    else if (stack.pop() !== name) problems.push(`unexpected </${name}> at offset ${m.index}`);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  if (/<[a-zA-Z][^>]*$/.test(body)) problems.push('truncated tag at the end');
  return problems;
}
