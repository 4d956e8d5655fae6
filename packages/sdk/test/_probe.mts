import { startMockServer } from '@kc/mock/node';
import { createClient } from '@kc/sdk';
const mock = await startMockServer({ baseUrl: 'http://kc.test/api/v1' } as never);
const kc = createClient({ baseUrl: 'http://kc.test/api/v1', storage: 'memory' });
try {
  const cfg = await kc.config.get();
  console.log('config ok', Object.keys(cfg));
  console.log('queue', JSON.stringify(await kc.queue.status()).slice(0, 200));
  console.log('outages', (await kc.outages.active()).length);
} catch (e) {
  console.log('ERR', e);
}
mock.stop();
