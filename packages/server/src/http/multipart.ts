// SPDX-License-Identifier: MIT

/** One file part of a `multipart/form-data` body. */
export interface FilePart {
  /** The part's name (`file`). */
  readonly name: string;
  /** The `filename` the browser sent (RFC 7578: UTF-8 allowed), or an empty string. */
  readonly fileName: string;
  /** The part's declared content type, lower case, or an empty string. */
  readonly contentType: string;
  /** The bytes. */
  readonly data: Buffer;
}

/** The boundary of a `multipart/form-data` content type, or `undefined`. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  const m = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

function param(header: string, name: string): string | undefined {
  // filename*=UTF-8''… (RFC 5987) wins over filename="…"
  const star = new RegExp(`;\\s*${name}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return undefined;
    }
  }
  const m =
    new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`).exec(header) ??
    new RegExp(`;\\s*${name}=([^;\\s]+)`).exec(header);
  return m?.[1]?.replace(/\\(.)/g, '$1');
}

/**
 * Parses a buffered `multipart/form-data` body into its parts (RFC 7578). The body is already limited in size by
 * the server; this reads only what is between the boundaries.
 *
 * @returns The parts, or `undefined` when the body is not well-formed multipart.
 * @example
 * ```ts
 * const parts = parseMultipart(body, multipartBoundary(request.headers['content-type'])!);
 * ```
 */
export function parseMultipart(body: Buffer, boundary: string): FilePart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FilePart[] = [];
  let start = body.indexOf(delimiter);
  if (start === -1) return undefined;
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headerStart = afterDelimiter + 2; // CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) return undefined;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next === -1) return undefined;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8').split('\r\n');
    let disposition = '';
    let contentType = '';
    for (const line of headers) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') disposition = value;
      if (key === 'content-type') contentType = value.split(';')[0]!.trim().toLowerCase();
    }
    if (!/^form-data\b/i.test(disposition)) return undefined;
    parts.push({
      name: param(disposition, 'name') ?? '',
      fileName: param(disposition, 'filename') ?? '',
      contentType,
      data: body.subarray(headerEnd + 4, next),
    });
    start = next + 2;
  }
}
