import { describe, expect, it } from 'vitest';
import { parseListenAddress } from './listen-address.js';

describe('parseListenAddress', () => {
  it.each([
    ['127.0.0.1:41002', { host: '127.0.0.1', port: 41002 }],
    ['0.0.0.0:1', { host: '0.0.0.0', port: 1 }],
    ['localhost:65535', { host: 'localhost', port: 65535 }],
    ['gateway.internal:8080', { host: 'gateway.internal', port: 8080 }],
    ['[::1]:41002', { host: '::1', port: 41002 }],
    ['[::]:0', { host: '::', port: 0 }],
    ['127.0.0.1:0', { host: '127.0.0.1', port: 0 }],
  ])('reads %s', (value, expected) => {
    expect(parseListenAddress(value)).toEqual(expected);
  });

  it.each([
    ['41002', 'expected HOST:PORT such as 127.0.0.1:41002, got "41002"'],
    ['localhost', 'expected HOST:PORT such as 127.0.0.1:41002, got "localhost"'],
    ['127.0.0.1:http', 'expected HOST:PORT such as 127.0.0.1:41002, got "127.0.0.1:http"'],
    ['127.0.0.1:-1', 'expected HOST:PORT such as 127.0.0.1:41002, got "127.0.0.1:-1"'],
    ['127.0.0.1:65536', 'port 65536 is out of range: expected 1 to 65535, or 0 for any free port'],
    ['[::1]:99999', 'port 99999 is out of range: expected 1 to 65535, or 0 for any free port'],
    ['::1:41002', 'expected HOST:PORT such as 127.0.0.1:41002, got "::1:41002"'],
    ['[nope]:41002', '"[nope]" is not an IPv6 address'],
    ['999.0.0.1:41002', '"999.0.0.1" is not a host name or an IPv4 address'],
    ['my_host:41002', '"my_host" is not a host name or an IPv4 address'],
    [':41002', 'no host before the port in ":41002"'],
  ])('refuses %s', (value, error) => {
    expect(parseListenAddress(value)).toMatchObject({ error });
  });

  it('hints at the fix', () => {
    expect(parseListenAddress('127.0.0.1:99999')).toMatchObject({ hint: 'for example 127.0.0.1:41002' });
    expect(parseListenAddress('::1:41002')).toMatchObject({
      hint: 'write an IPv6 address in brackets, such as [::1]:41002',
    });
  });
});
