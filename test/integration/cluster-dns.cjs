// Preloaded (NODE_OPTIONS=--require) into a built process that a test runs as a pod would run: the
// test plays the cluster's DNS. The process is configured with service names, as in Kubernetes
// (postgres.tandem.test, …), which production accepts, and this resolves those names, and only
// those, to the addresses in TANDEM_TEST_DNS (JSON {"name": "address"}); everything else resolves
// as usual. Nothing of it is in the build or the image.
'use strict';
const dns = require('node:dns');

const names = JSON.parse(process.env.TANDEM_TEST_DNS || '{}');
const family = (address) => (address.includes(':') ? 6 : 4);
const lookup = dns.lookup;

dns.lookup = function testLookup(hostname, options, callback) {
  const address = names[hostname];
  if (address === undefined) return lookup.apply(this, arguments);
  const cb = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all;
  process.nextTick(() => (all ? cb(null, [{ address, family: family(address) }]) : cb(null, address, family(address))));
  return {};
};
