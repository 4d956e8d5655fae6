// SPDX-License-Identifier: MIT
/**
 * A corpus of injection payloads of the OWASP XSS filter-evasion kind, shared by the security suites. Every payload
 * that could run calls the page's tripwire `__kcPwned(n)`; a suite installs the tripwire and checks that it was never
 * called. Each stays under 200 characters (the knowledge-base question's limit) and within the contract's strings.
 */

/** A payload and why it is in the corpus. */
export interface Payload {
  readonly name: string;
  readonly text: string;
}

/** Markup, script and template payloads for every text a widget shows. */
export const TEXT_PAYLOADS: readonly Payload[] = [
  { name: 'script tag', text: '<script>__kcPwned(1)</script>' },
  { name: 'script tag, upper case, data: src', text: '<SCRIPT SRC=data:text/javascript,__kcPwned(2)></SCRIPT>' },
  { name: 'split script tag', text: '<scr<script>ipt>__kcPwned(3)</scr</script>ipt>' },
  { name: 'img onerror', text: '<img src=x onerror=__kcPwned(4)>' },
  { name: 'img onerror, entity-encoded handler', text: '<img src=x onerror="&#95;&#95;kcPwned&#40;5&#41;">' },
  { name: 'img with tab in javascript: URL', text: '<IMG SRC="jav&#x09;ascript:__kcPwned(6)">' },
  { name: 'svg onload', text: '<svg/onload=__kcPwned(7)>' },
  { name: 'svg script', text: '<svg><script>__kcPwned(8)</script></svg>' },
  { name: 'iframe javascript: src', text: '<iframe src="javascript:__kcPwned(9)"></iframe>' },
  { name: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.__kcPwned(10)</script>"></iframe>' },
  { name: 'link with javascript: URL', text: '<a href="javascript:__kcPwned(11)">open</a>' },
  { name: 'link with mixed-case scheme', text: '<a href="JaVaScRiPt:__kcPwned(12)">open</a>' },
  { name: 'link with newline entity in scheme', text: '<a href="jav&#x0A;ascript:__kcPwned(13)">open</a>' },
  { name: 'link with a tab and a newline in scheme', text: '<a href="java\tscr\nipt:__kcPwned(14)">open</a>' },
  { name: 'link with a leading space and a null', text: '<a href=" \u0000javascript:__kcPwned(15)">open</a>' },
  {
    name: 'link with data: URL',
    text: '<a href="data:text/html;base64,PHNjcmlwdD5fX2tjUHduZWQoMTYpPC9zY3JpcHQ+">open</a>',
  },
  { name: 'link with vbscript: URL', text: '<a href="vbscript:__kcPwned(17)">open</a>' },
  { name: 'base href', text: '<base href="javascript:__kcPwned(18)//">' },
  { name: 'meta refresh', text: '<meta http-equiv="refresh" content="0;url=javascript:__kcPwned(19)">' },
  { name: 'form action', text: '<form action="javascript:__kcPwned(20)"><button>send</button></form>' },
  { name: 'object data', text: '<object data="javascript:__kcPwned(21)"></object>' },
  { name: 'embed src', text: '<embed src="javascript:__kcPwned(22)">' },
  { name: 'details ontoggle', text: '<details open ontoggle=__kcPwned(23)>' },
  { name: 'input autofocus onfocus', text: '<input autofocus onfocus=__kcPwned(24)>' },
  { name: 'body onload', text: '<body onload=__kcPwned(25)>' },
  { name: 'attribute breakout', text: '"><img src=x onerror=__kcPwned(26)>' },
  { name: 'single-quote attribute breakout', text: "' onmouseover='__kcPwned(27)' x='" },
  { name: 'template literal breakout', text: '${__kcPwned(28)}' },
  { name: 'mustache / Angular template breakout', text: "{{constructor.constructor('__kcPwned(29)')()}}" },
  { name: '</style> breakout', text: '</style><script>__kcPwned(30)</script>' },
  { name: '</textarea> breakout', text: '</textarea><img src=x onerror=__kcPwned(31)>' },
  { name: 'comment breakout', text: '<!--<img src="--><img src=x onerror=__kcPwned(32)//">' },
  { name: 'CDATA breakout', text: ']]><script>__kcPwned(33)</script><![CDATA[' },
  {
    name: 'mutation XSS through math and style',
    text: '<math><mtext><table><mglyph><style><img src=x onerror=__kcPwned(34)>',
  },
  { name: 'video source onerror', text: '<video><source onerror="__kcPwned(35)"></video>' },
  { name: 'style import', text: "<style>@import 'javascript:__kcPwned(36)';</style>" },
  { name: 'entity-encoded script tag', text: '&lt;script&gt;__kcPwned(37)&lt;/script&gt;' },
  { name: 'URL-encoded script tag', text: '%3Cscript%3E__kcPwned(38)%3C/script%3E' },
  { name: 'bare javascript: URL', text: 'javascript:__kcPwned(39)' },
];

/** URLs that must never become a link (set where the contract has a URL: articles, privacy notice, channels). */
export const URL_PAYLOADS: readonly string[] = [
  'javascript:__kcPwned(101)',
  'JaVaScRiPt:__kcPwned(102)',
  'java\tscript:__kcPwned(103)',
  'java\nscript:__kcPwned(104)',
  ' \u0001javascript:__kcPwned(105)',
  'jav&#x09;ascript:__kcPwned(106)',
  'data:text/html,<script>__kcPwned(107)</script>',
  'vbscript:__kcPwned(108)',
];

/** Tags a payload could smuggle in: none may appear beyond what the widget renders for plain text. */
export const DANGEROUS_TAGS = [
  'script',
  'img',
  'svg',
  'iframe',
  'base',
  'meta',
  'form',
  'object',
  'embed',
  'link',
  'style',
  'math',
  'video',
  'source',
  'details',
  'input',
  'body',
  'a',
];

declare global {
  interface Window {
    __kcPwned?: (n: number) => void;
  }
}

/**
 * What a payload that ran would leave behind: calls of the tripwire `__kcPwned(n)` and dialogs opened (`alert`,
 * `confirm`, `prompt`, `window.open`, stubbed so that none blocks the page). `arm()` before the suite, `disarm()`
 * after it puts the page's own functions back.
 */
export function tripwire() {
  const hits: unknown[] = [];
  const dialogs: string[] = [];
  const saved = (['alert', 'confirm', 'prompt', 'open'] as const).map(
    (name) => [name, Object.getOwnPropertyDescriptor(window, name)!] as const,
  );
  return {
    hits,
    dialogs,
    arm: (): void => {
      window.__kcPwned = (n) => void hits.push(n);
      window.alert = (m?: unknown) => void dialogs.push(`alert ${String(m)}`);
      window.confirm = (m?: string) => (dialogs.push(`confirm ${String(m)}`), false);
      window.prompt = (m?: string) => (dialogs.push(`prompt ${String(m)}`), null);
      window.open = (u?: string | URL) => (dialogs.push(`open ${String(u)}`), null);
    },
    disarm: (): void => {
      for (const [name, descriptor] of saved) Object.defineProperty(window, name, descriptor);
      delete window.__kcPwned;
    },
  };
}
