// SPDX-License-Identifier: MIT

/**
 * A `fetch` for one multipart upload that reports progress through `XMLHttpRequest` upload events (a streamed
 * `fetch` body would need HTTP/2 and `duplex: 'half'`, which browsers do not all allow). It sends `form` itself,
 * so that the browser writes the multipart boundary, with the request's method, URL, headers and signal.
 *
 * @example
 * ```ts
 * await kc.request({ operation: 'uploadAttachment', method: 'POST', path: 'attachments', body: form, fetch: uploadWithProgress(form, onProgress) });
 * ```
 */
export function uploadWithProgress(form: FormData, onProgress: (share: number) => void): typeof globalThis.fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const request = new Request(input, init);
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => name !== 'content-type' && xhr.setRequestHeader(name, value));
      xhr.responseType = 'blob';
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr
          .getAllResponseHeaders()
          .trim()
          .split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        resolve(new Response(xhr.status === 204 ? null : (xhr.response as Blob), { status: xhr.status, headers }));
      };
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      const abort = () => {
        xhr.abort();
        reject(request.signal.reason as Error);
      };
      if (request.signal.aborted) return abort();
      request.signal.addEventListener('abort', abort, { once: true });
      xhr.send(form);
    });
}
