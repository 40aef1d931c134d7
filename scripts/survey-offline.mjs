// Loaded with `node --import` into every CLI run of scripts/survey.mjs: any attempt to open a
// socket or resolve a name fails at once, so a survey run can never touch the network (linting must
// not, and this makes a regression loud instead of silent).
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';

const blocked = (what) => () => {
  throw new Error(`survey: network access blocked (${what})`);
};

net.Socket.prototype.connect = blocked('net.Socket.connect');
net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.resolve = blocked('dns.resolve');
dns.promises.lookup = blocked('dns.promises.lookup');
dns.promises.resolve = blocked('dns.promises.resolve');
