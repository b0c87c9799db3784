import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { parseProxyTrust, resolveClientAddress } from '../src/client-address'

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    socket: { remoteAddress },
    connection: { remoteAddress },
  }) as unknown as IncomingMessage

describe('client address', () => {
  it('should use the socket address and ignore X-Forwarded-For when no proxy is trusted', () => {
    const trust = parseProxyTrust(undefined)
    expect(resolveClientAddress(request('203.0.113.7', '198.51.100.1'), trust)).toBe('203.0.113.7')
  })

  it('should take the address the trusted proxy saw, not one the client wrote before it', () => {
    const trust = parseProxyTrust('loopback')
    const req = request('127.0.0.1', '10.9.9.9, 198.51.100.23')
    expect(resolveClientAddress(req, trust)).toBe('198.51.100.23')
  })

  it('should trust a number of proxy hops', () => {
    const trust = parseProxyTrust('2')
    const req = request('10.0.0.2', '6.6.6.6, 198.51.100.23, 10.0.0.1')
    expect(resolveClientAddress(req, trust)).toBe('198.51.100.23')
  })

  it('should ignore X-Forwarded-For from a peer outside the trusted ranges', () => {
    const trust = parseProxyTrust('10.0.0.0/8, loopback')
    expect(resolveClientAddress(request('203.0.113.7', '1.2.3.4'), trust)).toBe('203.0.113.7')
  })
})
