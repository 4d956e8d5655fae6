// SPDX-License-Identifier: MIT
import { expect } from '@open-wc/testing';
import { installLoader, type KcGlobal } from './loader.js';

/** A fresh same-origin document to install into, so that tests don't share `window.kc`. */
async function frame(): Promise<{ doc: Document; win: Window & typeof globalThis; remove: () => void }> {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const doc = iframe.contentDocument!;
  doc.open();
  doc.write('<!doctype html><html lang="en"><head></head><body><main><p>Article</p></main></body></html>');
  doc.close();
  await new Promise((r) => setTimeout(r));
  return { doc, win: iframe.contentWindow as Window & typeof globalThis, remove: () => iframe.remove() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('kc loader', () => {
  it('imports nothing while no kc tag is on the page', async () => {
    const { doc, remove } = await frame();
    const urls: string[] = [];
    installLoader({ base: 'https://cdn.example/kc/1/', document: doc, importer: async (u) => void urls.push(u) });
    doc.body.append(doc.createElement('div'));
    await tick();
    expect(urls).to.deep.equal([]);
    remove();
  });

  it('imports a chunk named after the tag when the tag appears, once', async () => {
    const { doc, remove } = await frame();
    const urls: string[] = [];
    installLoader({ base: 'https://cdn.example/kc/1/', document: doc, importer: async (u) => void urls.push(u) });
    doc.body.append(doc.createElement('kc-chat'));
    const wrapper = doc.createElement('section');
    wrapper.innerHTML = '<kc-chat></kc-chat><div><kc-outage-banner></kc-outage-banner></div>';
    doc.body.append(wrapper);
    await tick();
    expect(urls).to.deep.equal(['https://cdn.example/kc/1/kc-chat.js', 'https://cdn.example/kc/1/kc-outage-banner.js']);
    remove();
  });

  it('loads tags already in the page when it starts', async () => {
    const { doc, remove } = await frame();
    doc.body.innerHTML = '<kc-complaint-status></kc-complaint-status>';
    const urls: string[] = [];
    installLoader({ base: 'https://cdn.example/', document: doc, importer: async (u) => void urls.push(u) });
    expect(urls).to.deep.equal(['https://cdn.example/kc-complaint-status.js']);
    remove();
  });

  it('replays commands queued before it ran, and resolves ready() once the elements are defined', async () => {
    const { doc, win, remove } = await frame();
    const calls: string[] = [];
    const stub = ((...args: unknown[]) => void (stub.q ??= []).push(args as never)) as unknown as KcGlobal;
    win.kc = stub;
    win.kc('ready', () => calls.push('ready'));
    win.kc('load', 'kc-rating');
    doc.body.innerHTML = '<kc-provider></kc-provider>';
    const kc = installLoader({
      base: 'https://cdn.example/',
      document: doc,
      importer: async (url) => {
        const tag = url.slice('https://cdn.example/'.length, -3);
        calls.push(`import ${tag}`);
        win.customElements.define(tag, class extends win.HTMLElement {});
      },
    });
    expect(win.kc).to.equal(kc);
    await kc.ready();
    await tick();
    expect(calls).to.include.members(['import kc-provider', 'import kc-rating', 'ready']);
    expect(win.customElements.get('kc-provider')).to.exist;
    remove();
  });

  it('a second installation returns the first', async () => {
    const { doc, remove } = await frame();
    const a = installLoader({ base: 'https://cdn.example/', document: doc, importer: async () => undefined });
    const b = installLoader({ base: 'https://cdn.example/', document: doc, importer: async () => undefined });
    expect(b).to.equal(a);
    remove();
  });

  it('a chunk that fails to load does not break the page and can be retried', async () => {
    const { doc, win, remove } = await frame();
    let attempts = 0;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const kc = installLoader({
        base: 'https://cdn.example/',
        document: doc,
        importer: async () => {
          attempts++;
          if (attempts === 1) throw new TypeError('network');
          win.customElements.define('kc-callback', class extends win.HTMLElement {});
        },
      });
      doc.body.append(doc.createElement('kc-callback'));
      await tick();
      expect(errors).to.have.length(1);
      await kc.ready();
      expect(attempts).to.equal(2);
    } finally {
      console.error = original;
      remove();
    }
  });
});
