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
  // Its code loads with the first upload; a failed load rejects like a failed fetch (a KcNetworkError to the caller).
  return async (input, init) => (await import('./xhr-upload.js')).xhrUpload(form, onProgress)(input, init);
}
